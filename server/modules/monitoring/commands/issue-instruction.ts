/** 监测指令发起: the city bureau addresses a monitoring instruction to a monitoring body, with what to watch and by when. */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { ACTION_LABELS, isCity } from '../domain/loop.js';
import { monitoringRepo } from '../repository.js';

export interface IssueInput {
  title: string;
  topic: string;
  requirements: string;
  keywords?: string[] | undefined;
  body_user_id: string;
  due_date?: string | undefined;
}

export async function issueInstruction(ctx: Ctx, actor: Actor, i: IssueInput) {
  if (!isCity(actor))
    return fail('forbidden', {
      zh: '只有市局可以发起监测指令',
      en: 'Only the city bureau can issue monitoring instructions.',
    });
  if (!i.title.trim() || !i.requirements.trim())
    return fail('invalid_input', {
      zh: '请填写指令标题和监测要求',
      en: 'Please give the instruction a title and the monitoring requirements.',
    });
  const today = ctx.today();
  const due = i.due_date ?? ctx.cal().addWorkdays(today, 10);
  if (due < today)
    return fail('invalid_input', {
      zh: `反馈期限 ${due} 早于今天`,
      en: `The feedback deadline ${due} is before today.`,
    });
  return ctx.db.tx(async (q) => {
    const body = (await monitoringRepo.bodies(q)).find((b) => b.id === i.body_user_id);
    if (!body)
      return fail('invalid_input', {
        zh: `未登记的监测机构 (${i.body_user_id.slice(0, 64)})`,
        en: `Not a registered monitoring body (${i.body_user_id.slice(0, 64)}).`,
      });
    const id = randomUUID();
    const at = ctx.now();
    const keywords = [...new Set((i.keywords ?? []).map((k) => k.trim()).filter(Boolean))].slice(0, 30);
    const no = await monitoringRepo.insert(
      q,
      {
        id,
        title: i.title.trim(),
        topic: i.topic.trim(),
        requirements: i.requirements.trim(),
        keywords,
        body_user_id: body.id,
        body_name: body.name,
        due_date: due,
        issued_at: at,
      },
      today,
    );
    await monitoringRepo.appendStep(q, id, {
      at,
      action: 'issue',
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_role: actor.role,
      unit_id: actor.unitId,
      unit_name: await monitoringRepo.unitName(q, actor.unitId),
      district_code: null,
      payload: {
        to: body.name,
        due_date: due,
        note: `${ACTION_LABELS.issue}：${i.title.trim()}，指定 ${body.name}，${due} 前反馈`,
      },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'monitoring.issue',
      subjectType: 'monitoring',
      subjectId: id,
      detail: { no, body: body.id },
    });
    return { id, no, state: 'issued' as const, due_date: due, body_name: body.name };
  });
}
