/** 督办办结: the supervisor who opened it (or the city) closes the item with a finding and a rating of the handling. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { canClose } from '../domain/supervision.js';
import { supervisionRepo } from '../repository.js';

export async function closeSupervision(
  ctx: Ctx,
  actor: Actor,
  id: string,
  i: { finding: string; rating?: 'satisfactory' | 'unsatisfactory' },
) {
  return ctx.db.tx(async (q) => {
    const s = await supervisionRepo.get(q, id, true);
    if (!s) return fail('not_found', { zh: `督办不存在 (${id})`, en: `No such supervision (${id}).` });
    const v = canClose(actor, s, i.finding);
    if (!v.ok)
      return fail(
        v.code === 'forbidden' && actor.role !== 'supervisor' && actor.role !== 'admin' ? 'not_found' : v.code,
        v.message,
      );
    const at = ctx.now();
    await supervisionRepo.close(q, id, {
      finding: i.finding.trim(),
      rating: i.rating ?? null,
      by: actor.displayName,
      at,
    });
    await ticketRepo.appendEvent(q, s.ticket_id, {
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'supervision_closed',
      payload: { supervision_id: id, finding: i.finding.trim(), rating: i.rating ?? null },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'supervision.close',
      subjectType: 'ticket',
      subjectId: s.ticket_id,
      detail: { supervision_id: id, rating: i.rating ?? null },
    });
    return {
      ...s,
      state: 'closed' as const,
      finding: i.finding.trim(),
      rating: i.rating ?? null,
      closed_by: actor.displayName,
      closed_at: at,
    };
  });
}
