/** Transfers a ticket to another unit with a reason (分派/转办/退回), within what the actor's level allows. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';
import { accessRepo, canTransferTo, canActOnTicket, type Actor } from '../../access/index.js';
import { TERMINAL } from '../domain/actions.js';
import { ticketRepo } from '../repository.js';
import type { Ctx } from '../context.js';

export async function transferTicket(ctx: Ctx, o: { ticketId: string; actor: Actor; toUnit: string; reason: string }) {
  if (!o.reason?.trim())
    return fail('invalid_input', { zh: '转办须填写理由 (reason required)', en: 'A transfer needs a reason.' });
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, o.ticketId, true);
    if (!t || !canActOnTicket(o.actor, t))
      return fail('not_found', {
        zh: `工单不存在或无权访问 (${o.ticketId})`,
        en: `No such ticket, or not visible to you (${o.ticketId}).`,
      });
    if (TERMINAL.has(t.status))
      return fail('illegal_transition', { zh: '已办结工单不能转办', en: 'A closed ticket cannot be transferred.' });
    const target = await accessRepo.getUnit(q, o.toUnit);
    if (!target)
      return fail('invalid_input', { zh: `目标单位不存在 (${o.toUnit})`, en: `No such target unit (${o.toUnit}).` });
    if (target.id === t.unit_id)
      return fail('invalid_input', { zh: '目标单位与当前单位相同', en: 'The target unit is the current unit.' });
    if (!canTransferTo(o.actor, t, target))
      return fail('forbidden', { zh: `无权转办至 ${target.name}`, en: `You may not transfer to ${target.name}.` });
    const ok = await ticketRepo.setUnit(q, t.id, t.version, target.id, target.district_code, target.street_code);
    if (!ok)
      return fail('conflict', {
        zh: '工单已被他人修改，请刷新后重试',
        en: 'Someone else changed the ticket; reload and try again.',
      });
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: o.actor.id,
      actor_role: o.actor.role,
      type: 'transfer',
      payload: { from: t.unit_id, to: target.id, to_name: target.name, reason: o.reason },
    });
    await appendEvents(q, [
      event('ticket.transferred', t.id, { ticket_id: t.id, from_unit: t.unit_id, to_unit: target.id }),
    ]);
    await audit(q, {
      actorId: o.actor.id,
      actorRole: o.actor.role,
      unitId: o.actor.unitId,
      action: 'ticket.transfer',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { from: t.unit_id, to: target.id },
    });
    return { id: t.id, unit_id: target.id, unit_name: target.name };
  });
}
