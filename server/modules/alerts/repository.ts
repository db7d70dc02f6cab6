/** SQL of persisted early-warning alerts. */
import type { AlertItem } from '../../../shared/alerts.js';
import type { Queryable } from '../../platform/db/index.js';

/** An alert as stored: what the API sends (shared/alerts.ts) less the review commands, which depend on the reader. */
export type AlertRow = Omit<AlertItem, 'commands'>;

export interface FeedRow {
  id: string;
  received_at: Date;
  kind: string;
  title: string | null;
  body: string | null;
  complainant_key: string | null;
  respondent_name: string | null;
  respondent_address: string | null;
  platform: string | null;
  location: string | null;
  labels: Record<string, string> | null;
  predicted: Record<string, { label?: string }> | null;
  district_code: string | null;
}

export const alertRepo = {
  /** Inserts new alerts; an alert already stored keeps its life cycle and only grows its window and evidence. */
  /** Inserts new alerts and updates known ones; returns the ids that were new (xmax = 0 on a fresh row). */
  async upsert(q: Queryable, rows: Omit<AlertRow, 'state' | 'lifecycle'>[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const a of rows) {
      const r = await q.query<{ inserted: boolean }>(
        `INSERT INTO alerts (id, kind, subject_type, subject_key, subject_label, window_start, window_end, detected_at, count, complainants, expected, score, recurrence_days, ticket_ids, district_code, detail)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::text[],$15,$16::jsonb)
         ON CONFLICT (id) DO UPDATE SET window_end = EXCLUDED.window_end, count = EXCLUDED.count, complainants = EXCLUDED.complainants,
           expected = EXCLUDED.expected, score = GREATEST(alerts.score, EXCLUDED.score), ticket_ids = EXCLUDED.ticket_ids, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          a.id,
          a.kind,
          a.subject_type,
          a.subject_key,
          a.subject_label,
          a.window_start,
          a.window_end,
          a.detected_at,
          a.count,
          a.complainants,
          a.expected,
          a.score,
          a.recurrence_days,
          a.ticket_ids,
          a.district_code,
          JSON.stringify(a.detail),
        ],
      );
      if (r.rows[0]?.inserted) inserted.push(a.id);
    }
    return inserted;
  },
  async list(
    q: Queryable,
    f: { district?: string | null; state?: string; kind?: string; limit: number; offset: number },
  ) {
    const rows = (
      await q.query<AlertRow>(
        `SELECT id, kind, subject_type, subject_key, subject_label, window_start::text AS window_start, window_end::text AS window_end,
              detected_at::text AS detected_at, count, complainants, expected, score, recurrence_days, ticket_ids, district_code, state, lifecycle, detail
       FROM alerts WHERE ($1::text IS NULL OR district_code = $1 OR district_code IS NULL) AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3)
       ORDER BY detected_at DESC, score DESC LIMIT $4 OFFSET $5`,
        [f.district ?? null, f.state ?? null, f.kind ?? null, f.limit, f.offset],
      )
    ).rows;
    const total = (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alerts WHERE ($1::text IS NULL OR district_code = $1 OR district_code IS NULL) AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3)`,
        [f.district ?? null, f.state ?? null, f.kind ?? null],
      )
    ).rows[0]!.n;
    return { rows, total };
  },
  async get(q: Queryable, id: string): Promise<AlertRow | undefined> {
    return (
      await q.query<AlertRow>(
        `SELECT id, kind, subject_type, subject_key, subject_label, window_start::text AS window_start, window_end::text AS window_end,
      detected_at::text AS detected_at, count, complainants, expected, score, recurrence_days, ticket_ids, district_code, state, lifecycle, detail FROM alerts WHERE id = $1`,
        [id],
      )
    ).rows[0];
  },
  async setLifecycle(q: Queryable, id: string, state: string, lifecycle: unknown): Promise<void> {
    await q.query('UPDATE alerts SET state = $2, lifecycle = $3::jsonb, updated_at = now() WHERE id = $1', [
      id,
      state,
      JSON.stringify(lifecycle),
    ]);
  },
  async counts(q: Queryable, district: string | null) {
    // alerts a replay found in the past (back-dated imports) are counted apart: they are no "new" event
    return (
      await q.query<{ state: string; n: number }>(
        `SELECT CASE WHEN state = 'new' AND detail->>'retrospective' = 'true' THEN 'retrospective' ELSE state END AS state, count(*)::int AS n
      FROM alerts WHERE ($1::text IS NULL OR district_code = $1 OR district_code IS NULL) GROUP BY 1`,
        [district],
      )
    ).rows;
  },
  /** Tickets to feed the detector, in arrival order (TIF-shaped; the person is the keyed hash, never a raw identifier). */
  async ticketsSince(q: Queryable, from: string, after: { at: Date; id: string } | null, limit: number) {
    return (
      await q.query<FeedRow>(
        `SELECT id, received_at, kind, title, left(body, 1000) AS body, complainant_key, respondent_name, respondent_address, platform, location, labels, predicted, district_code
       FROM tickets WHERE received_date >= $1::date AND duplicate_of IS NULL AND parent_id IS NULL
         AND ($2::timestamptz IS NULL OR (received_at, id) > ($2::timestamptz, $3::text))
       ORDER BY received_at, id LIMIT $4`,
        [from, after?.at ?? null, after?.id ?? '', limit],
      )
    ).rows;
  },
  /** The same rows for tickets named by the live feed. */
  async ticketsByIds(q: Queryable, ids: string[]) {
    if (!ids.length) return [];
    return (
      await q.query<FeedRow>(
        `SELECT id, received_at, kind, title, left(body, 1000) AS body, complainant_key, respondent_name, respondent_address, platform, location, labels, predicted, district_code
       FROM tickets WHERE id = ANY($1::text[]) AND duplicate_of IS NULL AND parent_id IS NULL ORDER BY received_at, id`,
        [ids],
      )
    ).rows;
  },
  async loadState(q: Queryable, name: string) {
    return (
      await q.query<{
        cursor_at: Date | null;
        cursor_id: string | null;
        open_day: string | null;
        tickets_seen: string;
        replays: number;
      }>(
        'SELECT cursor_at, cursor_id, open_day::text AS open_day, tickets_seen, replays FROM detector_state WHERE name = $1',
        [name],
      )
    ).rows[0];
  },
  async saveState(
    q: Queryable,
    name: string,
    s: {
      cursor_at: Date | null;
      cursor_id: string | null;
      open_day: string | null;
      tickets_seen: number;
      replays: number;
    },
  ) {
    await q.query(
      `INSERT INTO detector_state (name, cursor_at, cursor_id, open_day, tickets_seen, replays, updated_at) VALUES ($1,$2,$3,$4::date,$5,$6,now())
       ON CONFLICT (name) DO UPDATE SET cursor_at = EXCLUDED.cursor_at, cursor_id = EXCLUDED.cursor_id, open_day = EXCLUDED.open_day,
         tickets_seen = EXCLUDED.tickets_seen, replays = EXCLUDED.replays, updated_at = now()`,
      [name, s.cursor_at, s.cursor_id, s.open_day, s.tickets_seen, s.replays],
    );
  },
  async districtsOf(q: Queryable, ids: string[]) {
    return (
      await q.query<{ district_code: string | null; n: number }>(
        `SELECT district_code, count(*)::int AS n FROM tickets WHERE id = ANY($1::text[]) GROUP BY district_code ORDER BY n DESC`,
        [ids],
      )
    ).rows;
  },
};
