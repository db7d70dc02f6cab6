/**
 * An administrator enters (or corrects) a year's holiday schedule — e.g. the next year's State Council notice in
 * November. Validated, stored as an override of the shipped file, and applied to the running process at once.
 */
import { z } from 'zod';
import { isoDate } from '../../../platform/http/inputs.js';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { builtinCalendarData, calendar, parseDate, setCalendar, WorkCalendar, type CalendarYear } from '../../../platform/calendar/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { calendarRepo } from '../repository.js';

const date = isoDate;
export const yearSchema = z.object({ off: z.array(z.tuple([date, date, z.string().max(40)])).max(40), work: z.array(date).max(40) });

export async function updateYear(ctx: Ctx, actor: Actor, year: number, data: CalendarYear) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return fail('invalid_input', 'year out of range');
  for (const [a, b] of data.off) {
    try {
      parseDate(a);
      parseDate(b);
    } catch {
      return fail('invalid_input', `invalid date in ${a}…${b}`);
    }
    if (a > b || !a.startsWith(String(year))) return fail('invalid_input', `range ${a}…${b} must be within ${year} and ordered`);
  }
  for (const d of data.work) if (!d.startsWith(String(year))) return fail('invalid_input', `make-up working day ${d} is not in ${year}`);
  await calendarRepo.upsertYear(ctx.db, year, data, actor.id);
  await audit(ctx.db, { actorId: actor.id, actorRole: actor.role, action: 'calendar.update', subjectType: 'calendar', subjectId: String(year) });
  const years = { ...builtinCalendarData.years };
  for (const r of await calendarRepo.years(ctx.db)) years[String(r.year)] = r.data;
  setCalendar(new WorkCalendar({ ...builtinCalendarData, version: `${builtinCalendarData.version}+db`, years }));
  return { year, covered: calendar().coveredYears() };
}
