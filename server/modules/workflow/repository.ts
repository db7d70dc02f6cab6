/** All SQL on tickets and their timeline; with repository/ (documents, queue, upkeep) the one ticketRepo callers use. */
import type { Queryable } from '../../platform/db/index.js';
import type { Transfer12345 } from './domain/transfer-12345.js';
import { documentRepo } from './repository/documents.js';
import { queueRepo, type QueueFilter } from './repository/queue.js';
import { upkeepRepo } from './repository/upkeep.js';

export type { QueueFilter };

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
  /** the sealed original title/body/pre-fill/extra (title, body, prefill and extra above are the redacted versions) */
  text_enc?: string | null;
  /** kinds of personal data found in the free text, with counts (no values) */
  pii?: Record<string, number> | null;
  /** redactor version applied to title/body */
  redaction?: number;
  /** first timeline event payload */
  event: Record<string, unknown>;
  /** handling already decided elsewhere (a Xiezhi export re-imported, intake/domain/handling.ts); absent for new work */
  outcome?: string | null;
  legal_basis?: string | null;
  suspended_since?: string | null;
  decisions?: number | null;
  late_decisions?: number | null;
  odr_key?: string | null;
  satisfaction?: number | null;
  closed_at?: string | null;
  /** hash of the public filer's tracking code (intake/file-ticket.ts), stored with the ticket */
  track_hash?: string | null;
}

/** A ticket's text as stored: redacted in the clear, the original sealed, what was found counted (intake's protectText). */
export type ProtectedText = Required<
  Pick<NewTicketRow, 'title' | 'body' | 'prefill' | 'extra' | 'text_enc' | 'pii' | 'redaction'>
>;

export interface TicketRow extends Omit<
  NewTicketRow,
  'event' | 'received_at' | 'closed_at' | 'decisions' | 'late_decisions'
> {
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
  /** the 12345 track of a transfer (null: not a 12345 transfer) */
  t12345: Transfer12345 | null;
}

const COLS: [keyof NewTicketRow, string][] = [
  ['id', 'text'],
  ['source', 'text'],
  ['source_id', 'text'],
  ['kind', 'text'],
  ['channel', 'text'],
  ['received_at', 'timestamptz'],
  ['received_date', 'date'],
  ['title', 'text'],
  ['body', 'text'],
  ['complainant_enc', 'text'],
  ['complainant_key', 'text'],
  ['phone_hash', 'text'],
  ['idno_hash', 'text'],
  ['complainant_display', 'jsonb'],
  ['real_name', 'boolean'],
  ['age_group', 'text'],
  ['respondent_name', 'text'],
  ['respondent_key', 'text'],
  ['respondent_address', 'text'],
  ['respondent_credit_code', 'text'],
  ['platform', 'text'],
  ['location', 'text'],
  ['amount', 'numeric'],
  ['district_code', 'text'],
  ['street_code', 'text'],
  ['unit_id', 'text'],
  ['status', 'text'],
  ['rule_version', 'text'],
  ['due_date', 'date'],
  ['due_kind', 'text'],
  ['deadlines', 'jsonb'],
  ['labels', 'jsonb'],
  ['predicted', 'jsonb'],
  ['category', 'text'],
  ['problem', 'text'],
  ['prefill', 'jsonb'],
  ['extra', 'jsonb'],
  ['parent_id', 'text'],
  ['duplicate_of', 'text'],
  ['abnormal', 'boolean'],
  ['text_enc', 'text'],
  ['pii', 'jsonb'],
  ['redaction', 'smallint'],
  ['outcome', 'text'],
  ['legal_basis', 'text'],
  ['suspended_since', 'date'],
  ['decisions', 'smallint'],
  ['late_decisions', 'smallint'],
  ['odr_key', 'text'],
  ['satisfaction', 'smallint'],
  ['track_hash', 'text'],
  // last: the insert below selects every column but this one by position, and derives it
  ['closed_at', 'timestamptz'],
];
const STATUS_IDX = COLS.findIndex(([c]) => c === 'status');
const CLOSED_IDX = COLS.findIndex(([c]) => c === 'closed_at');
const COUNTS = new Set<string>(['redaction', 'decisions', 'late_decisions']);
const JSONB = new Set(COLS.filter(([, t]) => t === 'jsonb').map(([c]) => c));

/**
 * The tickets table and the ticket's timeline. Documents (repository/documents.ts), the queue and intake lookups
 * (repository/queue.ts) and the sweeps' upkeep (repository/upkeep.ts) live beside it and are one object to callers.
 */
