/**
 * SQL for per-firm ODR statistics over a period of routing dates (the day a complaint was sent to the firm, Asia/
 * Shanghai): volume, open, settled, settled at the first attempt (首次和解: no hand-back before the settlement),
 * declined, average days to settle, amounts. Reads tickets by their ODR firm (index tickets_odr) and only those
 * tickets' ODR events (primary key prefix), never a scan of every timeline.
 */
import type { Queryable } from '../../../platform/db/index.js';

export interface FirmStatsRow {
  key: string;
  name: string | null;
  routed: number;
  open: number;
  settled: number;
  settled_first: number;
  declined: number;
  avg_days: number | null;
  amount: number;
}

export const statsRepo = {
  /** `from`/`to`: inclusive Asia/Shanghai dates; `keys` null: every firm */
  async perFirm(q: Queryable, f: { from: string; to: string; keys: string[] | null }): Promise<FirmStatsRow[]> {
    return (
      await q.query<FirmStatsRow>(
        `WITH r AS (
         SELECT t.odr_key AS key, t.id, t.status,
                min(e.at) FILTER (WHERE e.type = 'send_odr') AS sent_at,
                min(e.at) FILTER (WHERE e.type = 'odr_settle') AS settled_at,
                min(e.at) FILTER (WHERE e.type = 'odr_fail') AS failed_at,
                sum(CASE WHEN e.type = 'odr_settle' AND jsonb_typeof(e.payload->'amount') = 'number' THEN (e.payload->>'amount')::numeric END) AS amount
         FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id AND e.type IN ('send_odr', 'odr_settle', 'odr_fail')
         WHERE t.odr_key IS NOT NULL AND t.kind = 'complaint' AND ($3::text[] IS NULL OR t.odr_key = ANY($3::text[]))
         GROUP BY t.odr_key, t.id, t.status)
       SELECT r.key, en.name, count(*)::int AS routed,
              count(*) FILTER (WHERE r.status = 'odr')::int AS open,
              count(*) FILTER (WHERE r.settled_at IS NOT NULL)::int AS settled,
              count(*) FILTER (WHERE r.settled_at IS NOT NULL AND (r.failed_at IS NULL OR r.failed_at > r.settled_at))::int AS settled_first,
              count(*) FILTER (WHERE r.failed_at IS NOT NULL)::int AS declined,
              round(avg(extract(epoch FROM r.settled_at - r.sent_at) / 86400) FILTER (WHERE r.settled_at IS NOT NULL), 2)::float8 AS avg_days,
              COALESCE(sum(r.amount), 0)::float8 AS amount
       FROM r LEFT JOIN enterprises en ON en.key = r.key
       WHERE (r.sent_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
       GROUP BY r.key, en.name ORDER BY count(*) DESC, r.key`,
        [f.from, f.to, f.keys],
      )
    ).rows;
  },
};
