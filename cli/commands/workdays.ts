/** `xiezhi workdays add DATE N` — prints the date N working days after DATE (start day not counted). */
import { calendar, parseDate } from '../../server/platform/calendar/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'xiezhi workdays add DATE N | xiezhi workdays is DATE | xiezhi workdays check [TODAY]';

export async function run(argv: string[]): Promise<number> {
  const [sub, a, b] = argv;
  const cal = calendar();
  const date = (s: string | undefined) => {
    if (!s) throw new InputError(`missing DATE\nusage: ${USAGE}`);
    try {
      parseDate(s);
    } catch {
      throw new InputError(`not a date (YYYY-MM-DD): ${s}`);
    }
    return s;
  };
  switch (sub) {
    case 'add': {
      const d = date(a);
      if (b === undefined || !/^-?\d+$/.test(b))
        throw new InputError(`N must be a whole number of working days, got ${JSON.stringify(b ?? '')}`);
      const n = Number(b);
      const out = cal.addWorkdays(d, n);
      for (const y of new Set([d.slice(0, 4), out.slice(0, 4)])) {
        if (!cal.covers(Number(y)))
          console.error(`warning: no official holiday schedule for ${y}; Monday–Friday assumed`);
      }
      console.log(out);
      return 0;
    }
    case 'is': {
      const d = date(a);
      console.log(cal.isWorkday(d) ? 'workday' : `day off${cal.holidayName(d) ? ` (${cal.holidayName(d)})` : ''}`);
      return 0;
    }
    case 'check': {
      const today = a ? date(a) : new Date().toISOString().slice(0, 10);
      const w = cal.missingScheduleWarning(today);
      console.log(w ?? `calendar ${cal.version} covers ${cal.coveredYears().join(', ')}`);
      return w ? 1 : 0;
    }
    default:
      throw new InputError(`unknown subcommand ${JSON.stringify(sub ?? '')}\nusage: ${USAGE}`);
  }
}
