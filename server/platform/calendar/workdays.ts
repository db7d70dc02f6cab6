/**
 * The statutory working-day calendar (工作日): Monday–Friday minus declared holidays plus declared make-up working
 * days (调休上班). Dates are plain 'YYYY-MM-DD' strings in Asia/Shanghai; arithmetic is done on UTC midnights so the
 * machine's time zone never shifts a day. Pure: no I/O (the data is passed in).
 */
export interface CalendarYear {
  /** inclusive ranges of days off: [from, to, name] */
  off: [string, string, string][];
  /** make-up working days (weekend days that are working days) */
  work: string[];
}
export interface CalendarData {
  version: string;
  source?: string;
  years: Record<string, CalendarYear>;
}

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(s: string): number {
  const m = ISO.exec(s);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${s}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== s) throw new RangeError(`not a valid date: ${s}`);
  return t;
}
export const fmtDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The Asia/Shanghai calendar date of an instant or ISO string (a zone-less time is already Shanghai time). */
export function shanghaiDate(v: string | Date): string {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(v)) return v.slice(0, 10);
    v = new Date(v);
  }
  return new Date(v.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const dayNo = (s: string): number => parseDate(s) / DAY;
const fromDayNo = (n: number): string => fmtDate(n * DAY);

export class WorkCalendar {
  private readonly off = new Map<string, string>();
  private readonly work = new Set<string>();
  // Hot paths (deadline sweeps, demo history, analytics) work on integer day numbers, not strings.
  private readonly offN = new Set<number>();
  private readonly workN = new Set<number>();
  private readonly years: Set<number>;
  readonly version: string;

  constructor(data: CalendarData) {
    this.version = data.version;
    this.years = new Set(Object.keys(data.years).map(Number));
    for (const y of Object.values(data.years)) {
      for (const [from, to, name] of y.off) {
        for (let t = parseDate(from); t <= parseDate(to); t += DAY) {
          this.off.set(fmtDate(t), name);
          this.offN.add(t / DAY);
        }
      }
      for (const d of y.work) {
        this.work.add(d);
        this.workN.add(dayNo(d));
      }
    }
  }

  /** Whether the calendar has the official schedule of this year (otherwise plain Mon–Fri is assumed). */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  holidayName(date: string): string | undefined {
    return this.off.get(date);
  }

  isWorkday(date: string): boolean {
    return this.isWorkdayN(dayNo(date));
  }

  private isWorkdayN(n: number): boolean {
    if (this.workN.has(n)) return true;
    if (this.offN.has(n)) return false;
    const dow = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return dow !== 0 && dow !== 6;
  }

  /** The date n working days after `date`; the start day is not counted (民法典 Art. 201). n = 0 gives `date`. */
  addWorkdays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
    let t = dayNo(date);
    const step = n >= 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      t += step;
      if (this.isWorkdayN(t)) left--;
    }
    return fromDayNo(t);
  }

  /**
   * Calendar-day periods (e.g. a 60-day mediation limit): add n days; if the last day is a day off, the period ends
   * on the next working day (民法典 Art. 203 by analogy — see DOMAIN.md §8, to be confirmed with the client).
   */
  addCalendarDays(date: string, n: number): string {
    let t = dayNo(date) + n;
    while (!this.isWorkdayN(t)) t++;
    return fromDayNo(t);
  }

  /** Working days in (from, to]: how many working days have passed since `from` by the end of `to`. */
  workdaysBetween(from: string, to: string): number {
    const a = dayNo(from);
    const b = dayNo(to);
    // `0 - n`, not `-n`: a span back over a weekend holds no working day, and -0 would not equal 0.
    if (b < a) return 0 - this.workdaysBetweenRaw(b, a);
    return this.workdaysBetweenRaw(a, b);
  }

  private workdaysBetweenRaw(a: number, b: number): number {
    let n = 0;
    for (let t = a + 1; t <= b; t++) if (this.isWorkdayN(t)) n++;
    return n;
  }

  /** A warning when the schedule of the year after `today` is missing and the year is near (from November on). */
  missingScheduleWarning(today: string): string | null {
    const y = Number(today.slice(0, 4));
    if (!this.covers(y))
      return `节假日安排缺失: ${y} 年的放假安排未录入，期限按周一至周五计算 (holiday schedule for ${y} missing)`;
    const month = Number(today.slice(5, 7));
    if (month >= 11 && !this.covers(y + 1)) {
      return `节假日安排缺失: ${y + 1} 年的放假安排尚未录入，跨年期限将按周一至周五计算 (holiday schedule for ${y + 1} missing)`;
    }
    return null;
  }
}
