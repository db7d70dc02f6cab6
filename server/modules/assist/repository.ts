/** SQL of the assist module: training examples from officer corrections, model versions, texts for the similar index. */
import type { Queryable } from '../../platform/db/index.js';

export interface ModelVersionRow {
  id: string;
  label: string;
  version: string | null;
  file: string;
  metrics: unknown;
  training: unknown;
  evaluation: unknown;
  active: boolean;
  created_at: Date;
  registered_by: string | null;
  activated_at: Date | null;
  activated_by: string | null;
}

export const assistRepo = {
  async insertCorrection(
    q: Queryable,
    c: { ticket_id: string; label: string; value: string; previous: string | null; actor_id: string },
  ): Promise<void> {
    await q.query(
      'INSERT INTO training_examples (ticket_id, label, value, previous, actor_id) VALUES ($1,$2,$3,$4,$5)',
      [c.ticket_id, c.label, c.value, c.previous, c.actor_id],
    );
  },
  async corrections(q: Queryable, label?: string, limit = 10_000) {
    return (
      await q.query<{
        ticket_id: string;
        label: string;
        value: string;
        previous: string | null;
        at: Date;
        title: string | null;
        body: string | null;
      }>(
        `SELECT e.ticket_id, e.label, e.value, e.previous, e.at, t.title, t.body FROM training_examples e JOIN tickets t ON t.id = e.ticket_id
       WHERE ($1::text IS NULL OR e.label = $1) ORDER BY e.id DESC LIMIT $2`,
        [label ?? null, limit],
      )
    ).rows;
  },
  /** Registered versions without their bytes, newest first per label. */
  async listModels(q: Queryable) {
    return (
      await q.query<ModelVersionRow>(
        `SELECT id, label, version, file, metrics, training, evaluation, active, created_at, registered_by, activated_at, activated_by
       FROM model_versions ORDER BY label, created_at DESC, id`,
      )
    ).rows;
  },
  async getModel(q: Queryable, id: string) {
    return (
      await q.query<ModelVersionRow & { model: Uint8Array | null }>('SELECT * FROM model_versions WHERE id = $1', [id])
    ).rows[0];
  },
  async registerModel(
    q: Queryable,
    m: {
      id: string;
      label: string;
      file: string;
      metrics: unknown;
      active: boolean;
      version?: string;
      model?: Uint8Array;
      training?: unknown;
      evaluation?: unknown;
      registered_by?: string;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO model_versions (id, label, file, metrics, active, version, model, training, evaluation, registered_by)
       VALUES ($1,$2,$3,$4::jsonb,$5,$6,$7,$8::jsonb,$9::jsonb,$10) ON CONFLICT (id) DO NOTHING`,
      [
        m.id,
        m.label,
        m.file,
        JSON.stringify(m.metrics ?? null),
        m.active,
        m.version ?? null,
        m.model ?? null,
        JSON.stringify(m.training ?? null),
        JSON.stringify(m.evaluation ?? null),
        m.registered_by ?? null,
      ],
    );
  },
  async activateModel(
    q: Queryable,
    id: string,
    actorId?: string,
  ): Promise<{ label: string; file: string } | undefined> {
    const m = (
      await q.query<{ label: string; file: string }>('SELECT label, file FROM model_versions WHERE id = $1', [id])
    ).rows[0];
    if (!m) return undefined;
    await q.query(
      `UPDATE model_versions SET active = (id = $1), activated_at = CASE WHEN id = $1 THEN now() ELSE activated_at END,
      activated_by = CASE WHEN id = $1 THEN $3 ELSE activated_by END WHERE label = $2`,
      [id, m.label, actorId ?? null],
    );
    return m;
  },
  async activeModels(q: Queryable) {
    return (
      await q.query<{ id: string; label: string; file: string; model: Uint8Array | null }>(
        'SELECT id, label, file, model FROM model_versions WHERE active',
      )
    ).rows;
  },
  /**
   * The bureau's own labelled history for one label: the latest officer correction (training_examples) wins over the
   * ticket's confirmed label; for `kind`, a kind the source gave counts (not one the model filled in).
   */
  async labelledHistory(q: Queryable, label: string, limit: number) {
    return (
      await q.query<{
        id: string;
        kind: string;
        title: string | null;
        body: string | null;
        respondent_name: string | null;
        channel: string | null;
        gold: string;
        corrected: boolean;
      }>(
        `WITH c AS (SELECT DISTINCT ON (ticket_id) ticket_id, value FROM training_examples WHERE label = $1 ORDER BY ticket_id, id DESC)
       SELECT t.id, t.kind, t.title, left(t.body, 4000) AS body, t.respondent_name, t.channel,
              coalesce(c.value, t.labels->>$1, CASE WHEN $1 = 'kind' AND t.kind <> 'unknown' AND NOT coalesce(t.predicted ? 'kind', false) THEN t.kind END) AS gold,
              c.value IS NOT NULL AS corrected
       FROM tickets t LEFT JOIN c ON c.ticket_id = t.id
       WHERE t.parent_id IS NULL AND (c.value IS NOT NULL OR (t.duplicate_of IS NULL AND
             (t.labels ? $1 OR ($1 = 'kind' AND t.kind <> 'unknown' AND NOT coalesce(t.predicted ? 'kind', false)))))
       ORDER BY t.id LIMIT $2`,
        [label, limit],
      )
    ).rows.filter((r) => r.gold && r.gold.trim() !== '');
  },
  /** Texts of past tickets for the similar-case index, newest first. */
  async textsForIndex(q: Queryable, limit: number, afterId?: string) {
    return (
      await q.query<{ id: string; title: string | null; body: string | null; respondent_name: string | null }>(
        // a plain `id > $2` (the first page starts after '') so the planner walks the primary key; an OR with
        // `$2 IS NULL` made every page sort the whole table, ~1 s a page at 200k on PGlite
        `SELECT id, title, left(body, 2000) AS body, respondent_name FROM tickets WHERE duplicate_of IS NULL AND id > $2 ORDER BY id LIMIT $1`,
        [limit, afterId ?? ''],
      )
    ).rows;
  },
  /** Texts of tickets named by the live feed (linked duplicates left out, as in the index). */
  async textsByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return (
      await q.query<{ id: string; title: string | null; body: string | null; respondent_name: string | null }>(
        `SELECT id, title, left(body, 2000) AS body, respondent_name FROM tickets WHERE id = ANY($1::text[]) AND duplicate_of IS NULL`,
        [ids],
      )
    ).rows;
  },
  async casesByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return (
      await q.query<{
        id: string;
        no: string;
        kind: string;
        title: string | null;
        body: string | null;
        respondent_name: string | null;
        status: string;
        outcome: string | null;
        legal_basis: string | null;
        received_date: string;
        closed_at: Date | null;
        unit_id: string | null;
        district_code: string | null;
        odr_key: string | null;
      }>(
        `SELECT id, no, kind, title, left(body, 300) AS body, respondent_name, status, outcome, legal_basis, received_date::text AS received_date, closed_at, unit_id, district_code, odr_key
       FROM tickets WHERE id = ANY($1::text[])`,
        [ids],
      )
    ).rows;
  },
};
