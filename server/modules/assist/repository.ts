/** SQL of the assist module: training examples from officer corrections, model versions, texts for the similar index. */
import type { Queryable } from '../../platform/db/index.js';

export const assistRepo = {
  async insertCorrection(q: Queryable, c: { ticket_id: string; label: string; value: string; previous: string | null; actor_id: string }): Promise<void> {
    await q.query('INSERT INTO training_examples (ticket_id, label, value, previous, actor_id) VALUES ($1,$2,$3,$4,$5)', [c.ticket_id, c.label, c.value, c.previous, c.actor_id]);
  },
  async corrections(q: Queryable, label?: string, limit = 10_000) {
    return (await q.query<{ ticket_id: string; label: string; value: string; previous: string | null; at: Date; title: string | null; body: string | null }>(
      `SELECT e.ticket_id, e.label, e.value, e.previous, e.at, t.title, t.body FROM training_examples e JOIN tickets t ON t.id = e.ticket_id
       WHERE ($1::text IS NULL OR e.label = $1) ORDER BY e.id DESC LIMIT $2`, [label ?? null, limit])).rows;
  },
  async listModels(q: Queryable) {
    return (await q.query<{ id: string; label: string; file: string; metrics: unknown; active: boolean; created_at: Date }>('SELECT * FROM model_versions ORDER BY label, created_at DESC')).rows;
  },
  async registerModel(q: Queryable, m: { id: string; label: string; file: string; metrics: unknown; active: boolean }): Promise<void> {
    await q.query(`INSERT INTO model_versions (id, label, file, metrics, active) VALUES ($1,$2,$3,$4::jsonb,$5) ON CONFLICT (id) DO NOTHING`,
      [m.id, m.label, m.file, JSON.stringify(m.metrics ?? null), m.active]);
  },
  async activateModel(q: Queryable, id: string): Promise<{ label: string; file: string } | undefined> {
    const m = (await q.query<{ label: string; file: string }>('SELECT label, file FROM model_versions WHERE id = $1', [id])).rows[0];
    if (!m) return undefined;
    await q.query('UPDATE model_versions SET active = (id = $1) WHERE label = $2', [id, m.label]);
    return m;
  },
  async activeModels(q: Queryable) {
    return (await q.query<{ id: string; label: string; file: string }>('SELECT id, label, file FROM model_versions WHERE active')).rows;
  },
  /** Texts of past tickets for the similar-case index, newest first. */
  async textsForIndex(q: Queryable, limit: number, afterId?: string) {
    return (await q.query<{ id: string; title: string | null; body: string | null; respondent_name: string | null }>(
      `SELECT id, title, left(body, 2000) AS body, respondent_name FROM tickets WHERE duplicate_of IS NULL AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $1`, [limit, afterId ?? null])).rows;
  },
  /** Texts of tickets named by the live feed (linked duplicates left out, as in the index). */
  async textsByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return (await q.query<{ id: string; title: string | null; body: string | null; respondent_name: string | null }>(
      `SELECT id, title, left(body, 2000) AS body, respondent_name FROM tickets WHERE id = ANY($1::text[]) AND duplicate_of IS NULL`, [ids])).rows;
  },
  async casesByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return (await q.query<{ id: string; no: string; kind: string; title: string | null; body: string | null; respondent_name: string | null; status: string; outcome: string | null; legal_basis: string | null; received_date: string; closed_at: Date | null; unit_id: string | null; district_code: string | null; odr_key: string | null }>(
      `SELECT id, no, kind, title, left(body, 300) AS body, respondent_name, status, outcome, legal_basis, received_date::text AS received_date, closed_at, unit_id, district_code, odr_key
       FROM tickets WHERE id = ANY($1::text[])`, [ids])).rows;
  },
};
