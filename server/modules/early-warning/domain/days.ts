/** Day numbers (days since 1970-01-01) for the engine's buckets, and the half-life decay of remembered counts. */
const DAY_MS = 86_400_000;
// Tickets come in day order and alerts rewrite their dates at every raise, so both conversions are memoised:
// the last date parsed, and every day number formatted (a few thousand days at most).
let lastDate = '';
let lastIndex = 0;
export const dayIndex = (date: string): number => {
  if (date !== lastDate) {
    lastIndex = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    lastDate = date;
  }
  return lastIndex;
};
const dayStrings = new Map<number, string>();
export const dayString = (d: number): string => {
  let s = dayStrings.get(d);
  if (s === undefined) {
    if (dayStrings.size > 100_000) dayStrings.clear();
    s = new Date(d * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(d, s);
  }
  return s;
};
export const decay = (v: number, from: number, to: number, half: number) =>
  v === 0 ? 0 : v * Math.pow(2, -(to - from) / half);
