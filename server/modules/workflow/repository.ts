/** All SQL on tickets, their timeline and their documents. */
import type { Queryable } from '../../platform/db/index.js';
import type { QueueScope } from '../access/index.js';

export interface NewTicketRow {
  id: string;
  source: string;
  source_id: string;
  kind: string;
  channel: string | null;
  received_at: string;
  received_date: string;
  title: string | null;
  body: string | null;
  complainant_enc: string | null;
  complainant_key: string | null;
  phone_hash: string | null;
  idno_hash: string | null;
  complainant_display: Record<string, unknown> | null;
  real_name: boolean;
  age_group: string | null;
  respondent_name: string | null;
  respondent_key: string | null;
  respondent_address: string | null;
  respondent_credit_code: string | null;
  platform: string | null;
  location: string | null;
  amount: number | null;
  district_code: string | null;
  street_code: string | null;
  unit_id: string;
  status: string;
  rule_version: string;
  due_date: string | null;
  due_kind: string | null;
  deadlines: Record<string, unknown>;
  labels: Record<string, string> | null;
  predicted: Record<string, unknown> | null;
  category: string | null;
  problem: string | null;
  prefill: Record<string, unknown> | null;
  extra: Record<string, unknown> | null;
  parent_id: string | null;
  duplicate_of: string | null;
  abnormal: boolean;
  /** first timeline event payload */
  event: Record<string, unknown>;
}

export interface TicketRow extends Omit<NewTicketRow, 'event' | 'received_at'> {
  no: string;
  received_at: Date;
  suspended_since: string | null;
  outcome: string | null;
  legal_basis: string | null;
  odr_key: string | null;
  satisfaction: number | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLS: [keyof NewTicketRow, string][] = [
  ['id', 'text'], ['source', 'text'], ['source_id', 'text'], ['kind', 'text'], ['channel', 'text'], ['received_at', 'timestamptz'],
  ['received_date', 'date'], ['title', 'text'], ['body', 'text'], ['complainant_enc', 'text'], ['complainant_key', 'text'],
  ['phone_hash', 'text'], ['idno_hash', 'text'], ['complainant_display', 'jsonb'], ['real_name', 'boolean'], ['age_group', 'text'], ['respondent_name', 'text'],
  ['respondent_key', 'text'], ['respondent_address', 'text'], ['respondent_credit_code', 'text'], ['platform', 'text'],
  ['location', 'text'], ['amount', 'numeric'], ['district_code', 'text'], ['street_code', 'text'], ['unit_id', 'text'],
  ['status', 'text'], ['rule_version', 'text'], ['due_date', 'date'], ['due_kind', 'text'], ['deadlines', 'jsonb'], ['labels', 'jsonb'],
  ['predicted', 'jsonb'], ['category', 'text'], ['problem', 'text'], ['prefill', 'jsonb'], ['extra', 'jsonb'], ['parent_id', 'text'], ['duplicate_of', 'text'], ['abnormal', 'boolean'],
];
const STATUS_IDX = COLS.findIndex(([c]) => c === 'status');
const JSONB = new Set(COLS.filter(([, t]) => t === 'jsonb').map(([c]) => c));

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
}

function scopeSql(scope: QueueScope, params: unknown[]): string {
  if ('all' in scope) return 'TRUE';
  if ('none' in scope) return 'FALSE';
  if ('unit' in scope) {
    params.push(scope.unit);
    return `t.unit_id = $${params.length}`;
  }
  if ('district' in scope) {
    params.push(scope.district);
    return `t.district_code = $${params.length}`;
  }
  params.push(scope.odr);
  return `t.odr_key = $${params.length} AND t.kind = 'complaint'`;
}

