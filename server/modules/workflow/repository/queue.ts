import type { Queryable } from '../../../platform/db/index.js';
import { scopeSql, type QueueScope } from '../../access/index.js';
import type { TicketRow } from '../repository.js';

export interface QueueFilter {
  scope: QueueScope;
  status?: string[];
  kind?: string;
  open?: boolean;
  q?: string;
  clock?: 'red' | 'amber';
  today: string;
  amberUntil?: string;
  limit: number;
  offset: number;
  districtCode?: string;
  unitId?: string;
  /** search matches title and text too (false: the ticket number and business only) */
  searchText?: boolean;
  excerptChars?: number;
  /** count at most this many matches (the total is then "cap or more"): an exact count of a big open set is a scan */
  countCap?: number;
}

/** The officer's queue and the lookups intake and tracking make by person or ticket. */
export const queueRepo = {
  /** The officer's queue: open tickets ordered by statutory deadline (no deadline last), scoped by jurisdiction. */
  async queue(q: Queryable, f: QueueFilter): Promise<{ rows: TicketRow[]; total: number; capped: boolean }> {
    const params: unknown[] = [];
    const where = [scopeSql(f.scope, params)];
    if (f.open !== false) where.push('t.closed_at IS NULL');
    if (f.status?.length) {
      params.push(f.status);
      where.push(`t.status = ANY($${params.length}::text[])`);
    }
    if (f.kind) {
      params.push(f.kind);
      where.push(`t.kind = $${params.length}`);
    }
    if (f.districtCode) {
      params.push(f.districtCode);
      where.push(`t.district_code = $${params.length}`);
    }
    if (f.unitId) {
      params.push(f.unitId);
      where.push(`t.unit_id = $${params.length}`);
    }
    if (f.clock === 'red') {
      params.push(f.today);
      where.push(`t.due_date < $${params.length}::date`);
    } else if (f.clock === 'amber' && f.amberUntil) {
      params.push(f.today, f.amberUntil);
      where.push(`t.due_date >= $${params.length - 1}::date AND t.due_date <= $${params.length}::date`);
    }
    if (f.q) {
      params.push(`%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`);
      const p = `$${params.length}`;
      where.push(
        f.searchText === false
          ? `(t.no ILIKE ${p} OR t.respondent_name ILIKE ${p})`
          : `(t.no ILIKE ${p} OR t.title ILIKE ${p} OR t.respondent_name ILIKE ${p} OR t.body ILIKE ${p})`,
      );
    }
    const w = where.join(' AND ');
    // counting stops one past the cap: the cost is the cap's, not the open set's (60 k at a busy station at 10 M)
    const cap = f.countCap ?? null;
    const n =
      (
        await q.query<{ n: number }>(
          cap === null
            ? `SELECT count(*)::int AS n FROM tickets t WHERE ${w}`
            : `SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t WHERE ${w} LIMIT ${Math.floor(cap) + 1}) c`,
          params,
        )
      ).rows[0]?.n ?? 0;
    const capped = cap !== null && n > cap;
    const total = capped ? cap : n;
    params.push(Math.min(Math.max(f.excerptChars ?? 160, 1), 2000), f.limit, f.offset);
    const rows = (
      await q.query<TicketRow>(
        `SELECT t.id, t.no, t.kind, t.channel, t.received_at, t.received_date::text AS received_date, t.title, left(t.body, $${params.length - 2}) AS body,
              t.complainant_display, t.respondent_name, t.platform, t.district_code, t.unit_id, t.status, t.due_date, t.due_kind,
              t.rule_version, t.labels, t.predicted, t.abnormal, t.amount, t.odr_key, t.parent_id, t.duplicate_of, t.closed_at, t.version
       FROM tickets t WHERE ${w}
       ORDER BY t.due_date ASC NULLS LAST, t.received_at ASC, t.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      )
    ).rows;
    return { rows, total, capped };
  },

  /** Tickets of several persons within a window (duplicate check at intake): each person's latest 50 since `since`. */
  async recentByComplainants(q: Queryable, keys: string[], since: string) {
    const rows = (
      await q.query<{
        key: string;
        id: string;
        title: string | null;
        body: string | null;
        respondent_key: string | null;
        received_date: string;
        status: string;
      }>(
        `SELECT k.key, t.* FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (
           SELECT id, title, body, respondent_key, received_date::text AS received_date, status FROM tickets
           WHERE complainant_key = k.key AND received_date >= $2::date ORDER BY received_at DESC LIMIT 50) t`,
        [keys, since],
      )
    ).rows;
    const by = new Map<string, typeof rows>();
    for (const r of rows) by.set(r.key, [...(by.get(r.key) ?? []), r]);
    return by;
  },

  /** What a filer is told about stored tickets: number, status, the ticket it repeats. */
  async receipts(q: Queryable, ids: string[]) {
    if (!ids.length) return new Map<string, { id: string; no: string; status: string; duplicate_of: string | null }>();
    const r = await q.query<{ id: string; no: string; status: string; duplicate_of: string | null }>(
      'SELECT id, no, status, duplicate_of FROM tickets WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(r.rows.map((x) => [x.id, x]));
  },

  /** Stations by open workload against businesses with an address (optionally within a district, excluding one): where the demo seats its officers. */
  async busiestStations(q: Queryable, limit: number, district?: string, exclude?: string) {
    return (
      await q.query<{ unit_id: string; district_code: string }>(
        `SELECT u.id AS unit_id, u.district_code FROM units u LEFT JOIN tickets t ON t.unit_id = u.id AND t.closed_at IS NULL AND t.respondent_address IS NOT NULL
       WHERE u.kind = 'station' AND ($2::text IS NULL OR u.district_code = $2) AND ($3::text IS NULL OR u.id <> $3)
       GROUP BY u.id, u.district_code ORDER BY count(t.id) DESC, u.id LIMIT $1`,
        [limit, district ?? null, exclude ?? null],
      )
    ).rows;
  },
};
