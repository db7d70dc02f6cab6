import data from './holidays.json' with { type: 'json' };
import { WorkCalendar, type CalendarData } from './workdays.js';

export { WorkCalendar, parseDate, fmtDate, shanghaiDate, type CalendarData, type CalendarYear } from './workdays.js';

/** The calendar shipped with the code; the server may overlay admin edits stored in the database. */
export const builtinCalendarData = data as unknown as CalendarData;
let current = new WorkCalendar(builtinCalendarData);
export const calendar = (): WorkCalendar => current;
export function setCalendar(c: WorkCalendar): void {
  current = c;
}
