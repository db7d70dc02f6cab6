/**
 * Strict checks for the dates people and files send: the pattern and the calendar (2026-02-30 and 2026-13-45 are
 * not dates, whatever Date.parse makes of them). Browser-safe and pure.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && leap(y) ? 29 : DAYS[m - 1]!);
}

/** 'YYYY-MM-DD' naming a real day. */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * An ISO 8601 date or date-time as TIF allows it (date; date + hh:mm[:ss[.fff]]; optional Z or ±hh[:]mm), with every
 * part in range. Returns the reason it is not, or null.
 */
export function dateTimeProblem(s: string): string | null {
  const m = DATETIME.exec(s);
  if (!m) return 'not an ISO 8601 date';
  if (!validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return `no such day ${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)))
    return 'time of day out of range';
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return 'time zone offset out of range';
  return null;
}

/** 'YYYY-MM-DD…' as a Chinese document writes it: 2026-03-05 → 2026年3月5日 (no leading zeros). */
export const chineseDate = (d: string): string =>
  `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
