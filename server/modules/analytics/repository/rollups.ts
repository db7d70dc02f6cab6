/**
 * The cockpit's figures from the narrow rollups of migration 0240 (kept by triggers in the ticket's own transaction):
 * a few thousand rows for a year of the city instead of a scan of its tickets. Answers in the shape of
 * `analyticsRepo.overviewScan` and of the light day cube, so the overview builds its panels from either the same way.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { Scope } from '../../access/index.js';

/** The breakdowns kept, in overviewScan's GROUPING() bit order. */
export const ROLLUP_DIMS = ['kind', 'channel', 'category', 'problem', 'district', 'age_group'] as const;

/**
 * The rollup scope key for a jurisdiction, or null where the rollups do not answer it: a station's cockpit (its
 * few thousand tickets are read through tickets_unit_received) and the ODR firm's own tickets. A district code is
 * six digits, so `unit_id LIKE 'S' || d || '%'` is the rollup's unit key (substr(unit_id, 2, 6)) = d exactly.
 */
export function rollupScope(scope: Scope | undefined): string | null {
  if (!scope || 'all' in scope) return '*';
  if ('district' in scope && /^\d{6}$/.test(scope.district)) return scope.district;
  return null;
}

export const rollupRepo = {
  /** Totals (GROUPING mask 63) and one row per (dimension, value) with tickets, as overviewScan gives them. */
  async overview(q: Queryable, scope: string, from: string, to: string, today: string) {
    const [tot, dims] = await Promise.all([
      q.query<Record<string, number | null>>(
        `SELECT COALESCE(sum(n), 0)::int AS count, COALESCE(sum(complaints), 0)::int AS complaints,
                COALESCE(sum(reports), 0)::int AS reports, COALESCE(sum(consultations), 0)::int AS consultations,
                COALESCE(sum(open), 0)::int AS open,
                (SELECT COALESCE(sum(u.n), 0) FROM rollup_due u
                  WHERE u.scope = $1 AND u.day >= $2::date AND u.day <= $3::date AND u.due < $4::date)::int AS overdue,
                COALESCE(sum(n) FILTER (WHERE day = $4::date), 0)::int AS today,
                COALESCE(sum(mediated), 0)::int AS mediated, COALESCE(sum(terminated), 0)::int AS terminated,
                COALESCE(sum(abnormal), 0)::int AS abnormal_tickets, COALESCE(sum(odr_settled), 0)::int AS odr_settled,
                COALESCE(sum(odr_total), 0)::int AS odr_total,
                -- avg(smallint) is sum / count in numeric: the same division, so the same float
                CASE WHEN sum(sat_n) > 0 THEN (sum(sat_sum)::numeric / sum(sat_n))::float8 END AS satisfaction,
                COALESCE(sum(decided), 0)::int AS decided, COALESCE(sum(late), 0)::int AS late
         FROM rollup_day WHERE scope = $1 AND day >= $2::date AND day <= $3::date`,
        [scope, from, to, today],
      ),
      q.query<{ dim: string; value: string; count: number; open: number }>(
        `SELECT dim, value, sum(n)::int AS count, sum(open)::int AS open
         FROM rollup_dim WHERE scope = $1 AND day >= $2::date AND day <= $3::date
         GROUP BY dim, value HAVING sum(n) > 0`,
        [scope, from, to],
      ),
    ]);
    const rows: Record<string, string | number | null>[] = [{ ...tot.rows[0]!, g: 63 }];
    for (const r of dims.rows) {
      const i = ROLLUP_DIMS.indexOf(r.dim as (typeof ROLLUP_DIMS)[number]);
      if (i < 0) continue;
      rows.push({ [r.dim]: r.value, g: 63 ^ (1 << (ROLLUP_DIMS.length - 1 - i)), count: r.count, open: r.open });
    }
    return rows;
  },

  /** Tickets and open per received day (the trend), as the light `cube(['day'])` gives them. */
  async days(q: Queryable, scope: string, from: string, to: string) {
    return (
      await q.query<{ d0: string; count: number; open: number }>(
        `SELECT day::text AS d0, n AS count, open FROM rollup_day
         WHERE scope = $1 AND day >= $2::date AND day <= $3::date AND n > 0`,
        [scope, from, to],
      )
    ).rows;
  },

  /** The city's businesses by tickets, as `analyticsRepo.hotBusinesses` ranks them, from rollup_hot (migration 0260). */
  async hot(q: Queryable, recentFrom: string, prevFrom: string, to: string, limit: number) {
    return (
      await q.query<{ key: string; recent: number; previous: number }>(
        `SELECT respondent_key AS key, COALESCE(sum(n) FILTER (WHERE day >= $1::date), 0)::int AS recent,
                COALESCE(sum(n) FILTER (WHERE day < $1::date), 0)::int AS previous
         FROM rollup_hot WHERE day >= $2::date AND day <= $3::date
         GROUP BY respondent_key HAVING sum(n) > 0 ORDER BY recent DESC, key LIMIT $4`,
        [recentFrom, prevFrom, to, limit],
      )
    ).rows;
  },

  /** category × problem for a scope, as `analyticsRepo.topics` gives them, from rollup_pair (migration 0260). */
  async topics(q: Queryable, scope: string, recentFrom: string, prevFrom: string, to: string) {
    return (
      await q.query<{ category: string; problem: string; recent: number; previous: number }>(
        `SELECT category, problem, COALESCE(sum(n) FILTER (WHERE day >= $2::date), 0)::int AS recent,
                COALESCE(sum(n) FILTER (WHERE day < $2::date), 0)::int AS previous
         FROM rollup_pair WHERE scope = $1 AND day >= $3::date AND day <= $4::date
         GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY recent DESC, 1, 2 LIMIT 40`,
        [scope, recentFrom, prevFrom, to],
      )
    ).rows;
  },
};
