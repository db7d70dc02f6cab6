/**
 * The legal-basis library: search, look-up by law + article on a date, and the basis a decision document cites.
 * Law names match the full title, the short name or the issuing order (总局令第20号).
 */
import { fail } from '../../../platform/errors/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import {
  articleNumber,
  articleOn,
  citation,
  chineseNumber,
  inForceOn,
  searchLaws,
  type LawArticle,
} from '../domain/laws.js';
import { knowledgeRepo } from '../repository.js';

const present = (a: LawArticle, on?: string) => ({
  ...a,
  citation: citation(a),
  in_force: on ? inForceOn(a, on) : undefined,
});

export async function listLaws(db: Queryable, f: { q?: string; on?: string } = {}) {
  const rows = await knowledgeRepo.laws(db);
  const hit = f.q?.trim() ? searchLaws(rows, f.q, f.on) : f.on ? rows.filter((r) => inForceOn(r, f.on!)) : rows;
  return { items: hit.map((r) => present(r, f.on)) };
}

/** One article of one law in force on `on` (default: every version of it). */
export async function lawArticle(db: Queryable, law: string, article: string, on?: string) {
  const n = articleNumber(article);
  if (n === null)
    return fail('invalid_input', {
      zh: `条号格式应为“第五十五条”或数字：${article}`,
      en: `Article numbers are written in Chinese numerals or as digits: ${article}`,
    });
  const rows = await knowledgeRepo.article(db, law.trim(), n);
  const chosen = on ? [articleOn(rows, on)].filter((r): r is LawArticle => !!r) : rows;
  if (!chosen.length)
    return fail(
      'not_found',
      on ? `法律依据库中没有${on}有效的《${law}》${article}` : `法律依据库中没有《${law}》${article}`,
    );
  return { items: chosen.map((r) => present(r, on)) };
}

export interface LegalBasis {
  id: string;
  citation: string;
  text: string;
  is_summary: boolean;
}

/**
 * The library's row for a citation as decisions write it ("第十五条第一项", "第二十三条第一款第六项") of a law on a day,
 * or undefined when the library does not hold it (the caller keeps its own wording then).
 */
export async function legalBasis(
  db: Queryable,
  law: string,
  article: string,
  on: string,
): Promise<LegalBasis | undefined> {
  const m = /^第([零〇一二两三四五六七八九十百千\d]+)条(?:第([零〇一二两三四五六七八九十\d]+)款)?/.exec(article.trim());
  if (!m) return undefined;
  const n = chineseNumber(m[1]!);
  if (n === null) return undefined;
  const row = articleOn(await knowledgeRepo.article(db, law, n), on, m[2] ? chineseNumber(m[2]) : null);
  return row
    ? { id: row.id, citation: `《${row.law}》${row.article}`, text: row.text, is_summary: row.is_summary }
    : undefined;
}
