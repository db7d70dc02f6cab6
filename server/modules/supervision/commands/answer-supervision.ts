/** 督办回复: the handling station reports what it did; the item waits for the supervisor's finding. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { canAnswer } from '../domain/supervision.js';
import { supervisionRepo } from '../repository.js';

export async function answerSupervision(ctx: Ctx, actor: Actor, id: string, response: string) {
  if (!response.trim())
    return fail('invalid_input', { zh: '请填写督办回复内容', en: 'Please write the reply to the supervision.' });
  return ctx.db.tx(async (q) => {
    const s = await supervisionRepo.get(q, id, true);
    if (!s) return fail('not_found', { zh: `督办不存在 (${id})`, en: `No such supervision (${id}).` });
    const v = canAnswer(actor, s);
    if (!v.ok) return fail(v.code === 'forbidden' ? 'not_found' : v.code, v.message);
    const at = ctx.now();
    await supervisionRepo.answer(q, id, { response: response.trim(), by: actor.displayName, at });
    await ticketRepo.appendEvent(q, s.ticket_id, {
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'supervision_answered',
      payload: { supervision_id: id },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'supervision.answer',
      subjectType: 'ticket',
      subjectId: s.ticket_id,
      detail: { supervision_id: id },
    });
    return {
      ...s,
      state: 'answered' as const,
      response: response.trim(),
      answered_by: actor.displayName,
      answered_at: at,
    };
  });
}
