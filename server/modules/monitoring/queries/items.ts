/** What each participant sees of the monitoring loop: the list in its scope, and one item with its step timeline. */
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import {
  ACTION_LABELS,
  LINKS,
  STATE_LABELS,
  TASK_STATE_LABELS,
  available,
  canSee,
  type Action,
} from '../domain/loop.js';
import { monitoringRepo, type ListScope } from '../repository.js';

function scopeOf(a: Actor): ListScope | null {
  if (a.role === 'admin' || a.role === 'analyst') return { all: true };
  if (a.role === 'monitor') return { bodyUserId: a.id };
  if (a.role === 'supervisor' && a.districtCode) return { districtCode: a.districtCode };
  return null;
}

export async function listItems(ctx: Ctx, actor: Actor, state: string | null) {
  const scope = scopeOf(actor);
  if (!scope) return fail('forbidden', { zh: '无权查看监测事项', en: 'You may not view monitoring items.' });
  const rows = await monitoringRepo.list(ctx.db, scope, state, 300);
  const today = ctx.today();
  return {
    items: rows.map((r) => ({
      id: r.id,
      no: r.no,
      title: r.title,
      topic: r.topic,
      body_name: r.body_name,
      state: r.state,
      state_label: STATE_LABELS[r.state],
      due_date: r.due_date,
      overdue: !!r.due_date && r.due_date < today && ['issued', 'received'].includes(r.state),
      issued_at: r.issued_at,
      findings: r.findings.length,
      tasks: r.tasks,
      tasks_done: r.tasks_done,
    })),
  };
}

export async function getItem(ctx: Ctx, actor: Actor, id: string) {
  const item = await monitoringRepo.get(ctx.db, id);
  const all = item ? await monitoringRepo.tasks(ctx.db, item.id) : [];
  if (!item || !canSee(actor, item, all))
    return fail('not_found', {
      zh: `监测事项不存在或无权访问 (${id.slice(0, 64)})`,
      en: `No such monitoring item, or not visible to you (${id.slice(0, 64)}).`,
    });
  // a district sees its own task, not what the other districts were told or did; the body sees none
  const tasks =
    actor.role === 'supervisor'
      ? all.filter((t) => t.district_code === actor.districtCode)
      : actor.role === 'monitor'
        ? []
        : all;
  // a district sees its own district steps, the body none of them (what a district did is the city's business)
  const steps = (await monitoringRepo.steps(ctx.db, item.id)).filter(
    (s) =>
      !s.district_code ||
      (actor.role === 'supervisor' ? s.district_code === actor.districtCode : actor.role !== 'monitor'),
  );
  const doneActions = new Set(steps.map((s) => s.action));
  // a link counts as done when its step ran; district links when every district task reached it
  const linkDone = (i: number) => {
    if (i === 4) return all.length > 0 && all.every((t) => t.state !== 'assigned');
    if (i === 5) return all.length > 0 && all.every((t) => t.state === 'done');
    return LINKS[i]!.done.some((a) => doneActions.has(a));
  };
  const names = await monitoringRepo.districts(ctx.db);
  const today = ctx.today();
  return {
    item: {
      ...item,
      state_label: STATE_LABELS[item.state],
      findings: item.findings.map((f, i) => ({
        ...f,
        ref: i,
        district_name: f.district_code ? (names.get(f.district_code) ?? null) : null,
      })),
    },
    links: LINKS.map((l, i) => ({ label: l.label, done: linkDone(i) })),
    tasks: tasks.map((t) => ({
      ...t,
      state_label: TASK_STATE_LABELS[t.state],
      overdue: t.state !== 'done' && !!t.due_date && t.due_date < today,
    })),
    steps: steps.map((s) => ({ ...s, action_label: ACTION_LABELS[s.action as Action | 'issue'] ?? s.action })),
    actions: available(item, all, actor).map((a) => ({
      ...a,
      label: ACTION_LABELS[a.action],
      district_name: a.district_code ? (names.get(a.district_code) ?? null) : null,
    })),
  };
}

export async function listBodies(ctx: Ctx) {
  return { items: await monitoringRepo.bodies(ctx.db) };
}
