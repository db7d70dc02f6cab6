/** Deadline sweep: warnings before a breach and breach markers, in bounded batches, idempotent per deadline. */
import type { Ctx } from '../context.js';
import { ticketRepo } from '../repository.js';

export async function sweepDeadlines(ctx: Ctx, batch = 500): Promise<{ warned: number; breached: number; failed: number }> {
  const today = ctx.today();
  const warnUntil = ctx.cal().addWorkdays(today, 2);
  const due = await ticketRepo.openDueWithoutMarker(ctx.db, warnUntil, today, batch);
  let warned = 0, breached = 0, failed = 0;
  for (const t of due) {
    const type = t.due_date < today ? 'deadline_breached' : 'deadline_warning';
    try {
      await ctx.db.tx((q) => ticketRepo.appendEvent(q, t.id, { actor_id: 'system', actor_role: 'system', type, payload: { due_kind: t.due_kind, due_date: t.due_date, unit_id: t.unit_id } }));
      if (type === 'deadline_breached') breached++;
      else warned++;
    } catch {
      failed++;
    }
  }
  return { warned, breached, failed };
}
