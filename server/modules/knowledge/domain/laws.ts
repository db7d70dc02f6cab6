/**
 * The legal-basis library: one row per article (or paragraph) of a law, with the period it is in force. A rule that
 * changed (总局令第20号 → 第121号) is two rows for the same topic with adjacent periods. Pure look-ups.
 */
export interface LawArticle {
  id: string;
  /** full title, e.g. 中华人民共和国消费者权益保护法 */
  law: string;
  /** the name people cite, e.g. 消费者权益保护法 */
  short_name: string;
  /** the issuing order where people cite by it (总局令第20号), else null */
  issuer_no: string | null;
  /** as cited: 第五十五条 */
  article: string;
  article_no: number;
  paragraph: number | null;
  text: string;
  /** true: the text summarises the article (摘要) — never shown as a quote */
  is_summary: boolean;
  in_force_from: string;
  in_force_to: string | null;
  source: string;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
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
};

/** 五十五 → 55, 一百四十八 → 148, 十 → 10; Arabic digits pass through; anything else → null. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || /[^零〇一二两三四五六七八九十百千]/.test(s)) return null;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGITS) cur = DIGITS[ch]!;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (cur || 1) * unit;
      cur = 0;
    }
  }
  return total + cur;
}

/** 55 → 五十五 (the way Chinese laws number articles; 10–19 as 十…, 148 → 一百四十八, 105 → 一百零五). */
export function toChineseNumber(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (!r) return `${d[h]}百`;
  if (r < 10) return `${d[h]}百零${d[r]}`;
  return `${d[h]}百${d[Math.floor(r / 10)]}十${r % 10 ? d[r % 10] : ''}`;
}

/** "第五十五条" or "55" → 55. */
export function articleNumber(a: string): number | null {
  const m = /^第?([零〇一二两三四五六七八九十百千\d]+)条?$/.exec(a.trim());
  return m ? chineseNumber(m[1]!) : null;
}

/** Whether an article is in force on a day (from inclusive, to inclusive). */
export const inForceOn = (a: Pick<LawArticle, 'in_force_from' | 'in_force_to'>, day: string) =>
  a.in_force_from <= day && (!a.in_force_to || day <= a.in_force_to);

/** The row in force on `day` among versions of one article (a paragraph row only when asked for that paragraph). */
export function articleOn(rows: LawArticle[], day: string, paragraph?: number | null): LawArticle | undefined {
  const on = rows.filter((r) => inForceOn(r, day)).sort((a, b) => b.in_force_from.localeCompare(a.in_force_from));
  // a paragraph asked for and not stored on its own: the whole article holds it
  return (paragraph ? on.find((r) => r.paragraph === paragraph) : undefined) ?? on.find((r) => r.paragraph === null);
}

/** 《消费者权益保护法》第五十五条(第一款) */
export const citation = (a: Pick<LawArticle, 'short_name' | 'article' | 'paragraph'>) =>
  `《${a.short_name}》${a.article}${a.paragraph ? `第${toChineseNumber(a.paragraph)}款` : ''}`;

/** Text search over the library: every word must appear in the law's names, the article or its text. */
export function searchLaws<T extends LawArticle>(rows: T[], q: string, day?: string): T[] {
  const words = q
    .toLowerCase()
    .split(/[\s,，、]+/u)
    .filter(Boolean);
  return rows.filter((r) => {
    if (day && !inForceOn(r, day)) return false;
    const hay = `${r.law} ${r.short_name} ${r.article} ${r.text}`.toLowerCase();
    return words.every(
      (w) => hay.includes(w) || (articleNumber(w) !== null && articleNumber(w) === r.article_no && /^第/.test(w)),
    );
  });
}
