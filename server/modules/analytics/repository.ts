/** Read models for the cockpit, the cube, drill-down and exports. Reads tickets; writes nothing. */
import type { Queryable } from '../../platform/db/index.js';
import { DIMENSIONS, filterSql, type CubeFilter } from './domain/dimensions.js';

export const analyticsRepo = {
  /** `light`: counts only (the cockpit's breakdowns); otherwise also distinct complainants, open, outcomes, amount. */
  async cube(q: Queryable, dims: string[], f: CubeFilter, limit = 5000, light = false) {
    const params: unknown[] = [];
    const where = filterSql(f, params);
    const cols = dims.map((d, i) => `${DIMENSIONS[d]!.sql} AS d${i}`);
    const groups = dims.map((_, i) => `d${i}`);
    params.push(limit);
    if (light) {
      return (
        await q.query<Record<string, string | number>>(
          `SELECT ${cols.join(', ')}, count(*)::int AS count, count(*) FILTER (WHERE t.closed_at IS NULL)::int AS open
         FROM tickets t WHERE ${where} GROUP BY ${groups.join(', ')} ORDER BY count DESC LIMIT $${params.length}`,
          params,
        )
      ).rows;
    }
    return (
      await q.query<Record<string, string | number>>(
        `SELECT ${cols.join(', ')}${cols.length ? ',' : ''} count(*)::int AS count,
              count(DISTINCT t.complainant_key)::int AS complainants,
              count(*) FILTER (WHERE t.closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE t.outcome = 'mediated' AND NOT t.abnormal)::int AS mediated,
              count(*) FILTER (WHERE t.outcome = 'terminated' AND NOT t.abnormal)::int AS terminated,
              count(*) FILTER (WHERE t.outcome = 'odr_settled')::int AS odr_settled,
              count(*) FILTER (WHERE t.odr_key IS NOT NULL)::int AS odr_total,
              count(*) FILTER (WHERE t.late_decisions > 0)::int AS late,
              COALESCE(sum(t.amount), 0)::float8 AS amount${dims.includes('business') ? ', max(t.respondent_name) AS business_name' : ''}
       FROM tickets t WHERE ${where}
       ${groups.length ? `GROUP BY ${groups.join(', ')} ORDER BY count DESC` : ''} LIMIT $${params.length}`,
        params,
      )
    ).rows;
  },

  /**
   * The cockpit's totals and one-dimensional breakdowns in ONE scan (GROUPING SETS): on a large table every scan
   * costs the same, so the overview does one over the year instead of one per chart.
   */
  async overviewScan(q: Queryable, f: CubeFilter, today: string) {
    const params: unknown[] = [];
    const where = filterSql(f, params);
    params.push(today);
    const p = `$${params.length}::date`;
    const dims = ['kind', 'channel', 'category', 'problem', 'district', 'age_group'] as const;
    return (
      await q.query<Record<string, string | number | null>>(
        `SELECT ${dims.join(', ')}, GROUPING(${dims.join(', ')})::int AS g,
              count(*)::int AS count,
              count(*) FILTER (WHERE kind = 'complaint')::int AS complaints,
              count(*) FILTER (WHERE kind = 'report')::int AS reports,
              count(*) FILTER (WHERE kind IN ('consultation','suggestion','help','unknown'))::int AS consultations,
              count(*) FILTER (WHERE open)::int AS open,
              count(*) FILTER (WHERE open AND due_date < ${p})::int AS overdue,
              count(*) FILTER (WHERE received_date = ${p})::int AS today,
              count(*) FILTER (WHERE outcome = 'mediated' AND NOT abnormal)::int AS mediated,
              count(*) FILTER (WHERE outcome = 'terminated' AND NOT abnormal)::int AS terminated,
              count(*) FILTER (WHERE abnormal)::int AS abnormal_tickets,
              count(*) FILTER (WHERE outcome = 'odr_settled')::int AS odr_settled,
              count(*) FILTER (WHERE odr_key IS NOT NULL)::int AS odr_total,
              avg(satisfaction)::float8 AS satisfaction,
              COALESCE(sum(decisions), 0)::int AS decided, COALESCE(sum(late_decisions), 0)::int AS late
       FROM (SELECT ${DIMENSIONS.kind!.sql} AS kind, ${DIMENSIONS.channel!.sql} AS channel, ${DIMENSIONS.category!.sql} AS category,
                    ${DIMENSIONS.problem!.sql} AS problem, ${DIMENSIONS.district!.sql} AS district, ${DIMENSIONS.age_group!.sql} AS age_group,
                    t.closed_at IS NULL AS open, t.due_date, t.received_date, t.outcome, t.abnormal, t.odr_key, t.satisfaction, t.decisions, t.late_decisions
             FROM tickets t WHERE ${where}) s
       GROUP BY GROUPING SETS ((kind), (channel), (category), (problem), (district), (age_group), ())`,
        params,
      )
    ).rows;
  },

  /** category × problem now (last 30 days) and before (the 30 days earlier), one scan (rollupRepo.topics: the same). */
  async topics(q: Queryable, f: CubeFilter, recentFrom: string, prevFrom: string) {
    const params: unknown[] = [];
    const where = filterSql({ ...f, from: prevFrom }, params);
    params.push(recentFrom);
    const r = `$${params.length}::date`;
    return (
      await q.query<{ category: string; problem: string; recent: number; previous: number }>(
        `SELECT ${DIMENSIONS.category!.sql} AS category, ${DIMENSIONS.problem!.sql} AS problem,
              count(*) FILTER (WHERE t.received_date >= ${r})::int AS recent,
              count(*) FILTER (WHERE t.received_date < ${r})::int AS previous
       FROM tickets t WHERE ${where} GROUP BY 1, 2 ORDER BY recent DESC, 1, 2 LIMIT 40`,
        params,
      )
    ).rows;
  },

  /**
   * The city's businesses by tickets in the last 30 days, with the 30 days before, their name and distinct
   * complainants; one scan. The reference the rollup path (rollupRepo.hot + hotDetails) must equal.
   */
  async hotBusinesses(q: Queryable, recentFrom: string, prevFrom: string, to: string, limit = 10) {
    return (
      await q.query<{ key: string; name: string | null; recent: number; previous: number; complainants: number }>(
        `SELECT t.respondent_key AS key, max(t.respondent_name) AS name,
              count(*) FILTER (WHERE t.received_date >= $1::date)::int AS recent,
              count(*) FILTER (WHERE t.received_date < $1::date)::int AS previous,
              count(DISTINCT t.complainant_key) FILTER (WHERE t.received_date >= $1::date)::int AS complainants
       FROM tickets t WHERE t.respondent_key IS NOT NULL AND t.received_date >= $2::date AND t.received_date <= $3::date
       GROUP BY t.respondent_key ORDER BY recent DESC, key LIMIT $4`,
        [recentFrom, prevFrom, to, limit],
      )
    ).rows;
  },

  /**
   * Name (over the 60 days) and distinct complainants (over the last 30) of a few businesses, read from their own
   * tickets by index: neither is additive over days, so rollup_hot does not carry them.
   */
  async hotDetails(q: Queryable, keys: string[], recentFrom: string, prevFrom: string, to: string) {
    if (!keys.length) return new Map<string, { name: string | null; complainants: number }>();
    const r = await q.query<{ key: string; name: string | null; complainants: number }>(
      `SELECT respondent_key AS key, max(respondent_name) AS name,
              count(DISTINCT complainant_key) FILTER (WHERE received_date >= $2::date)::int AS complainants
       FROM tickets WHERE respondent_key = ANY($1::text[]) AND received_date >= $3::date AND received_date <= $4::date
       GROUP BY 1`,
      [keys, recentFrom, prevFrom, to],
    );
    return new Map(r.rows.map((x) => [x.key, { name: x.name, complainants: x.complainants }]));
  },

  async drill(q: Queryable, f: CubeFilter & { q?: string }, limit: number, offset: number) {
    const params: unknown[] = [];
    const where = filterSql(f, params);
    const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets t WHERE ${where}`, params))
      .rows[0]!.n;
    params.push(limit, offset);
    const rows = (
      await q.query(
        `SELECT t.id, t.no, t.kind, t.channel, t.received_at, t.title, left(t.body, 120) AS excerpt, t.respondent_name, t.platform,
              t.district_code, t.unit_id, t.status, t.outcome, t.due_date, t.abnormal, t.complainant_display AS complainant,
              ${DIMENSIONS.category!.sql} AS category, ${DIMENSIONS.problem!.sql} AS problem
       FROM tickets t WHERE ${where} ORDER BY t.received_at DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      )
    ).rows;
    return { total, rows };
  },

  /**
   * Every matching row, `page` rows at a time (no silent cap): the export writes as it reads. On a server one cursor
   * reads one snapshot in one pass, in no particular order (a sequential scan for a whole-city export: real ids are
   * sha1-based, so a walk in id order reads the heap at random, and every page re-seeks); on PGlite pages go by id.
   */
  async *exportRows(q: Queryable, f: CubeFilter, page = 5000) {
    const cols = `t.id, t.no, t.kind, t.channel, t.received_at, t.received_date::text AS received_date, t.title, t.respondent_name, t.respondent_credit_code, t.due_date::text AS due_date,
                t.late_decisions, t.decisions, t.odr_key IS NOT NULL AS odr, t.closed_at,
                t.platform, t.district_code, t.street_code, t.unit_id, t.status, t.outcome, t.legal_basis, t.amount, t.abnormal, t.age_group,
                ${DIMENSIONS.category!.sql} AS category, ${DIMENSIONS.problem!.sql} AS problem, t.complainant_display AS complainant`;
    if (q.stream) {
      const params: unknown[] = [];
      const where = filterSql(f, params);
      yield* q.stream<Record<string, unknown>>(`SELECT ${cols} FROM tickets t WHERE ${where}`, params, page);
      return;
    }
    let after = '';
    for (;;) {
      const params: unknown[] = [];
      const where = filterSql(f, params);
      params.push(after, page);
      const rows = (
        await q.query<Record<string, unknown>>(
          `SELECT ${cols} FROM tickets t WHERE ${where} AND t.id > $${params.length - 1} ORDER BY t.id LIMIT $${params.length}`,
          params,
        )
      ).rows;
      if (!rows.length) return;
      yield rows;
      after = String(rows[rows.length - 1]!.id);
    }
  },

  /**
   * Public disclosure per business (全国12315消费投诉信息公示): complaints in the period and the one before, mediation
   * success (mediated of mediations ended, the abnormal list's tickets left out) and the ODR first-settlement rate
   * (首次和解率: settled by the business itself of its ODR complaints closed). Only businesses with at least `min`
   * complaints in the period; linked repeats are not counted twice. No ticket, text or person leaves this query.
   */
  async disclosure(
    q: Queryable,
    f: { name?: string; from: string; to: string; prevFrom: string; min: number; limit: number; offset: number },
  ) {
    const r = await q.query<Record<string, unknown> & { total: number }>(
      `WITH b AS (
         SELECT t.respondent_key AS key, max(t.respondent_name) AS name, max(t.respondent_credit_code) AS credit_code,
                count(*) FILTER (WHERE t.received_date >= $2::date)::int AS complaints,
                count(*) FILTER (WHERE t.received_date < $2::date)::int AS previous,
                count(*) FILTER (WHERE t.received_date >= $2::date AND t.outcome = 'mediated' AND NOT t.abnormal)::int AS mediated,
                count(*) FILTER (WHERE t.received_date >= $2::date AND t.outcome IN ('mediated','terminated') AND NOT t.abnormal)::int AS mediation_closed,
                count(*) FILTER (WHERE t.received_date >= $2::date AND t.outcome = 'odr_settled')::int AS odr_settled,
                count(*) FILTER (WHERE t.received_date >= $2::date AND t.odr_key IS NOT NULL AND t.closed_at IS NOT NULL)::int AS odr_closed
         FROM tickets t
         WHERE t.kind = 'complaint' AND t.status <> 'duplicate' AND t.respondent_key IS NOT NULL
           AND t.received_date >= $3::date AND t.received_date <= $4::date
           AND ($1::text IS NULL OR t.respondent_name ILIKE $1 OR t.respondent_credit_code = $7)
         GROUP BY t.respondent_key)
       SELECT b.*, count(*) OVER ()::int AS total FROM b WHERE b.complaints >= $5
       ORDER BY b.complaints DESC, b.key LIMIT $6 OFFSET $8`,
      [
        f.name ? `%${f.name.replace(/[%_\\]/g, (c) => '\\' + c)}%` : null,
        f.from,
        f.prevFrom,
        f.to,
        f.min,
        f.limit,
        f.name ?? null,
        f.offset,
      ],
    );
    return { total: r.rows[0]?.total ?? 0, rows: r.rows };
  },
};

