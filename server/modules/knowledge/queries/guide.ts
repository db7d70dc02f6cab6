/** Reading the 避坑指南: by category (items for every category included), ranked by a text query, with law citations. */
import type { Queryable } from '../../../platform/db/index.js';
import { searchGuide } from '../domain/guide.js';
import { citation } from '../domain/laws.js';
import { knowledgeRepo } from '../repository.js';

export interface GuideQuery {
  q?: string;
  /** a CATEGORIES value */
  category?: string;
  problem?: string;
  limit?: number;
}

export async function listGuide(db: Queryable, f: GuideQuery = {}) {
  const [items, laws] = await Promise.all([knowledgeRepo.guide(db, f.category || undefined), knowledgeRepo.laws(db)]);
  const byId = new Map(laws.map((l) => [l.id, l]));
  // beside a ticket: its category's own items before the general ones, its problem type first; neither hides the rest
  const first = (i: { category: string | null; problem: string | null }) =>
    (f.category && i.category === f.category ? 2 : 0) + (f.problem && i.problem === f.problem ? 1 : 0);
  const ranked = searchGuide(items, f.q ?? '').sort(
    (a, b) => first(b) - first(a) || (f.q ? b.score - a.score : a.seq - b.seq),
  );
  const cut = ranked.slice(0, f.limit ?? 100);
  return {
    total: ranked.length,
    items: cut.map((i) => ({
      ...i,
      refs: i.law_refs
        .map((id) => byId.get(id))
        .filter((l) => !!l)
        .map((l) => ({ id: l.id, citation: citation(l), text: l.text, is_summary: l.is_summary })),
    })),
  };
}
