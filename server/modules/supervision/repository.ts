/** All SQL of 督办. */
import type { Queryable } from '../../platform/db/index.js';
import type { SupervisionRow } from './domain/supervision.js';

const COLS = `ticket_id, id, unit_id, district_code, mode, reason, required, due_date::text AS due_date, state, opened_by, opened_level,
  opened_at, response, answered_by, answered_at, finding, rating, closed_by, closed_at`;

export interface Scope {
  /** officer: their station */
  unitId?: string | null;
  /** district supervisor: the district */
  districtCode?: string | null;
}

/** The actor's scope as a condition on the supervisions alias `s`. */
function scopeWhere(s: Scope, params: unknown[]): string {
  if (s.unitId) {
    params.push(s.unitId);
    return `s.unit_id = $${params.length}`;
  }
  if (s.districtCode) {
    params.push(s.districtCode, `S${s.districtCode}%`);
    return `(s.district_code = $${params.length - 1} OR s.unit_id LIKE $${params.length})`;
  }
  return 'true';
}
const S_COLS = COLS.split(',')
  .map((c) => `s.${c.trim()}`)
  .join(', ');

export const supervisionRepo = {
  async insert(
    q: Queryable,
    r: Omit<
      SupervisionRow,
      'state' | 'response' | 'answered_by' | 'answered_at' | 'finding' | 'rating' | 'closed_by' | 'closed_at'
    >,
  ) {
    await q.query(
      `INSERT INTO supervisions (ticket_id, id, unit_id, district_code, mode, reason, required, due_date, opened_by, opened_level, opened_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        r.ticket_id,
        r.id,
        r.unit_id,
        r.district_code,
        r.mode,
        r.reason,
        r.required,
        r.due_date,
        r.opened_by,
        r.opened_level,
        r.opened_at,
      ],
    );
  },

  async get(q: Queryable, id: string, forUpdate = false): Promise<SupervisionRow | undefined> {
    return (
      await q.query<SupervisionRow>(
        `SELECT ${S_COLS} FROM supervisions s WHERE s.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      )
    ).rows[0];
  },

  async forTicket(q: Queryable, ticketId: string): Promise<SupervisionRow[]> {
    return (
      await q.query<SupervisionRow>(
        `SELECT ${S_COLS} FROM supervisions s WHERE s.ticket_id = $1 ORDER BY s.opened_at`,
        [ticketId],
      )
    ).rows;
  },

  async answer(q: Queryable, id: string, p: { response: string; by: string; at: Date }) {
    await q.query(
      `UPDATE supervisions SET state = 'answered', response = $2, answered_by = $3, answered_at = $4 WHERE id = $1`,
      [id, p.response, p.by, p.at],
    );
  },

  async close(q: Queryable, id: string, p: { finding: string; rating: string | null; by: string; at: Date }) {
    await q.query(
      `UPDATE supervisions SET state = 'closed', finding = $2, rating = $3, closed_by = $4, closed_at = $5 WHERE id = $1`,
      [id, p.finding, p.rating, p.by, p.at],
    );
  },

  /** Items in scope with the ticket's number and title; open ones first, earliest due first. */
  async list(q: Queryable, s: Scope, state: string | null, limit: number) {
    const params: unknown[] = [];
    const where = [scopeWhere(s, params)];
    if (state) {
      params.push(state);
      where.push(`s.state = $${params.length}`);
    }
    params.push(limit);
    return (
      await q.query<
        SupervisionRow & { no: string; title: string | null; ticket_status: string; unit_name: string | null }
      >(
        `SELECT ${S_COLS}, t.no, t.title, t.status AS ticket_status, u.name AS unit_name
         FROM supervisions s JOIN tickets t ON t.id = s.ticket_id LEFT JOIN units u ON u.id = s.unit_id
        WHERE ${where.join(' AND ')}
        ORDER BY (s.state = 'closed'), s.due_date, s.opened_at LIMIT $${params.length}`,
        params,
      )
    ).rows;
  },

  /** Counts per handling unit for the cockpit: open, overdue (open past due), answered, closed. */
  async statsByUnit(q: Queryable, s: Scope, today: string) {
    const params: unknown[] = [];
    const where = scopeWhere(s, params);
    params.push(today);
    return (
      await q.query<{
        unit_id: string;
        unit_name: string | null;
        open: number;
        overdue: number;
        answered: number;
        closed: number;
      }>(
        `SELECT s.unit_id, u.name AS unit_name,
              count(*) FILTER (WHERE s.state = 'open')::int AS open,
              count(*) FILTER (WHERE s.state = 'open' AND s.due_date < $${params.length}::date)::int AS overdue,
              count(*) FILTER (WHERE s.state = 'answered')::int AS answered,
              count(*) FILTER (WHERE s.state = 'closed')::int AS closed
         FROM supervisions s LEFT JOIN units u ON u.id = s.unit_id
        WHERE ${where}
        GROUP BY s.unit_id, u.name ORDER BY count(*) DESC LIMIT 200`,
        params,
      )
    ).rows;
  },
};
