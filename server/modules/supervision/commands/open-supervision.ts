/**
 * 开启督办: a district or city supervisor puts an overdue or sensitive ticket under supervision, by phone, online or on
 * site, with a due date (default 3 working days) and the response required. The station sees it on the ticket and
 * in its queue; the ticket's timeline records it.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { TERMINAL, ticketRepo, type Ctx } from '../../workflow/index.js';
import { canOpen, levelOf, MODE_LABELS, REASON_LABELS, type Mode, type Reason } from '../domain/supervision.js';
import { supervisionRepo } from '../repository.js';

export interface OpenSupervisionInput {
  mode: Mode;
  reason: Reason;
  required: string;
  due_date?: string;
}

export async function openSupervision(ctx: Ctx, actor: Actor, ticketId: string, i: OpenSupervisionInput) {
  const today = ctx.today();
  const due = i.due_date ?? ctx.cal().addWorkdays(today, 3);
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, ticketId, true);
    if (!t) return fail('not_found', { zh: `工单不存在 (${ticketId})`, en: `No such ticket (${ticketId}).` });
    const v = canOpen(
      actor,
      { unit_id: t.unit_id, district_code: t.district_code, terminal: TERMINAL.has(t.status) },
      { due_date: due, today, required: i.required },
    );
    if (!v.ok) return fail(v.code === 'forbidden' ? 'not_found' : v.code, v.message);
    const row = {
      ticket_id: t.id,
      id: randomUUID(),
      unit_id: t.unit_id,
      district_code: t.district_code,
      mode: i.mode,
      reason: i.reason,
      required: i.required.trim(),
      due_date: due,
      opened_by: actor.displayName,
      opened_level: levelOf(actor)!,
      opened_at: ctx.now(),
    };
    await supervisionRepo.insert(q, row);
    await ticketRepo.appendEvent(q, t.id, {
      at: row.opened_at,
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'supervision_opened',
      payload: {
        supervision_id: row.id,
        mode: MODE_LABELS[i.mode],
        reason: REASON_LABELS[i.reason],
        due_date: due,
        required: row.required,
      },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'supervision.open',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { supervision_id: row.id, mode: i.mode, reason: i.reason },
    });
    return { ...row, no: t.no, state: 'open' as const };
  });
}
