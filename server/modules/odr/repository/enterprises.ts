/** SQL for ODR enterprises: the register and enrolment decisions (the firm's user accounts live in access). */
import type { Queryable } from '../../../platform/db/index.js';
import type { EnrolState } from '../domain/enrolment.js';
import type { EnterpriseCounts } from '../../../../shared/enterprise.js';

export interface EnterpriseRow {
  key: string;
  name: string;
  credit_code: string | null;
  odr: boolean;
  odr_since: string | null;
}

export interface EnrolmentRow extends EnterpriseRow {
  enrol_state: EnrolState | null;
  window_days: number | null;
  platform: string | null;
  contact_enc: string | null;
  applied_by: string | null;
  applied_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

const ENROL_COLS = `key, name, credit_code, odr, odr_since::text AS odr_since, enrol_state, window_days, platform, contact_enc,
  applied_by, applied_at, decided_by, decided_at, decision_note`;

export const odrRepo = {
  async upsert(q: Queryable, rows: EnterpriseRow[]): Promise<void> {
    if (!rows.length) return;
    await q.query(
      `INSERT INTO enterprises (key, name, credit_code, odr, odr_since, enrol_state)
       SELECT k, n, c, o, s, CASE WHEN o THEN 'approved' END FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::date[]) AS u(k, n, c, o, s)
       ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, odr = EXCLUDED.odr, credit_code = COALESCE(EXCLUDED.credit_code, enterprises.credit_code),
         enrol_state = COALESCE(EXCLUDED.enrol_state, enterprises.enrol_state)`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.name),
        rows.map((r) => r.credit_code),
        rows.map((r) => r.odr),
        rows.map((r) => r.odr_since),
      ],
    );
  },
  async get(q: Queryable, key: string): Promise<EnterpriseRow | undefined> {
    return (
      await q.query<EnterpriseRow>(
        'SELECT key, name, credit_code, odr, odr_since::text AS odr_since FROM enterprises WHERE key = $1',
        [key],
      )
    ).rows[0];
  },
  async enrolment(q: Queryable, key: string, lock = false): Promise<EnrolmentRow | undefined> {
    return (
      await q.query<EnrolmentRow>(`SELECT ${ENROL_COLS} FROM enterprises WHERE key = $1${lock ? ' FOR UPDATE' : ''}`, [
        key,
      ])
    ).rows[0];
  },
  /** The register for the admin: applications first, then by name; `state` null: every firm that ever applied. */
  async list(
    q: Queryable,
    f: { state: EnrolState | null; q: string | null; limit: number; offset: number },
  ): Promise<{ rows: EnrolmentRow[]; total: number }> {
    const where = ['enrol_state IS NOT NULL'];
    const args: unknown[] = [];
    if (f.state) where.push(`enrol_state = $${args.push(f.state)}`);
    if (f.q)
      where.push(
        `(strpos(name, $${args.push(f.q)}) > 0 OR strpos(key, $${args.length}) > 0 OR credit_code = $${args.length})`,
      );
    const w = where.join(' AND ');
    const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM enterprises WHERE ${w}`, args)).rows[0]!
      .n;
    const rows = (
      await q.query<EnrolmentRow>(
        `SELECT ${ENROL_COLS} FROM enterprises WHERE ${w} ORDER BY (enrol_state = 'applied') DESC, applied_at DESC NULLS LAST, name
       LIMIT $${args.push(f.limit)} OFFSET $${args.push(f.offset)}`,
        args,
      )
    ).rows;
    return { rows, total };
  },
  /** A new application, or a fresh one for a firm that was rejected or withdrew; false when the firm is applied or enrolled. */
  async apply(
    q: Queryable,
    r: {
      key: string;
      name: string;
      credit_code: string | null;
      platform: string | null;
      contact_enc: string;
      window_days: number | null;
      applied_by: string;
      at: Date;
    },
  ): Promise<boolean> {
    const res = await q.query(
      `INSERT INTO enterprises (key, name, credit_code, odr, enrol_state, platform, contact_enc, window_days, applied_by, applied_at)
       VALUES ($1, $2, $3, false, 'applied', $4, $5, $6, $7, $8)
       ON CONFLICT (key) DO UPDATE SET enrol_state = 'applied', name = EXCLUDED.name, credit_code = COALESCE(EXCLUDED.credit_code, enterprises.credit_code),
         platform = EXCLUDED.platform, contact_enc = EXCLUDED.contact_enc, window_days = EXCLUDED.window_days, applied_by = EXCLUDED.applied_by,
         applied_at = EXCLUDED.applied_at, decided_by = NULL, decided_at = NULL, decision_note = NULL
       WHERE enterprises.enrol_state IS NULL OR enterprises.enrol_state IN ('rejected', 'withdrawn')`,
      [r.key, r.name, r.credit_code, r.platform, r.contact_enc, r.window_days, r.applied_by, r.at],
    );
    return res.rowCount > 0;
  },
  async decide(
    q: Queryable,
    key: string,
    d: {
      state: EnrolState;
      odr: boolean;
      by: string;
      at: Date;
      today: string;
      note: string | null;
      window_days?: number | null;
    },
  ): Promise<void> {
    await q.query(
      `UPDATE enterprises SET enrol_state = $2, odr = $3, decided_by = $4, decided_at = $5, decision_note = $6,
         odr_since = CASE WHEN $3 THEN COALESCE(odr_since, $7::date) ELSE odr_since END,
         window_days = CASE WHEN $8 THEN $9::int ELSE window_days END
       WHERE key = $1`,
      [key, d.state, d.odr, d.by, d.at, d.note, d.today, d.window_days !== undefined, d.window_days ?? null],
    );
  },
  async update(
    q: Queryable,
    key: string,
    p: { window_days?: number | null; platform?: string | null; contact_enc?: string },
  ): Promise<void> {
    await q.query(
      `UPDATE enterprises SET window_days = CASE WHEN $2 THEN $3::int ELSE window_days END, platform = CASE WHEN $4 THEN $5 ELSE platform END,
         contact_enc = COALESCE($6, contact_enc) WHERE key = $1`,
      [
        key,
        p.window_days !== undefined,
        p.window_days ?? null,
        p.platform !== undefined,
        p.platform ?? null,
        p.contact_enc ?? null,
      ],
    );
  },
  /** ODR-enrolled enterprise for a ticket: the business itself, else its platform. */
  async odrFor(
    q: Queryable,
    respondentKey: string | null,
    platform: string | null,
  ): Promise<EnterpriseRow | undefined> {
    return (
      await q.query<EnterpriseRow>(
        `SELECT key, name, credit_code, odr, odr_since::text AS odr_since FROM enterprises WHERE odr AND key = ANY($1::text[])
       ORDER BY (key = $2) DESC LIMIT 1`,
        [[respondentKey, platform].filter(Boolean), respondentKey],
      )
    ).rows[0];
  },
  /** The busiest enrolled enterprise (demo account). */
  async busiest(q: Queryable): Promise<EnterpriseRow | undefined> {
    return (
      await q.query<EnterpriseRow>(
        `SELECT e.key, e.name, e.credit_code, e.odr, e.odr_since::text AS odr_since FROM enterprises e
       JOIN tickets t ON t.odr_key = e.key WHERE e.odr GROUP BY e.key ORDER BY count(*) FILTER (WHERE t.closed_at IS NULL) DESC, count(*) DESC LIMIT 1`,
      )
    ).rows[0];
  },
  /** An enterprise's own statistics (what the public disclosure shows about it). */
  /** `now`: the process clock (a frozen test clock or a replay sees the same windows as the dates it stamps) */
  async stats(q: Queryable, key: string, now: Date) {
    return (
      await q.query<EnterpriseCounts>(
        `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE outcome = 'odr_settled')::int AS settled,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'odr_fail'))::int AS failed,
              count(*) FILTER (WHERE outcome = 'mediated')::int AS mediated,
              count(*) FILTER (WHERE received_at >= $2::timestamptz - interval '30 days')::int AS last30,
              count(*) FILTER (WHERE received_at >= $2::timestamptz - interval '60 days' AND received_at < $2::timestamptz - interval '30 days')::int AS prev30
       FROM tickets t WHERE t.odr_key = $1 AND t.kind = 'complaint'`,
        [key, now],
      )
    ).rows[0];
  },
};
