/** Property tests (fast-check) of working-day arithmetic, over the shipped holiday calendar and plain dates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCalendarData, fmtDate, parseDate, WorkCalendar } from './index.js';

const cal = new WorkCalendar(builtinCalendarData);
const day = fc
  .integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((t) => fmtDate(Math.floor(t / 86_400_000) * 86_400_000));
const n = fc.integer({ min: 0, max: 400 });

describe('working days (properties)', () => {
  it('workdaysBetween(d, addWorkdays(d, n)) = n, and the end is a working day', () => {
    fc.assert(
      fc.property(day, n, (d, k) => {
        const e = cal.addWorkdays(d, k);
        expect(cal.workdaysBetween(d, e)).toBe(k);
        if (k > 0) expect(cal.isWorkday(e)).toBe(true);
        expect(e >= d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('adding in two steps equals adding once; going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(day, n, n, (d, a, b) => {
        expect(cal.addWorkdays(cal.addWorkdays(d, a), b)).toBe(cal.addWorkdays(d, a + b));
        if (cal.isWorkday(d)) expect(cal.addWorkdays(cal.addWorkdays(d, a), -a)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('workdaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(day, day, day, (x, y, z) => {
        expect(cal.workdaysBetween(x, y) + cal.workdaysBetween(y, x)).toBe(0);
        expect(cal.workdaysBetween(x, y) + cal.workdaysBetween(y, z)).toBe(cal.workdaysBetween(x, z));
      }),
      { numRuns: 200 },
    );
  });

  it('going back over a weekend is 0 working days, not -0 (a counterexample fast-check found)', () => {
    expect(Object.is(cal.workdaysBetween('2019-06-29', '2019-06-28'), 0)).toBe(true);
  });

  it('calendar-day periods end on a working day no earlier than n days later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (d, k) => {
        const e = cal.addCalendarDays(d, k);
        expect(cal.isWorkday(e)).toBe(true);
        expect((parseDate(e) - parseDate(d)) / 86_400_000).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 200 },
    );
  });
});
