/** All SQL of the knowledge module: templates (append-only versions), the compliance guide, the legal library. */
import type { Queryable } from '../../platform/db/index.js';
import type { TemplateUse } from './domain/templates.js';
import type { GuideItem } from './domain/guide.js';
import type { LawArticle } from './domain/laws.js';

export interface TemplateRow {
  key: string;
  version: number;
  use: TemplateUse;
  category: string;
  title: string;
  body: string;
  source: string;
  note: string | null;
  edited_by: string;
  edited_at: Date;
}

const T_COLS = 'key, version, use, category, title, body, source, note, edited_by, edited_at';
const G_COLS = 'id, seq, title, category, problem, tags, case_text, analysis, tip, source, law_refs';
const L_COLS = `id, law, short_name, issuer_no, article, article_no, paragraph, text, is_summary, in_force_from::text AS in_force_from, in_force_to::text AS in_force_to, source`;

export const knowledgeRepo = {
  /** The latest version of every template, optionally of one use/category. */
  async latestTemplates(q: Queryable, f: { use?: TemplateUse; category?: string }): Promise<TemplateRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (f.use) where.push(`use = $${params.push(f.use)}`);
    if (f.category) where.push(`category = $${params.push(f.category)}`);
    return (
      await q.query<TemplateRow>(
        `SELECT DISTINCT ON (key) ${T_COLS} FROM knowledge_templates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY key, version DESC`,
        params,
      )
    ).rows;
  },

  async latestTemplate(q: Queryable, key: string, forUpdate = false): Promise<TemplateRow | undefined> {
    return (
      await q.query<TemplateRow>(
        `SELECT ${T_COLS} FROM knowledge_templates WHERE key = $1 ORDER BY version DESC LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
        [key],
      )
    ).rows[0];
  },

  async templateVersions(q: Queryable, key: string): Promise<TemplateRow[]> {
    return (
      await q.query<TemplateRow>(`SELECT ${T_COLS} FROM knowledge_templates WHERE key = $1 ORDER BY version DESC`, [
        key,
      ])
    ).rows;
  },

  async insertTemplate(q: Queryable, r: TemplateRow): Promise<void> {
    await q.query(`INSERT INTO knowledge_templates (${T_COLS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, [
      r.key,
      r.version,
      r.use,
      r.category,
      r.title,
      r.body,
      r.source,
      r.note,
      r.edited_by,
      r.edited_at,
    ]);
  },

  /** Seed: version 1 of each shipped key that has no version yet (a bureau's edits are never touched). */
  async seedTemplates(q: Queryable, rows: Omit<TemplateRow, 'version' | 'note'>[]): Promise<number> {
    const r = await q.query(
      `INSERT INTO knowledge_templates (key, version, use, category, title, body, source, note, edited_by, edited_at)
       SELECT x.key, 1, x.use, x.category, x.title, x.body, x.source, NULL, x.edited_by, x.edited_at
         FROM jsonb_to_recordset($1::jsonb) AS x(key text, use text, category text, title text, body text, source text, edited_by text, edited_at timestamptz)
       ON CONFLICT (key, version) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    return r.rowCount ?? 0;
  },

  /** Seed: the shipped guide items, replaced by id (the guide is shipped content, not edited in place). */
  async upsertGuide(q: Queryable, rows: GuideItem[], at: Date): Promise<void> {
    await q.query(
      `INSERT INTO knowledge_guide (${G_COLS}, updated_at)
       SELECT x.id, x.seq, x.title, x.category, x.problem, x.tags, x.case_text, x.analysis, x.tip, x.source, x.law_refs, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, seq int, title text, category text, problem text, tags jsonb, case_text text, analysis text, tip text, source text, law_refs jsonb)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, title = EXCLUDED.title, category = EXCLUDED.category, problem = EXCLUDED.problem,
         tags = EXCLUDED.tags, case_text = EXCLUDED.case_text, analysis = EXCLUDED.analysis, tip = EXCLUDED.tip, source = EXCLUDED.source,
         law_refs = EXCLUDED.law_refs, updated_at = EXCLUDED.updated_at
       WHERE (knowledge_guide.title, knowledge_guide.case_text, knowledge_guide.analysis, knowledge_guide.tip, knowledge_guide.source, knowledge_guide.tags, knowledge_guide.law_refs, knowledge_guide.category, knowledge_guide.problem, knowledge_guide.seq)
         IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.case_text, EXCLUDED.analysis, EXCLUDED.tip, EXCLUDED.source, EXCLUDED.tags, EXCLUDED.law_refs, EXCLUDED.category, EXCLUDED.problem, EXCLUDED.seq)`,
      [JSON.stringify(rows), at],
    );
  },

  /** Guide items, optionally of one category (items without a category apply to every category). */
  async guide(q: Queryable, category?: string): Promise<GuideItem[]> {
    const params: unknown[] = [];
    const where = category ? `WHERE category = $${params.push(category)} OR category IS NULL` : '';
    return (await q.query<GuideItem>(`SELECT ${G_COLS} FROM knowledge_guide ${where} ORDER BY seq`, params)).rows;
  },

  async upsertLaws(q: Queryable, rows: LawArticle[], at: Date): Promise<void> {
    await q.query(
      `INSERT INTO knowledge_laws (id, law, short_name, issuer_no, article, article_no, paragraph, text, is_summary, in_force_from, in_force_to, source, updated_at)
       SELECT x.id, x.law, x.short_name, x.issuer_no, x.article, x.article_no, x.paragraph, x.text, x.is_summary, x.in_force_from, x.in_force_to, x.source, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, law text, short_name text, issuer_no text, article text, article_no int, paragraph int, text text, is_summary boolean, in_force_from date, in_force_to date, source text)
       ON CONFLICT (id) DO UPDATE SET law = EXCLUDED.law, short_name = EXCLUDED.short_name, issuer_no = EXCLUDED.issuer_no, article = EXCLUDED.article, article_no = EXCLUDED.article_no,
         paragraph = EXCLUDED.paragraph, text = EXCLUDED.text, is_summary = EXCLUDED.is_summary, in_force_from = EXCLUDED.in_force_from,
         in_force_to = EXCLUDED.in_force_to, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at
       WHERE (knowledge_laws.law, knowledge_laws.short_name, knowledge_laws.issuer_no, knowledge_laws.article, knowledge_laws.article_no, knowledge_laws.paragraph, knowledge_laws.text, knowledge_laws.is_summary, knowledge_laws.in_force_from, knowledge_laws.in_force_to, knowledge_laws.source)
         IS DISTINCT FROM (EXCLUDED.law, EXCLUDED.short_name, EXCLUDED.issuer_no, EXCLUDED.article, EXCLUDED.article_no, EXCLUDED.paragraph, EXCLUDED.text, EXCLUDED.is_summary, EXCLUDED.in_force_from, EXCLUDED.in_force_to, EXCLUDED.source)`,
      [JSON.stringify(rows), at],
    );
  },

  async laws(q: Queryable): Promise<LawArticle[]> {
    return (
      await q.query<LawArticle>(
        `SELECT ${L_COLS} FROM knowledge_laws ORDER BY short_name, article_no, paragraph NULLS FIRST, in_force_from`,
      )
    ).rows;
  },

  /** Every version of one article of one law (by full or short name), oldest first. */
  async article(q: Queryable, law: string, articleNo: number): Promise<LawArticle[]> {
    return (
      await q.query<LawArticle>(
        `SELECT ${L_COLS} FROM knowledge_laws WHERE (law = $1 OR short_name = $1 OR issuer_no = $1) AND article_no = $2 ORDER BY paragraph NULLS FIRST, in_force_from`,
        [law, articleNo],
      )
    ).rows;
  },
};
