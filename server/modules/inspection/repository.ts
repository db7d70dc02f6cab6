/** SQL of on-site inspection tasks. */
import type { Queryable } from '../../platform/db/index.js';

export interface InspectionRow {
  ticket_id: string; id: string; unit_id: string | null; business: string | null; address: string | null;
  checklist: { item: string; done: boolean }[]; assignee: string | null; status: string; result: Record<string, unknown> | null;
  created_at: Date; created_by: string | null; done_at: Date | null;
}

export const inspectionRepo = {
  async insert(q: Queryable, r: Omit<InspectionRow, 'created_at' | 'done_at' | 'result' | 'status'>): Promise<void> {
    await q.query(`INSERT INTO inspections (ticket_id, id, unit_id, business, address, checklist, assignee, created_by) VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7,$8)`,
      [r.ticket_id, r.id, r.unit_id, r.business, r.address, JSON.stringify(r.checklist), r.assignee, r.created_by]);
  },
  async forTicket(q: Queryable, ticketId: string): Promise<InspectionRow[]> {
    return (await q.query<InspectionRow>('SELECT * FROM inspections WHERE ticket_id = $1 ORDER BY created_at', [ticketId])).rows;
  },
  async get(q: Queryable, ticketId: string, id: string): Promise<InspectionRow | undefined> {
    return (await q.query<InspectionRow>('SELECT * FROM inspections WHERE ticket_id = $1 AND id = $2', [ticketId, id])).rows[0];
  },
  async complete(q: Queryable, ticketId: string, id: string, checklist: unknown, result: unknown, at: Date): Promise<void> {
    await q.query(`UPDATE inspections SET checklist = $3::jsonb, result = $4::jsonb, status = 'done', done_at = $5 WHERE ticket_id = $1 AND id = $2`,
      [ticketId, id, JSON.stringify(checklist), JSON.stringify(result), at]);
  },
  async forUnit(q: Queryable, unitId: string | null, status: string | null, limit: number) {
    return (await q.query<InspectionRow & { ticket_no: string }>(
      `SELECT i.*, t.no AS ticket_no FROM inspections i JOIN tickets t ON t.id = i.ticket_id
       WHERE ($1::text IS NULL OR i.unit_id = $1) AND ($2::text IS NULL OR i.status = $2) ORDER BY i.created_at DESC LIMIT $3`, [unitId, status, limit])).rows;
  },
};
