/**
 * Opens the case lead of an inspection that found a violation, inside the caller's transaction: the report ticket
 * (through the ticket repository, with its `ticket.received` event, so it reaches the station's queue on its verification
 * clock and every follow-on subscriber), the link row, and an entry on the complaint's timeline. Idempotent: the lead's
 * id is derived from the inspection, a second call finds it and changes nothing.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo, type Ctx, type TicketRow } from '../../workflow/index.js';
import { protectText } from '../../intake/index.js';
import { caseLeadRow, type Finding } from '../domain/case-lead.js';
import { caseRepo } from '../repository.js';

export async function openCaseLead(
  q: Queryable,
  ctx: Ctx,
  actor: Actor,
  complaint: TicketRow,
  f: Finding,
): Promise<{ lead_id: string; lead_no: string | null; verify_by: string; opened: boolean }> {
  const today = ctx.today();
  const row = caseLeadRow(complaint, f, { cal: ctx.cal(), today, now: ctx.now() });
  // the findings are an officer's free text and may name people: stored redacted, the original sealed, like intake
  Object.assign(row, protectText(row, ctx.sealer));
  const inserted = await ticketRepo.insertMany(q, [row]);
  const opened = inserted.length === 1;
  if (opened) {
    await appendEvents(q, [
      event('ticket.received', row.id, {
        ticket_id: row.id,
        kind: row.kind,
        source: row.source,
        duplicate_of: null,
        parent_id: complaint.id,
      }),
    ]);
    await caseRepo.insert(q, {
      ticket_id: complaint.id,
      inspection_id: f.inspection_id,
      lead_id: row.id,
      source: f.source,
      opened_on: today,
      at: ctx.now(),
    });
  }
  const lead = await ticketRepo.get(q, row.id);
  if (opened) {
    await ticketRepo.appendEvent(q, complaint.id, {
      at: ctx.now(),
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'case_lead_opened',
      payload: {
        lead_id: row.id,
        lead_no: lead?.no ?? null,
        inspection_id: f.inspection_id,
        verify_by: row.due_date,
        source: f.source,
        note: `诉转案：已生成案源线索 ${lead?.no ?? ''}，核查期限 ${row.due_date}`,
      },
    });
  }
  return {
    lead_id: row.id,
    lead_no: lead?.no ?? null,
    verify_by: String((lead?.deadlines as { verify_by?: string } | undefined)?.verify_by ?? row.due_date),
    opened,
  };
}
