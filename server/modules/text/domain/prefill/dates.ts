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
const CN_SMALL: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  半: 0.5,
};
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

// 2026年3月5日 · 2026-03-05 / 2026/3/5 / 2026.3.5 (one separator throughout) · 2025 年 8.17 日, 2020.11月2日 (mixed, closed by 日/号);
// never "2024年11-12月份" (a span of months)
const ABS_RE =
  /(?<!\d)(\d{4}|\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?|([-/.])\s*(\d{1,2})\s*\4\s*(\d{1,2})(?![\d.])\s*[日号]?|[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})\s*[日号])/g;
const MD_RE = /(?<![\d\-/.])(?<!(?<![同当该])年)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
// 10.24客服致电, 11.4就发起了退款: month.day without a year, only before a word that is not a unit
const MD_DOT_RE =
  /(?<![\d.\-/年])(1[0-2]|0?[1-9])\.([12]\d|3[01]|0?[1-9])(?![\d.%‰万千百亿元块米平倍个斤克升寸分秒度折角kKmMlLwW])(?=[\u4e00-\u9fa5])/g;
const CN_MD_RE = /(?<![一二三四五六七八九十\d])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})[日号]/g;
const REL_RE =
  /(今天|今日|昨天|昨日|前天|大前天|上周([一二三四五六日天])|上个?星期([一二三四五六日天])|(?<![月\d])(\d+|[一二两三四五六七八九十半])\s*(天|日|周|个星期|个月|月)前|上个月|上月)/g;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnSmall(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_NUM[s[1]!] ?? NaN);
  if (s.endsWith('十')) return (CN_NUM[s[0]!] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_NUM[s[0]!] ?? NaN) * 10 + (CN_NUM[s[2]!] ?? NaN);
  return s.length === 1 ? (CN_NUM[s] ?? NaN) : NaN;
}

/** All dates in `s`. `ref` (YYYY-MM-DD) resolves relative dates and years left out; without it they are skipped. */
export function findDates(s: string, ref?: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const m of s.matchAll(ABS_RE)) {
    let y = Number(m[1]);
    if (m[1]!.length === 2) y += 2000;
    const v = iso(y, Number(m[2] ?? m[5] ?? m[7]), Number(m[3] ?? m[6] ?? m[8]));
    if (!v) continue;
    // a bare 2024.3.5 could be a version number; require a separator pattern consistent with a date
    out.push({ iso: v, start: m.index!, end: m.index! + m[0].length, relative: false, guessedYear: false });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  if (ref) {
    const ry = Number(ref.slice(0, 4));
    const yearless = (re: RegExp, num: (x: string) => number, sameYear: boolean) => {
      for (const m of s.matchAll(re)) {
        let a = m.index!;
        const b = a + m[0].length;
        if (!free(a, b)) continue;
        // 条款4.10, 第3.2条, a list item "1.1": numbering, not a date
        if (
          re === MD_DOT_RE &&
          (/[条款第章节版号项点]\s*$/.test(s.slice(Math.max(0, a - 3), a)) ||
            /(?:^|\n)\s*$/.test(s.slice(Math.max(0, a - 4), a)))
        )
          continue;
        const mo = num(m[1]!);
        const d = num(m[2]!);
        // 同年7月26日: the year of the date stated before it
        let year = ry;
        const before = s.slice(Math.max(0, a - 2), a);
        if (/同年|当年|该年/.test(before)) {
          const prev = out.filter((o) => o.start < a && !o.relative && !o.guessedYear).pop();
          if (prev) year = Number(prev.iso.slice(0, 4));
          a -= 2;
        }
        let v = iso(year, mo, d);
        // a month/day after the report date is last year's — unless it is a deadline (9月30日前)
        const deadline = /^\s*(?:前|之前|以前)/.test(s.slice(b, b + 3));
        if (v && v > ref && year === ry && !deadline) v = iso(ry - 1, mo, d);
        if (!v) continue;
        out.push({ iso: v, start: a, end: b, relative: false, guessedYear: year === ry || !sameYear });
        taken.push([a, b]);
      }
    };
    yearless(MD_RE, Number, true);
    yearless(CN_MD_RE, cnSmall, true);
    yearless(MD_DOT_RE, Number, true);
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
        const n = /^\d+$/.test(m[4]) ? Number(m[4]) : (CN_SMALL[m[4]] ?? NaN);
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
