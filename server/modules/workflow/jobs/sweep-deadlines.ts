/**
 * Deadline sweep: warnings before a breach and breach markers, in bounded batches, idempotent per deadline; ODR
 * windows that ran out send the complaint back to administrative handling.
 */
import type { Ctx } from '../context.js';
import { ticketRepo } from '../repository.js';
import { performAction } from '../commands/perform-action.js';
import { SYSTEM } from '../../access/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';

export async function sweepDeadlines(
  ctx: Ctx,
  batch = 500,
): Promise<{ warned: number; breached: number; failed: number }> {
  const today = ctx.today();
  const warnUntil = ctx.cal().addWorkdays(today, 2);
  const due = await ticketRepo.openDueWithoutMarker(ctx.db, warnUntil, today, batch);
  let warned = 0,
    breached = 0,
    failed = 0;
  for (const t of due) {
    // An ODR window that ran out: the enterprise did not settle, the complaint returns to administrative handling.
    if (t.due_kind === 'odr_by' && t.due_date < today) {
      try {
        await performAction(ctx, {
          ticketId: t.id,
          actor: SYSTEM,
          input: { action: 'odr_fail', reason: 'odr_window_expired' },
        });
        breached++;
      } catch {
        failed++;
      }
      continue;
    }
    const type = t.due_date < today ? 'deadline_breached' : 'deadline_warning';
    try {
      await ctx.db.tx(async (q) => {
        await ticketRepo.appendEvent(q, t.id, {
          at: ctx.now(),
          actor_id: 'system',
          actor_role: 'system',
          type,
          payload: { due_kind: t.due_kind, due_date: t.due_date, unit_id: t.unit_id },
        });
        await appendEvents(q, [
          event('ticket.deadline_marked', t.id, {
            ticket_id: t.id,
            marker: type,
            due_kind: t.due_kind,
            due_date: t.due_date,
          }),
        ]);
      });
      if (type === 'deadline_breached') breached++;
      else warned++;
    } catch {
      failed++;
    }
  }
  return { warned, breached, failed };
}