export const ticketRepo = {
  /** Inserts new tickets; returns the ids actually inserted (an existing id is skipped, never duplicated). */
  async insertMany(q: Queryable, rows: NewTicketRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const arrays = COLS.map(([c]) => rows.map((r) => {
      const v = r[c];
      if (v === undefined || v === null) return null;
      return JSONB.has(c) ? JSON.stringify(v) : c === 'real_name' || c === 'abnormal' ? Boolean(v) : c === 'amount' ? v : String(v);
    }));
    const sel = COLS.map(([c, t], i) => (t === 'jsonb' ? `u.c${i}::jsonb` : `u.c${i}`)).join(', ');
    const unnest = COLS.map(([, t], i) => `$${i + 1}::${t === 'jsonb' ? 'text' : t}[]`).join(', ');
    const alias = COLS.map((_, i) => `c${i}`).join(', ');
    const r = await q.query<{ id: string }>(
      // a linked duplicate is closed at intake (it is not handled twice)
      `INSERT INTO tickets (${COLS.map(([c]) => c).join(', ')}, no, closed_at)
       SELECT ${sel}, 'XZ' || to_char(u.c6, 'YYYYMMDD') || lpad(nextval('ticket_no_seq')::text, 7, '0'),
              CASE WHEN u.c${STATUS_IDX} = 'duplicate' THEN u.c5 END
       FROM unnest(${unnest}) AS u(${alias})
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      arrays,
    );
    const inserted = new Set(r.rows.map((x) => x.id));
    const ev = rows.filter((x) => inserted.has(x.id));
    if (ev.length) {
      await q.query(
        `INSERT INTO ticket_events (ticket_id, seq, at, actor_id, actor_role, type, payload)
         SELECT u.id, 1, u.at, 'system', 'system', 'received', u.p::jsonb FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS u(id, at, p)`,
        [ev.map((x) => x.id), ev.map((x) => x.received_at), ev.map((x) => JSON.stringify(x.event))],
      );
    }
    return [...inserted];
  },

  async existingIds(q: Queryable, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const r = await q.query<{ id: string }>('SELECT id FROM tickets WHERE id = ANY($1::text[])', [ids]);
    return new Set(r.rows.map((x) => x.id));
  },

  async get(q: Queryable, id: string, forUpdate = false): Promise<TicketRow | undefined> {
    const r = await q.query<TicketRow>(`SELECT *, received_date::text AS received_date FROM tickets WHERE id = $1 OR no = $1 LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return r.rows[0];
  },

  async getMany(q: Queryable, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return (await q.query<TicketRow>('SELECT * FROM tickets WHERE id = ANY($1::text[])', [ids])).rows;
  },

  /** Applies a workflow decision if the ticket has not changed since it was read (optimistic lock on version). */
  /** An enterprise in the ODR register (the odr module's table; read here so a decision needs no module cycle). */
  async odrEnterprise(q: Queryable, key: string): Promise<{ key: string; enrolled: boolean } | null> {
    const r = await q.query<{ key: string; odr: boolean }>('SELECT key, odr FROM enterprises WHERE key = $1', [key]);
    return r.rows[0] ? { key: r.rows[0].key, enrolled: r.rows[0].odr } : null;
  },

  async applyDecision(q: Queryable, id: string, version: number, p: {
    status: string; deadlines: Record<string, unknown>; due_date: string | null; due_kind: string | null; suspended_since: string | null;
    odr_key: string | null; closed: boolean; outcome?: string | undefined; legal_basis?: string | undefined; satisfaction?: number | undefined;
    /** the decision was a statutory one with a deadline: was it late? (undefined: not a timed decision) */
    late?: boolean | undefined;
    /** mark_duplicate: the original */
    duplicate_of?: string | undefined;
  }): Promise<boolean> {
    const r = await q.query(
      `UPDATE tickets SET status = $3, deadlines = $4::jsonb, due_date = $5, due_kind = $6, suspended_since = $7, odr_key = $8,
         closed_at = CASE WHEN $9::boolean THEN COALESCE(closed_at, now()) ELSE NULL END,
         outcome = COALESCE($10, outcome), legal_basis = COALESCE($11, legal_basis), satisfaction = COALESCE($12, satisfaction),
         decisions = decisions + CASE WHEN $13::boolean IS NULL THEN 0 ELSE 1 END,
         late_decisions = late_decisions + CASE WHEN $13::boolean THEN 1 ELSE 0 END,
         duplicate_of = COALESCE($14, duplicate_of), updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2`,
      [id, version, p.status, JSON.stringify(p.deadlines), p.due_date, p.due_kind, p.suspended_since, p.odr_key, p.closed,
        p.outcome ?? null, p.legal_basis ?? null, p.satisfaction ?? null, p.late ?? null, p.duplicate_of ?? null],
    );
    return r.rowCount === 1;
  },

  async setUnit(q: Queryable, id: string, version: number, unitId: string, districtCode: string | null, streetCode: string | null): Promise<boolean> {
    const r = await q.query(
      `UPDATE tickets SET unit_id = $3, district_code = COALESCE($4, district_code), street_code = $5, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2`, [id, version, unitId, districtCode, streetCode]);
    return r.rowCount === 1;
  },

  async setFields(q: Queryable, id: string, fields: Partial<Pick<TicketRow, 'labels' | 'prefill' | 'predicted' | 'abnormal' | 'duplicate_of' | 'category' | 'problem'>>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const plain = new Set(['abnormal', 'duplicate_of', 'category', 'problem']);
    for (const [k, v] of Object.entries(fields)) {
      params.push(plain.has(k) ? v : JSON.stringify(v));
      sets.push(`${k} = $${params.length}${plain.has(k) ? '' : '::jsonb'}`);
    }
    if (sets.length) await q.query(`UPDATE tickets SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  },

  async appendEvent(q: Queryable, ticketId: string, e: { actor_id: string; actor_role: string; type: string; payload: Record<string, unknown> }): Promise<void> {
    await q.query(
      `INSERT INTO ticket_events (ticket_id, seq, actor_id, actor_role, type, payload)
       SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5::jsonb FROM ticket_events WHERE ticket_id = $1`,
      [ticketId, e.actor_id, e.actor_role, e.type, JSON.stringify(e.payload)],
    );
  },

  async timeline(q: Queryable, ticketId: string) {
    return (await q.query<{ seq: number; at: Date; actor_id: string; actor_role: string; type: string; payload: Record<string, unknown> }>(
      'SELECT seq, at, actor_id, actor_role, type, payload FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [ticketId])).rows;
  },

  async insertDocument(q: Queryable, d: { ticket_id: string; id: string; kind: string; number: string; title: string; html: string; created_by: string }): Promise<void> {
    await q.query('INSERT INTO documents (ticket_id, id, kind, number, title, html, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [d.ticket_id, d.id, d.kind, d.number, d.title, d.html, d.created_by]);
  },

  async documents(q: Queryable, ticketId: string) {
    return (await q.query<{ id: string; kind: string; number: string; title: string; created_at: Date }>(
      'SELECT id, kind, number, title, created_at FROM documents WHERE ticket_id = $1 ORDER BY created_at', [ticketId])).rows;
  },

  async document(q: Queryable, ticketId: string, docId: string) {
    return (await q.query<{ id: string; kind: string; number: string; title: string; html: string }>(
      'SELECT id, kind, number, title, html FROM documents WHERE ticket_id = $1 AND id = $2', [ticketId, docId])).rows[0];
  },

  /** The officer's queue: open tickets ordered by statutory deadline (no deadline last), scoped by jurisdiction. */
  async queue(q: Queryable, f: QueueFilter): Promise<{ rows: TicketRow[]; total: number }> {
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
      where.push(`(t.no ILIKE ${p} OR t.title ILIKE ${p} OR t.respondent_name ILIKE ${p} OR t.body ILIKE ${p})`);
    }
    const w = where.join(' AND ');
    const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets t WHERE ${w}`, params)).rows[0]?.n ?? 0;
    params.push(f.limit, f.offset);
    const rows = (await q.query<TicketRow>(
      `SELECT t.id, t.no, t.kind, t.channel, t.received_at, t.received_date::text AS received_date, t.title, left(t.body, 160) AS body,
              t.complainant_display, t.respondent_name, t.platform, t.district_code, t.unit_id, t.status, t.due_date, t.due_kind,
              t.rule_version, t.labels, t.predicted, t.abnormal, t.amount, t.odr_key, t.parent_id, t.duplicate_of, t.closed_at, t.version
       FROM tickets t WHERE ${w}
       ORDER BY t.due_date ASC NULLS LAST, t.received_at ASC
       LIMIT $${params.length - 1} OFFSET $${params.length}`, params)).rows;
    return { rows, total };
  },

  /** Tickets of the same person within a window (duplicate check at intake). */
  async recentByComplainant(q: Queryable, key: string, since: string) {
    return (await q.query<{ id: string; title: string | null; body: string | null; respondent_key: string | null; received_date: string; status: string }>(
      `SELECT id, title, body, respondent_key, received_date::text AS received_date, status FROM tickets
       WHERE complainant_key = $1 AND received_date >= $2::date ORDER BY received_at DESC LIMIT 50`, [key, since])).rows;
  },

  /** Open tickets whose current deadline is near or past and that have no marker event for it yet. */
  async openDueWithoutMarker(q: Queryable, until: string, today: string, limit: number) {
    return (await q.query<{ id: string; due_date: string; due_kind: string; unit_id: string }>(
      `SELECT t.id, t.due_date::text AS due_date, t.due_kind, t.unit_id FROM tickets t
       WHERE t.closed_at IS NULL AND t.due_date <= $1::date
         AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id
           AND e.type = CASE WHEN t.due_date < $2::date THEN 'deadline_breached' ELSE 'deadline_warning' END
           AND e.payload->>'due_kind' = t.due_kind AND e.payload->>'due_date' = t.due_date::text)
       ORDER BY t.due_date LIMIT $3`, [until, today, limit])).rows;
  },

  async setTrackHash(q: Queryable, id: string, hash: string): Promise<void> {
    await q.query('UPDATE tickets SET track_hash = $2 WHERE id = $1', [id, hash]);
  },

  async byTracking(q: Queryable, no: string, hash: string): Promise<TicketRow | undefined> {
    return (await q.query<TicketRow>('SELECT *, received_date::text AS received_date FROM tickets WHERE no = $1 AND track_hash = $2', [no, hash])).rows[0];
  },

  async setSatisfaction(q: Queryable, id: string, v: number): Promise<void> {
    await q.query('UPDATE tickets SET satisfaction = $2 WHERE id = $1', [id, v]);
  },

  /** Stations by open workload against businesses with an address (optionally within a district, excluding one): where the demo seats its officers. */
  async busiestStations(q: Queryable, limit: number, district?: string, exclude?: string) {
    return (await q.query<{ unit_id: string; district_code: string }>(
      `SELECT u.id AS unit_id, u.district_code FROM units u LEFT JOIN tickets t ON t.unit_id = u.id AND t.closed_at IS NULL AND t.respondent_address IS NOT NULL
       WHERE u.kind = 'station' AND ($2::text IS NULL OR u.district_code = $2) AND ($3::text IS NULL OR u.id <> $3)
       GROUP BY u.id, u.district_code ORDER BY count(t.id) DESC, u.id LIMIT $1`, [limit, district ?? null, exclude ?? null])).rows;
  },

  async count(q: Queryable): Promise<number> {
    return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]?.n ?? 0;
  },
};
