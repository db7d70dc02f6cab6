/**
 * An administrator enters (or corrects) a year's holiday schedule — e.g. the next year's State Council notice in
 * November. Validated, stored as an override of the shipped file, and applied to the running process at once.
 * The open tickets whose deadlines were counted on the old calendar (Monday to Friday, for a missing year) are
 * counted again in the same transaction, each with a timeline entry, and the recount is audited with their ids.
 */
import { z } from 'zod';
import { isoDate } from '../../../platform/http/inputs.js';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import {
  builtinCalendarData,
  calendar,
  parseDate,
  setCalendar,
  WorkCalendar,
  type CalendarYear,
} from '../../../platform/calendar/index.js';
import type { Actor } from '../../access/index.js';
import { recountOpenDeadlines, type Ctx } from '../../workflow/index.js';
import { calendarRepo } from '../repository.js';

const date = isoDate;
export const yearSchema = z.object({
  off: z.array(z.tuple([date, date, z.string().max(40)])).max(40),
  work: z.array(date).max(40),
});

export async function updateYear(ctx: Ctx, actor: Actor, year: number, data: CalendarYear) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return fail('invalid_input', 'year out of range');
  for (const [a, b] of data.off) {
    try {
      parseDate(a);
      parseDate(b);
    } catch {
      return fail('invalid_input', `invalid date in ${a}…${b}`);
    }
    if (a > b || !a.startsWith(String(year)))
      return fail('invalid_input', `range ${a}…${b} must be within ${year} and ordered`);
  }
  for (const d of data.work)
    if (!d.startsWith(String(year))) return fail('invalid_input', `make-up working day ${d} is not in ${year}`);
  const { next, recount } = await ctx.db.tx(async (q) => {
    const prev = calendarFrom(await calendarRepo.years(q));
    await calendarRepo.upsertYear(q, year, data, actor.id);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'calendar.update',
      subjectType: 'calendar',
      subjectId: String(year),
    });
    const next = calendarFrom(await calendarRepo.years(q));
    const recount = await recountOpenDeadlines(q, { prev, next, year, actor, at: ctx.now() });
    if (recount.tickets.length) {
      await audit(q, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'calendar.recount',
        subjectType: 'tickets',
        subjectIds: recount.tickets,
        detail: { year, deadlines: recount.deadlines },
      });
    }
    return { next, recount };
  });
  setCalendar(next);
  return {
    year,
    covered: calendar().coveredYears(),
    recounted: { tickets: recount.tickets.length, deadlines: recount.deadlines },
  };
}

/** The shipped calendar with the administrators' years over it (as the server builds it at start). */
function calendarFrom(rows: { year: number; data: CalendarYear }[]): WorkCalendar {
  const years = { ...builtinCalendarData.years };
  for (const r of rows) years[String(r.year)] = r.data;
  return new WorkCalendar({ ...builtinCalendarData, version: `${builtinCalendarData.version}+db`, years });
}
