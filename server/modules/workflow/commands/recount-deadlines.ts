/**
 * After a holiday schedule changed (calendar-admin), the open tickets whose working-day deadlines were counted on the
 * old calendar are counted again on the new one. Runs in the caller's transaction, so the schedule, the moved
 * deadlines and their timeline entries commit together: no officer ever sees the new calendar beside old deadlines.
 * Each moved ticket gets a timeline entry naming the old and new dates.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import type { Actor } from '../../access/index.js';
import { recountDeadlines } from '../domain/recount.js';
import { ruleSetByVersion } from '../domain/rules.js';
import { LIMITS_12345 } from '../domain/transfer-12345.js';
import type { Deadlines } from '../domain/deadlines.js';
import { ticketRepo } from '../repository.js';

export interface RecountResult {
  tickets: string[];
  deadlines: number;
}

export async function recountOpenDeadlines(
  q: Queryable,
  o: { prev: WorkCalendar; next: WorkCalendar; year: number; actor: Actor; at: Date },
): Promise<RecountResult> {
  // a deadline before the changed year was counted wholly on days that did not change
  const rows = await ticketRepo.openWithDeadlinesFrom(q, `${o.year}-01-01`);
  const out: RecountResult = { tickets: [], deadlines: 0 };
  for (const t of rows) {
    const r = recountDeadlines(
      o.prev,
      o.next,
      ruleSetByVersion(t.rule_version),
      { ...t, deadlines: t.deadlines as Deadlines },
      { odrWindowDays: t.odr_window_days, limits12345: LIMITS_12345.deadlines },
    );
    const n = Object.keys(r.changes).length;
    if (!n) continue;
    // the rows are locked (FOR UPDATE), so the version cannot have moved since they were read
    if (!(await ticketRepo.setDeadlines(q, t.id, t.version, r.deadlines, r.due_date))) continue;
    await ticketRepo.appendEvent(q, t.id, {
      at: o.at,
      actor_id: o.actor.id,
      actor_role: o.actor.role,
      type: 'deadlines_recounted',
      payload: { year: o.year, changes: r.changes, due_date: r.due_date },
    });
    out.tickets.push(t.id);
    out.deadlines += n;
  }
  return out;
}
