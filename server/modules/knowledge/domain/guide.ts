/**
 * 避坑指南: compliance items for businesses (case → analysis → tip), tagged with the project's goods/service category
 * (shared/domain.ts CATEGORIES) and problem type. Search is in-process over a few dozen items: PGlite has no Chinese
 * text-search parser, and the guide is small enough that ranking here is both exact and fast.
 */
export interface GuideItem {
  id: string;
  seq: number;
  title: string;
  /** a CATEGORIES value, or null for items that apply to every category */
  category: string | null;
  /** a PROBLEM_TYPES value, or null */
  problem: string | null;
  tags: string[];
  case_text: string;
  analysis: string;
  tip: string;
  /** law name + article, or the seed document */
  source: string;
  /** legal-library ids the item relies on */
  law_refs: string[];
}

/** Query terms: whitespace/punctuation-separated words; a long run of Chinese also yields its 2-character grams. */
export function queryTerms(q: string): { words: string[]; grams: string[] } {
  const words = q
    .toLowerCase()
    .split(/[\s,，。；;、·/|]+/u)
    .map((w) => w.trim())
    .filter(Boolean);
  const grams: string[] = [];
  for (const w of words) {
    if (w.length <= 2) continue;
    for (let i = 0; i + 2 <= w.length; i++) grams.push(w.slice(i, i + 2));
  }
  return { words: [...new Set(words)], grams: [...new Set(grams)] };
}

const WEIGHTS = { title: 5, tags: 4, tip: 2, analysis: 1, case_text: 1, source: 1 } as const;

/**
 * Ranks items for a query: an exact word in a field scores its weight (title and tags highest); when no item holds
 * every word, items sharing 2-character grams with the query still rank (so 健身卡退费 finds 健身房预付卡 items).
 * Items without any hit are left out; ties keep the guide's order.
 */
export function searchGuide<T extends GuideItem>(items: T[], q: string): (T & { score: number })[] {
  const { words, grams } = queryTerms(q);
  if (!words.length) return items.map((i) => ({ ...i, score: 0 }));
  const fields = (i: T) => ({
    title: i.title,
    tags: i.tags.join(' '),
    tip: i.tip,
    analysis: i.analysis,
    case_text: i.case_text,
    source: i.source,
  });
  const scored = items.map((i) => {
    const f = fields(i);
    const low = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.toLowerCase()])) as Record<
      keyof typeof WEIGHTS,
      string
    >;
    let all = true;
    let score = 0;
    for (const w of words) {
      let hit = false;
      for (const k of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[])
        if (low[k].includes(w)) {
          score += WEIGHTS[k] * 10;
          hit = true;
        }
      if (!hit) all = false;
    }
    let gramScore = 0;
    for (const g of grams)
      for (const k of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) if (low[k].includes(g)) gramScore += WEIGHTS[k];
    return { item: i, all, score, gramScore };
  });
  const full = scored.filter((s) => s.all);
  const pool = full.length
    ? full
    : scored.filter((s) => s.gramScore > 0 && grams.length > 0 && s.gramScore >= Math.min(grams.length, 2));
  return pool
    .map((s, idx) => ({ s, idx }))
    .sort((a, b) => b.s.score + b.s.gramScore - (a.s.score + a.s.gramScore) || a.idx - b.idx)
    .map(({ s }) => ({ ...s.item, score: s.score + s.gramScore }));
}
