/** The demo city's SQL: the tickets to give a past, and the bulk writes of that past (server/demo/age-history.ts). */
import type { Queryable } from '../platform/db/index.js';

export interface ReceivedRow {
  id: string;
  kind: string;
  status: string;
  received_date: string;
  real_name: boolean;
  deadlines: Record<string, string>;
  rule_version: string;
  unit_id: string;
  odr_key: string | null;
  consent_odr: boolean;
}
export interface AgedRow {
  id: string;
  decisions: number;
  late: number;
  status: string;
  deadlines: string;
  due_date: string | null;
  due_kind: string | null;
  closed: string | null;
  outcome: string | null;
  legal: string | null;
  sat: number | null;
  odr: string | null;
}
export interface AgedEvent {
  id: string;
  seq: number;
  at: string;
  type: string;
  payload: string;
  role: string;
}

export const demoRepo = {
  async receivedTickets(q: Queryable): Promise<ReceivedRow[]> {
    return (
      await q.query<ReceivedRow>(
        `SELECT t.id, t.kind, t.status, t.received_date::text AS received_date, t.real_name, t.deadlines, t.rule_version, t.unit_id,
            COALESCE(e1.key, e2.key) AS odr_key, COALESCE(t.extra->>'consent_odr' = 'true', false) AS consent_odr
     FROM tickets t
     LEFT JOIN enterprises e1 ON e1.key = t.respondent_key AND e1.odr
     LEFT JOIN enterprises e2 ON e2.key = t.platform AND e2.odr
     WHERE t.status = 'received' ORDER BY t.received_at`,
      )
    ).rows;
  },
  async applyAged(q: Queryable, u: AgedRow[]): Promise<void> {
    await q.query(
      `UPDATE tickets t SET status = u.status, deadlines = u.deadlines::jsonb, due_date = u.due_date, due_kind = u.due_kind, closed_at = u.closed,
         outcome = u.outcome, legal_basis = u.legal, satisfaction = u.sat, odr_key = u.odr, decisions = u.dec, late_decisions = u.late, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::int[], $10::text[], $11::int[], $12::int[])
         AS u(id, status, deadlines, due_date, due_kind, closed, outcome, legal, sat, odr, dec, late)
       WHERE t.id = u.id`,
      [
        u.map((x) => x.id),
        u.map((x) => x.status),
        u.map((x) => x.deadlines),
        u.map((x) => x.due_date),
        u.map((x) => x.due_kind),
        u.map((x) => x.closed),
        u.map((x) => x.outcome),
        u.map((x) => x.legal),
        u.map((x) => x.sat),
        u.map((x) => x.odr),
        u.map((x) => x.decisions),
        u.map((x) => x.late),
      ],
    );
  },
  async insertEvents(q: Queryable, e: AgedEvent[]): Promise<void> {
    await q.query(
      `INSERT INTO ticket_events (ticket_id, seq, at, actor_id, actor_role, type, payload)
       SELECT u.id, u.seq, u.at, 'demo', u.role, u.type, u.payload::jsonb FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) AS u(id, seq, at, type, payload, role)`,
      [
        e.map((x) => x.id),
        e.map((x) => x.seq),
        e.map((x) => x.at),
        e.map((x) => x.type),
        e.map((x) => x.payload),
        e.map((x) => x.role),
      ],
    );
  },
};