/** The monthly report's figures outside the tickets table: early warnings and the abnormal list (counts only). */
export const reportRepo = {
  async alerts(q: Queryable, from: string, to: string) {
    return (
      await q.query<{ kind: string; state: string; n: number; tickets: number }>(
        `SELECT kind, state, count(*)::int AS n, COALESCE(sum(count), 0)::int AS tickets
       FROM alerts WHERE detected_at >= $1::date AND detected_at <= $2::date GROUP BY 1, 2`,
        [from, to],
      )
    ).rows;
  },
  async topAlerts(q: Queryable, from: string, to: string, limit = 8) {
    return (
      await q.query<{
        kind: string;
        state: string;
        subject_label: string;
        count: number;
        complainants: number;
        detected_at: string;
        district_code: string | null;
      }>(
        `SELECT kind, state, subject_label, count, complainants, detected_at::text AS detected_at, district_code
       FROM alerts WHERE detected_at >= $1::date AND detected_at <= $2::date ORDER BY count DESC, detected_at LIMIT $3`,
        [from, to, limit],
      )
    ).rows;
  },
  /** Entries by state now, and how many were proposed / listed during the month (counts only, no person). */
  async abnormal(q: Queryable, from: string, to: string) {
    const byState = (
      await q.query<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM abnormal_entries GROUP BY 1 ORDER BY 2 DESC`,
      )
    ).rows;
    const month = (
      await q.query<{ created: number; listed: number }>(
        `SELECT count(*) FILTER (WHERE created_at >= $1::date AND created_at < $2::date + 1)::int AS created,
              count(*) FILTER (WHERE state IN ('listed','notified') AND updated_at >= $1::date AND updated_at < $2::date + 1)::int AS listed
       FROM abnormal_entries`,
        [from, to],
      )
    ).rows[0]!;
    return { byState, ...month };
  },
  async odrEnterprises(q: Queryable, from: string, to: string) {
    return (
      await q.query<{ n: number }>(
        `SELECT count(DISTINCT odr_key)::int AS n FROM tickets WHERE odr_key IS NOT NULL AND received_date >= $1::date AND received_date <= $2::date`,
        [from, to],
      )
    ).rows[0]!.n;
  },
};
