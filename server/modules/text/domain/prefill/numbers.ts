/** Chinese and Arabic numerals → numbers ("三百元" → 300, "1.5万" → 15000, "两千三" → 2300). */

/** One Chinese digit (一 … 玖, 两, 俩, 零) → its value. */
export const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

export const CN_NUM_CHARS = '零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';

/** Parses a Chinese numeral (optionally mixed with Arabic digits, e.g. "3万5千"). NaN when it is not one. */
export function parseCnNumber(s: string): number {
  s = s.replace(/[,，\s]/g, '');
  if (!s) return NaN;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let num = 0;
  let lastUnit = 0;
  let i = 0;
  let any = false;
  while (i < s.length) {
    const ch = s[i]!;
    const m = /^\d+(\.\d+)?/.exec(s.slice(i));
    if (m) {
      num = Number(m[0]);
      i += m[0].length;
      any = true;
      continue;
    }
    if (ch in CN_DIGITS) {
      num = CN_DIGITS[ch]!;
      any = true;
    } else if (ch in UNITS) {
      const u = UNITS[ch]!;
      section += (num || (u === 10 ? 1 : 0)) * u;
      lastUnit = u;
      num = 0;
      any = true;
    } else if (ch in BIG) {
      section += num;
      total += section * BIG[ch]!;
      section = 0;
      num = 0;
      lastUnit = BIG[ch]! / 10;
      any = true;
    } else if (ch === '点' || ch === '.') {
      // 三点五万 → decimal part
      const rest = s.slice(i + 1);
      const dm = /^([零〇一二两三四五六七八九\d]+)(万|亿)?/.exec(rest);
      if (!dm) return NaN;
      const frac = Number('0.' + [...dm[1]!].map((c) => (c in CN_DIGITS ? CN_DIGITS[c] : c)).join(''));
      const v = section + num + frac;
      return total + (dm[2] ? v * BIG[dm[2]]! : v);
    } else return NaN;
    i++;
  }
  if (!any) return NaN;
  // "两千三" = 2300: a trailing bare digit after a unit counts in the next lower unit
  if (num && lastUnit >= 100 && !/[零〇]/.test(s.slice(-2, -1))) num *= lastUnit / 10;
  return total + section + num;
}
