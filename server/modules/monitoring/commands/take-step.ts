/**
 * One step of the monitoring loop (receive, report findings, return, dispatch, district accept/report back, close):
 * the state machine decides, the item and its district tasks change under an optimistic lock, and the step is logged
 * with its owner (user and unit) and time — all in one transaction.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { ACTION_LABELS, canSee, decide, type Input } from '../domain/loop.js';
import { monitoringRepo } from '../repository.js';

/** The dispatch input as sent: due dates default to 5 working days from today. */
export type StepInput =
  | Exclude<Input, { action: 'dispatch' }>
  | {
      action: 'dispatch';
      tasks: {
        district_code: string;
        instruction: string;
        finding_refs?: number[] | undefined;
        due_date?: string | undefined;
      }[];
    };

export async function takeStep(ctx: Ctx, actor: Actor, itemId: string, raw: StepInput) {
  const today = ctx.today();
  const input: Input =
    raw.action === 'dispatch'
      ? {
          action: 'dispatch',
          tasks: raw.tasks.map((t) => ({ ...t, due_date: t.due_date ?? ctx.cal().addWorkdays(today, 5) })),
        }
      : raw;
  if (input.action === 'dispatch' && input.tasks.some((t) => t.due_date < today))
    return fail('invalid_input', { zh: '处置期限早于今天', en: 'The deadline is before today.' });
  return ctx.db.tx(async (q) => {
    const item = await monitoringRepo.get(q, itemId, true);
    const tasks = item ? await monitoringRepo.tasks(q, item.id) : [];
    if (!item || !canSee(actor, item, tasks))
      return fail('not_found', {
        zh: `监测事项不存在或无权访问 (${itemId.slice(0, 64)})`,
        en: `No such monitoring item, or not visible to you (${itemId.slice(0, 64)}).`,
      });
    const districts = await monitoringRepo.districts(q);
    const d = decide(item, tasks, actor, input, new Set(districts.keys()));
    if (!d.ok) return fail(d.code, d.message);
    const at = ctx.now();
    const patch: Parameters<typeof monitoringRepo.update>[3] = { state: d.state };
    const payload: Record<string, unknown> = {};
    switch (input.action) {
      case 'receive':
        if (input.note) payload.note = input.note;
        break;
      case 'report_findings':
        Object.assign(patch, { findings_summary: input.summary.trim(), findings: input.findings });
        Object.assign(payload, {
          summary: input.summary.trim(),
          count: input.findings.length,
          note: `${input.summary.trim()}（线索 ${input.findings.length} 条）`,
        });
        break;
      case 'return_findings':
        payload.note = input.reason.trim();
        break;
      case 'dispatch':
        await monitoringRepo.insertTasks(q, item.id, input.tasks);
        payload.tasks = input.tasks.map((t) => ({
          district_code: t.district_code,
          district: districts.get(t.district_code),
          due_date: t.due_date,
        }));
        payload.note = `分派 ${input.tasks.map((t) => districts.get(t.district_code) ?? t.district_code).join('、')}`;
        break;
      case 'accept_task':
        if (input.note) payload.note = input.note;
        break;
      case 'report_handling':
        Object.assign(payload, {
          handling: input.handling.trim(),
          cases_opened: input.cases_opened,
          accounts_handled: input.accounts_handled,
          note: `${input.handling.trim()}（立案 ${input.cases_opened} 件，处置账号 ${input.accounts_handled} 个）`,
        });
        break;
      case 'close':
        Object.assign(patch, { summary: input.summary.trim(), closed_at: at });
        payload.note = input.summary.trim();
        break;
    }
    for (const t of d.tasks) {
      if (t.create) continue;
      await monitoringRepo.setTask(
        q,
        item.id,
        t.district_code,
        input.action === 'report_handling'
          ? {
              state: t.state,
              handling: input.handling.trim(),
              cases_opened: input.cases_opened,
              accounts_handled: input.accounts_handled,
              by: actor.displayName,
              at,
            }
          : { state: t.state },
      );
    }
    if (!(await monitoringRepo.update(q, item.id, item.version, patch)))
      return fail('conflict', {
        zh: '监测事项已被他人更新，请刷新后重试',
        en: 'Someone else updated this monitoring item; reload and try again.',
      });
    await monitoringRepo.appendStep(q, item.id, {
      at,
      action: input.action,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_role: actor.role,
      unit_id: actor.unitId,
      unit_name: actor.role === 'monitor' ? actor.displayName : await monitoringRepo.unitName(q, actor.unitId),
      district_code: d.district_code,
      payload,
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'monitoring.step',
      subjectType: 'monitoring',
      subjectId: item.id,
      detail: { action: input.action, state: d.state, district: d.district_code },
    });
    return { id: item.id, no: item.no, state: d.state, step: ACTION_LABELS[input.action] };
  });
}
