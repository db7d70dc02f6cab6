/** All SQL of the national exchange: the export's pages and the upload batches. */
import type { Queryable } from '../../platform/db/index.js';
import type { ExportRow } from './domain/to-tif.js';

export interface ExportRange {
  from?: string;
  to?: string;
}

export interface BatchRow {
  id: string;
  filename: string;
  format: string;
  sha256: string;
  bytes: number;
  source: string;
  state: 'running' | 'done' | 'failed';
  lines_read: number;
  imported: number;
  split: number;
  rejected: number;
  skipped: number;
  duplicates: number;
  rejects: { line: number; reason: string }[];
  error: string | null;
  uploaded_by: string;
  uploader: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export interface BatchProgress {
  lines_read: number;
  imported: number;
  split: number;
  rejected: number;
  skipped: number;
  duplicates: number;
}

const STATE = (
  a: string,
) => `${a}.status, ${a}.outcome, ${a}.legal_basis, ${a}.deadlines, ${a}.due_date::text AS due_date, ${a}.due_kind,
  ${a}.suspended_since::text AS suspended_since, ${a}.decisions, ${a}.late_decisions, ${a}.odr_key, ${a}.satisfaction, ${a}.closed_at, ${a}.abnormal`;

export const exchangeRepo = {
  /**
   * Submissions (not the report parts split from them, which travel inside their complaint's line) received in the
   * range, a page at a time. On PostgreSQL one server-side cursor in one snapshot (Db.stream), in the table's order: the
   * query is planned once for the whole range instead of once per page, and the export is one consistent picture
   * even while intake writes. Where there is no cursor (PGlite) keyset pages in id order (no OFFSET). Memory is bounded
   * either way.
   */
  async *exportPages(q: Queryable, r: ExportRange, page = 2000): AsyncGenerator<ExportRow[]> {
    const select = (
      keyset: boolean,
    ) => `SELECT t.id, t.no, t.source, t.source_id, t.kind, t.channel, t.received_at, t.title, t.body, t.extra, t.text_enc,
                t.complainant_enc, t.respondent_name, t.respondent_address, t.respondent_credit_code, t.platform, t.location, t.amount, t.labels,
                ${STATE('t')},
                -- a probe per duplicate, not a join: the planner would hash the whole table for the few rows that have one
                CASE WHEN t.duplicate_of IS NOT NULL THEN (SELECT d.no FROM tickets d WHERE d.id = t.duplicate_of) END AS duplicate_no,
                (SELECT to_jsonb(x) FROM (SELECT ${STATE('c')} FROM tickets c WHERE c.parent_id = t.id ORDER BY c.id LIMIT 1) x) AS rp
         FROM tickets t
         WHERE t.parent_id IS NULL
           AND ($1::date IS NULL OR t.received_date >= $1::date) AND ($2::date IS NULL OR t.received_date <= $2::date)
           ${keyset ? 'AND t.id > $3 ORDER BY t.id LIMIT $4' : ''}`;
    // the cursor reads the range in the table's order (one scan, no sort of the whole range before the first row);
    // lines carry their own ids, and an import does not depend on their order
    const range = [r.from ?? null, r.to ?? null];
    if (q.stream) {
      yield* q.stream<ExportRow>(select(false), range, page);
      return;
    }
    let after = '';
    for (;;) {
      const rows = (await q.query<ExportRow>(select(true), [...range, after, page])).rows;
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
    }
  },

  async countExportable(q: Queryable, r: ExportRange): Promise<number> {
    return (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tickets t WHERE t.parent_id IS NULL
         AND ($1::date IS NULL OR t.received_date >= $1::date) AND ($2::date IS NULL OR t.received_date <= $2::date)`,
        [r.from ?? null, r.to ?? null],
      )
    ).rows[0]!.n;
  },

  async insertBatch(
    q: Queryable,
    b: {
      id: string;
      filename: string;
      format: string;
      sha256: string;
      bytes: number;
      source: string;
      uploadedBy: string;
      at: Date;
    },
  ) {
    await q.query(
      `INSERT INTO import_batches (id, filename, format, sha256, bytes, source, uploaded_by, started_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [b.id, b.filename, b.format, b.sha256, b.bytes, b.source, b.uploadedBy, b.at],
    );
  },

  async progress(q: Queryable, id: string, p: BatchProgress, rejects: { line: number; reason: string }[]) {
    await q.query(
      `UPDATE import_batches SET lines_read = $2, imported = $3, split = $4, rejected = $5, skipped = $6, duplicates = $7, rejects = $8::jsonb WHERE id = $1`,
      [id, p.lines_read, p.imported, p.split, p.rejected, p.skipped, p.duplicates, JSON.stringify(rejects)],
    );
  },

  async finish(q: Queryable, id: string, state: 'done' | 'failed', at: Date, error: string | null) {
    await q.query(`UPDATE import_batches SET state = $2, finished_at = $3, error = $4 WHERE id = $1`, [
      id,
      state,
      at,
      error,
    ]);
  },

  async get(q: Queryable, id: string): Promise<BatchRow | undefined> {
    return (
      await q.query<BatchRow>(
        `SELECT b.*, b.bytes::float8 AS bytes, u.display_name AS uploader FROM import_batches b LEFT JOIN users u ON u.id = b.uploaded_by WHERE b.id = $1`,
        [id],
      )
    ).rows[0];
  },

  async list(q: Queryable, limit: number): Promise<BatchRow[]> {
    return (
      await q.query<BatchRow>(
        `SELECT b.*, b.bytes::float8 AS bytes, u.display_name AS uploader FROM import_batches b LEFT JOIN users u ON u.id = b.uploaded_by
       ORDER BY b.started_at DESC, b.id DESC LIMIT $1`,
        [limit],
      )
    ).rows;
  },
};