export const ticketRepo = {
  ...documentRepo,
  ...queueRepo,
  ...upkeepRepo,
  /** This cluster's shard prefix in new ticket numbers (migration 0170): '' for a deployment of one. */
  async setShardPrefix(q: Queryable, prefix: string): Promise<void> {
    await q.query('UPDATE deployment_shard SET prefix = $1 WHERE prefix IS DISTINCT FROM $1', [prefix]);
  },

  /** Inserts new tickets; returns the ids actually inserted (an existing id is skipped, never duplicated). */
  async insertMany(q: Queryable, rows: NewTicketRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const arrays = COLS.map(([c]) =>
      rows.map((r) => {
        const v = r[c];
        if (v === undefined || v === null) return null;
        return JSONB.has(c)
          ? JSON.stringify(v)
          : c === 'real_name' || c === 'abnormal'
            ? Boolean(v)
            : c === 'amount' || COUNTS.has(c) || c === 'satisfaction'
              ? v
              : String(v);
      }),
    );
    // a row built without the redaction step (none in the product: intake always redacts) reads as "not yet redacted"
    const sel = COLS.filter(([c]) => c !== 'closed_at')
      .map(([c, t], i) => (t === 'jsonb' ? `u.c${i}::jsonb` : COUNTS.has(c) ? `COALESCE(u.c${i}, 0)` : `u.c${i}`))
      .join(', ');
    const unnest = COLS.map(([, t], i) => `$${i + 1}::${t === 'jsonb' ? 'text' : t}[]`).join(', ');
    const alias = COLS.map((_, i) => `c${i}`).join(', ');
    const r = await q.query<{ id: string }>(
      // a linked duplicate is closed at intake (it is not handled twice)
      `INSERT INTO tickets (${COLS.filter(([c]) => c !== 'closed_at')
        .map(([c]) => c)
        .join(', ')}, no, closed_at)
       SELECT ${sel}, 'XZ' || to_char(u.c6, 'YYYYMMDD') || (SELECT prefix FROM deployment_shard) || lpad(nextval('ticket_no_seq')::text, 7, '0'),
              COALESCE(u.c${CLOSED_IDX}, CASE WHEN u.c${STATUS_IDX} = 'duplicate' THEN u.c5 END)
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
    const r = await q.query<TicketRow>(
      `SELECT *, received_date::text AS received_date FROM tickets WHERE id = $1 OR no = $1 LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return r.rows[0];
  },

  async getMany(q: Queryable, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return (await q.query<TicketRow>('SELECT * FROM tickets WHERE id = ANY($1::text[])', [ids])).rows;
  },

  /** Applies a workflow decision if the ticket has not changed since it was read (optimistic lock on version). */
  /** An enterprise in the ODR register (the odr module's table; read here so a decision needs no module cycle). */
  async odrEnterprise(
    q: Queryable,
    key: string,
  ): Promise<{ key: string; enrolled: boolean; window_days: number | null } | null> {
    const r = await q.query<{ key: string; odr: boolean; window_days: number | null }>(
      'SELECT key, odr, window_days FROM enterprises WHERE key = $1',
      [key],
    );
    return r.rows[0] ? { key: r.rows[0].key, enrolled: r.rows[0].odr, window_days: r.rows[0].window_days } : null;
  },

  async applyDecision(
    q: Queryable,
    id: string,
    version: number,
    p: {
      status: string;
      deadlines: Record<string, unknown>;
      due_date: string | null;
      due_kind: string | null;
      suspended_since: string | null;
      odr_key: string | null;
      closed: boolean;
      outcome?: string | undefined;
      legal_basis?: string | undefined;
      satisfaction?: number | undefined;
      /** the decision was a statutory one with a deadline: was it late? (undefined: not a timed decision) */
      late?: boolean | undefined;
      /** mark_duplicate: the original */
      duplicate_of?: string | undefined;
      /** 12345 actions: the transfer's new state */
      t12345?: unknown;
    },
    now: Date,
  ): Promise<boolean> {
    const r = await q.query(
      `UPDATE tickets SET status = $3, deadlines = $4::jsonb, due_date = $5, due_kind = $6, suspended_since = $7, odr_key = $8,
         closed_at = CASE WHEN $9::boolean THEN COALESCE(closed_at, $14::timestamptz) ELSE NULL END,
         outcome = COALESCE($10, outcome), legal_basis = COALESCE($11, legal_basis), satisfaction = COALESCE($12, satisfaction),
         decisions = decisions + CASE WHEN $13::boolean IS NULL THEN 0 ELSE 1 END,
         late_decisions = late_decisions + CASE WHEN $13::boolean THEN 1 ELSE 0 END,
         duplicate_of = COALESCE($15, duplicate_of), t12345 = COALESCE($16::jsonb, t12345), updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2`,
      [
        id,
        version,
        p.status,
        JSON.stringify(p.deadlines),
        p.due_date,
        p.due_kind,
        p.suspended_since,
        p.odr_key,
        p.closed,
        p.outcome ?? null,
        p.legal_basis ?? null,
        p.satisfaction ?? null,
        p.late ?? null,
        now,
        p.duplicate_of ?? null,
        p.t12345 ? JSON.stringify(p.t12345) : null,
      ],
    );
    return r.rowCount === 1;
  },

  async setUnit(
    q: Queryable,
    id: string,
    version: number,
    unitId: string,
    districtCode: string | null,
    streetCode: string | null,
  ): Promise<boolean> {
    const r = await q.query(
      `UPDATE tickets SET unit_id = $3, district_code = COALESCE($4, district_code), street_code = $5, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2`,
      [id, version, unitId, districtCode, streetCode],
    );
    return r.rowCount === 1;
  },

  async setFields(
    q: Queryable,
    id: string,
    fields: Partial<
      Pick<TicketRow, 'labels' | 'prefill' | 'predicted' | 'abnormal' | 'duplicate_of' | 'category' | 'problem'>
    >,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const plain = new Set(['abnormal', 'duplicate_of', 'category', 'problem']);
    for (const [k, v] of Object.entries(fields)) {
      params.push(plain.has(k) ? v : JSON.stringify(v));
      sets.push(`${k} = $${params.length}${plain.has(k) ? '' : '::jsonb'}`);
    }
    if (sets.length) await q.query(`UPDATE tickets SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  },

  /**
   * The worker's predictions for a batch of tickets in one statement. One UPDATE per ticket in the same transaction
   * locked the cockpit's rollup rows ticket by ticket, in an order no other writer shares, and deadlocked with
   * filings on the PostgreSQL server (two web processes and a worker at 100/s); in one statement the rollup trigger
   * sees the whole batch and takes its rows in key order like every other writer.
   */
  async setPredictions(
    q: Queryable,
    rows: { id: string; predicted: unknown; category: string | null; problem: string | null }[],
  ): Promise<void> {
    if (!rows.length) return;
    const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await q.query(
      `UPDATE tickets t SET predicted = u.predicted::jsonb, category = u.category, problem = u.problem, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, predicted, category, problem)
       WHERE t.id = u.id`,
      [
        sorted.map((r) => r.id),
        sorted.map((r) => JSON.stringify(r.predicted)),
        sorted.map((r) => r.category),
        sorted.map((r) => r.problem),
      ],
    );
  },

  /**
   * Appends to a ticket's timeline; `q` must be a transaction. The ticket row is locked first, so two writers (the
   * sweep and an inspection result, say) take turns instead of both reading the same MAX(seq) and colliding on the key.
   */
  async appendEvent(
    q: Queryable,
    ticketId: string,
    e: { at: Date; actor_id: string; actor_role: string; type: string; payload: Record<string, unknown> },
  ): Promise<void> {
    await q.query('SELECT 1 FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
    await q.query(
      `INSERT INTO ticket_events (ticket_id, seq, at, actor_id, actor_role, type, payload)
       SELECT $1, COALESCE(MAX(seq), 0) + 1, $6, $2, $3, $4, $5::jsonb FROM ticket_events WHERE ticket_id = $1`,
      [ticketId, e.actor_id, e.actor_role, e.type, JSON.stringify(e.payload), e.at],
    );
  },

  async timeline(q: Queryable, ticketId: string) {
    return (
      await q.query<{
        seq: number;
        at: Date;
        actor_id: string;
        actor_role: string;
        type: string;
        payload: Record<string, unknown>;
      }>('SELECT seq, at, actor_id, actor_role, type, payload FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [
        ticketId,
      ])
    ).rows;
  },

  async setTrackHash(q: Queryable, id: string, hash: string): Promise<void> {
    await q.query('UPDATE tickets SET track_hash = $2 WHERE id = $1', [id, hash]);
  },

  async byTracking(q: Queryable, no: string, hash: string): Promise<TicketRow | undefined> {
    return (
      await q.query<TicketRow>(
        'SELECT *, received_date::text AS received_date FROM tickets WHERE no = $1 AND track_hash = $2',
        [no, hash],
      )
    ).rows[0];
  },

  async setSatisfaction(q: Queryable, id: string, v: number): Promise<void> {
    await q.query('UPDATE tickets SET satisfaction = $2 WHERE id = $1', [id, v]);
  },
  async count(q: Queryable): Promise<number> {
    return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]?.n ?? 0;
  },
};
