/** Dates in complaint text: absolute (2026年3月5日, 2026-03-05, 3月5日) and relative (昨天, 上周三, 三天前) → ISO date. */

export interface FoundDate {
  iso: string;
  start: number;
  end: number;
  relative: boolean;
  /** year was guessed from the reference date */
  guessedYear: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}
function shift(ref: string, days: number): string {
  const d = new Date(`${ref}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const ABS_RE = /(?<!\d)(\d{4}|\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?/g;
const MD_RE = /(?<![\d年\-/.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const REL_RE = /(今天|今日|昨天|昨日|前天|大前天|上周([一二三四五六日天])|上个?星期([一二三四五六日天])|(\d+|[一二两三四五六七八九十半])\s*(天|日|周|个星期|个月|月)前|上个月|上月)/g;

/** All dates in `s`. `ref` (YYYY-MM-DD) resolves relative dates and years left out; without it they are skipped. */
export function findDates(s: string, ref?: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const m of s.matchAll(ABS_RE)) {
    let y = Number(m[1]);
    if (m[1]!.length === 2) y += 2000;
    const v = iso(y, Number(m[2]), Number(m[3]));
    if (!v) continue;
    // a bare 2024.3.5 could be a version number; require a separator pattern consistent with a date
    out.push({ iso: v, start: m.index!, end: m.index! + m[0].length, relative: false, guessedYear: false });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  if (ref) {
    const ry = Number(ref.slice(0, 4));
    for (const m of s.matchAll(MD_RE)) {
      const a = m.index!;
      const b = a + m[0].length;
      if (!free(a, b)) continue;
      let v = iso(ry, Number(m[1]), Number(m[2]));
      if (v && v > ref) v = iso(ry - 1, Number(m[1]), Number(m[2])); // a month/day after the report date is last year's
      if (!v) continue;
      out.push({ iso: v, start: a, end: b, relative: false, guessedYear: true });
      taken.push([a, b]);
    }
    for (const m of s.matchAll(REL_RE)) {
      const a = m.index!;
      const b = a + m[0].length;
      if (!free(a, b)) continue;
      const w = m[0];
      let v: string | null = null;
      if (/^(今天|今日)$/.test(w)) v = ref;
      else if (/^(昨天|昨日)$/.test(w)) v = shift(ref, -1);
      else if (w === '前天') v = shift(ref, -2);
      else if (w === '大前天') v = shift(ref, -3);
      else if (m[2] || m[3]) {
        const wd = WEEKDAY[(m[2] ?? m[3])!]!;
        const refWd = ((new Date(`${ref}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
        v = shift(ref, -(refWd - 1) - 7 + (wd - 1));
      } else if (m[4]) {
        const n = /^\d+$/.test(m[4]) ? Number(m[4]) : CN_SMALL[m[4]] ?? NaN;
        const unit = m[5]!;
        const days = unit === '天' || unit === '日' ? n : unit.includes('周') || unit.includes('星期') ? n * 7 : n * 30;
        if (Number.isFinite(days)) v = shift(ref, -Math.round(days));
      } else if (/上个?月/.test(w)) v = shift(ref, -30);
      if (!v) continue;
      out.push({ iso: v, start: a, end: b, relative: true, guessedYear: false });
      taken.push([a, b]);
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
