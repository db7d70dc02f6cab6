/**
 * 登记关联程序: an officer who learns that the complainant asked for information disclosure, applied for review, sued
 * or reported staff to the discipline inspectors about this ticket records it here, with the date and the result.
 * The ticket's timeline says so; the abnormal-list model and the shared list count it for the person.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { checkProceeding, PROCEEDING_LABELS, type ProceedingInput } from '../domain/proceedings.js';
import { abnormalRepo, type ProceedingRow } from '../repository.js';

export async function recordProceeding(ctx: Ctx, actor: Actor, ticketId: string, i: ProceedingInput) {
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, ticketId, true);
    if (!t || !canReadTicket(actor, t))
      return fail('not_found', {
        zh: `工单不存在或无权访问 (${ticketId})`,
        en: `No such ticket, or not visible to you (${ticketId}).`,
      });
    const bad = checkProceeding(i, ctx.today(), t.received_date);
    if (bad) return fail('invalid_input', bad);
    const row: ProceedingRow = {
      ticket_id: t.id,
      id: randomUUID(),
      kind: i.kind,
      filed_on: i.filed_on,
      result: i.result?.trim() || null,
      note: i.note?.trim() || null,
      recorded_by: actor.displayName,
      recorded_at: ctx.now(),
    };
    await abnormalRepo.insertProceeding(q, row);
    await ticketRepo.appendEvent(q, t.id, {
      at: row.recorded_at,
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'proceeding_recorded',
      payload: { proceeding_id: row.id, kind: PROCEEDING_LABELS[i.kind], filed_on: i.filed_on, result: row.result },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'proceeding.record',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { proceeding_id: row.id, kind: i.kind },
    });
    return { ...row, no: t.no, kind_label: PROCEEDING_LABELS[i.kind] };
  });
}

export async function ticketProceedings(ctx: Ctx, actor: Actor, ticketId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t) || actor.role === 'enterprise')
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  const items = await abnormalRepo.ticketProceedings(ctx.db, t.id);
  return {
    no: t.no,
    items: items.map((p) => ({
      ...p,
      kind_label: PROCEEDING_LABELS[p.kind as keyof typeof PROCEEDING_LABELS] ?? p.kind,
    })),
  };
}
