/** The monthly report's periods and the wording of changes. Pure. */
export interface Period {
  month: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function period(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${pad(last)}` };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** A YYYY-MM that exists (1900–2999). */
export const isMonth = (s: string) => /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/.test(s);

/** Relative change, null when there is nothing to compare with. */
export const growth = (cur: number, prev: number): number | null => (prev > 0 ? (cur - prev) / prev : null);

/** "增长 12.3%" / "下降 4.0%" / "持平" / "上期无" — as a bureau's report words a change. */
export function changeText(cur: number, prev: number): string {
  const g = growth(cur, prev);
  if (g === null) return cur > 0 ? '上期无' : '持平';
  if (Math.abs(g) < 0.0005) return '持平';
  return `${g > 0 ? '增长' : '下降'}${Math.abs(g * 100).toFixed(1)}%`;
}

export const pct = (x: number | null, digits = 1) =>
  x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
export const zh = (n: number) => n.toLocaleString('zh-CN');
