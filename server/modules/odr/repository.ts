/** SQL for ODR enterprises and their own statistics. */
import type { Queryable } from '../../platform/db/index.js';

export interface EnterpriseRow { key: string; name: string; credit_code: string | null; odr: boolean; odr_since: string | null }

export const odrRepo = {
  async upsert(q: Queryable, rows: EnterpriseRow[]): Promise<void> {
    if (!rows.length) return;
    await q.query(
      `INSERT INTO enterprises (key, name, credit_code, odr, odr_since)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::date[])
       ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, odr = EXCLUDED.odr, credit_code = COALESCE(EXCLUDED.credit_code, enterprises.credit_code)`,
      [rows.map((r) => r.key), rows.map((r) => r.name), rows.map((r) => r.credit_code), rows.map((r) => r.odr), rows.map((r) => r.odr_since)],
    );
  },
  async get(q: Queryable, key: string): Promise<EnterpriseRow | undefined> {
    return (await q.query<EnterpriseRow>('SELECT key, name, credit_code, odr, odr_since::text AS odr_since FROM enterprises WHERE key = $1', [key])).rows[0];
  },
  /** ODR-enrolled enterprise for a ticket: the business itself, else its platform. */
  async odrFor(q: Queryable, respondentKey: string | null, platform: string | null): Promise<EnterpriseRow | undefined> {
    return (await q.query<EnterpriseRow>(
      `SELECT key, name, credit_code, odr, odr_since::text AS odr_since FROM enterprises WHERE odr AND key = ANY($1::text[])
       ORDER BY (key = $2) DESC LIMIT 1`, [[respondentKey, platform].filter(Boolean), respondentKey])).rows[0];
  },
  /** The busiest enrolled enterprise (demo account). */
  async busiest(q: Queryable): Promise<EnterpriseRow | undefined> {
    return (await q.query<EnterpriseRow>(
      `SELECT e.key, e.name, e.credit_code, e.odr, e.odr_since::text AS odr_since FROM enterprises e
       JOIN tickets t ON t.odr_key = e.key WHERE e.odr GROUP BY e.key ORDER BY count(*) FILTER (WHERE t.closed_at IS NULL) DESC, count(*) DESC LIMIT 1`)).rows[0];
  },
  /** An enterprise's own statistics (what the public disclosure shows about it). */
  /** `now`: the process clock (a frozen test clock or a replay sees the same windows as the dates it stamps) */
  async stats(q: Queryable, key: string, now: Date) {
    return (await q.query<{ total: number; open: number; settled: number; failed: number; mediated: number; last30: number; prev30: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE outcome = 'odr_settled')::int AS settled,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'odr_fail'))::int AS failed,
              count(*) FILTER (WHERE outcome = 'mediated')::int AS mediated,
              count(*) FILTER (WHERE received_at >= $2::timestamptz - interval '30 days')::int AS last30,
              count(*) FILTER (WHERE received_at >= $2::timestamptz - interval '60 days' AND received_at < $2::timestamptz - interval '30 days')::int AS prev30
       FROM tickets t WHERE t.odr_key = $1 AND t.kind = 'complaint'`, [key, now])).rows[0];
  },
};
