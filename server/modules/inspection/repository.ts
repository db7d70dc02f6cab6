/** SQL of on-site inspection tasks, their case leads (诉转案) and the platform's result receipts. */
import type { Queryable } from '../../platform/db/index.js';

export interface InspectionRow {
  ticket_id: string;
  id: string;
  unit_id: string | null;
  business: string | null;
  address: string | null;
  checklist: { item: string; done: boolean }[];
  assignee: string | null;
  status: string;
  result: Record<string, unknown> | null;
  created_at: Date;
  created_by: string | null;
  done_at: Date | null;
  source?: string;
  platform_result_id?: string | null;
}

export interface CaseLeadRow {
  ticket_id: string;
  inspection_id: string;
  lead_id: string;
  source: 'manual' | 'platform';
  opened_on: string;
  decision: 'case_opened' | 'not_opened' | null;
  decision_no: string | null;
  decided_on: string | null;
  reason_text: string | null;
  penalty_no: string | null;
  penalty_amount: string | null;
  penalty_text: string | null;
  penalized_on: string | null;
  updated_at: Date;
}
const CASE_COLS = `c.ticket_id, c.inspection_id, c.lead_id, c.source, c.opened_on::text AS opened_on, c.decision, c.decision_no,
  c.decided_on::text AS decided_on, c.reason_text, c.penalty_no, c.penalty_amount::text AS penalty_amount, c.penalty_text,
  c.penalized_on::text AS penalized_on, c.updated_at`;

export const inspectionRepo = {
  async insert(q: Queryable, r: Omit<InspectionRow, 'created_at' | 'done_at' | 'result' | 'status'>): Promise<void> {
    await q.query(
      `INSERT INTO inspections (ticket_id, id, unit_id, business, address, checklist, assignee, created_by) VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7,$8)`,
      [r.ticket_id, r.id, r.unit_id, r.business, r.address, JSON.stringify(r.checklist), r.assignee, r.created_by],
    );
  },
  async forTicket(q: Queryable, ticketId: string): Promise<InspectionRow[]> {
    return (
      await q.query<InspectionRow>('SELECT * FROM inspections WHERE ticket_id = $1 ORDER BY created_at', [ticketId])
    ).rows;
  },
  async get(q: Queryable, ticketId: string, id: string, forUpdate = false): Promise<InspectionRow | undefined> {
    return (
      await q.query<InspectionRow>(
        `SELECT * FROM inspections WHERE ticket_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
        [ticketId, id],
      )
    ).rows[0];
  },
  /** By the task id alone: the platform names our task id, not the ticket (one index probe per result). */
  async byId(q: Queryable, id: string): Promise<InspectionRow | undefined> {
    return (await q.query<InspectionRow>('SELECT * FROM inspections WHERE id = $1', [id])).rows[0];
  },
  async complete(
    q: Queryable,
    ticketId: string,
    id: string,
    p: {
      checklist: unknown;
      result: unknown;
      at: Date;
      source: 'manual' | 'platform';
      platformResultId: string | null;
    },
  ): Promise<void> {
    await q.query(
      `UPDATE inspections SET checklist = $3::jsonb, result = $4::jsonb, status = 'done', done_at = $5, source = $6, platform_result_id = $7 WHERE ticket_id = $1 AND id = $2`,
      [ticketId, id, JSON.stringify(p.checklist), JSON.stringify(p.result), p.at, p.source, p.platformResultId],
    );
  },
  async forUnit(q: Queryable, unitId: string | null, status: string | null, limit: number) {
    return (
      await q.query<InspectionRow & { ticket_no: string }>(
        `SELECT i.*, t.no AS ticket_no FROM inspections i JOIN tickets t ON t.id = i.ticket_id
       WHERE ($1::text IS NULL OR i.unit_id = $1) AND ($2::text IS NULL OR i.status = $2) ORDER BY i.created_at DESC LIMIT $3`,
        [unitId, status, limit],
      )
    ).rows;
  },
};

export const caseRepo = {
  async insert(
    q: Queryable,
    r: {
      ticket_id: string;
      inspection_id: string;
      lead_id: string;
      source: 'manual' | 'platform';
      opened_on: string;
      at: Date;
    },
  ): Promise<boolean> {
    const res = await q.query(
      `INSERT INTO case_leads (ticket_id, inspection_id, lead_id, source, opened_on, updated_at) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [r.ticket_id, r.inspection_id, r.lead_id, r.source, r.opened_on, r.at],
    );
    return res.rowCount === 1;
  },
  /** The complaint's cases with their lead ticket's number, status and current deadline. */
  async forTicket(q: Queryable, ticketId: string) {
    return (
      await q.query<
        CaseLeadRow & {
          lead_no: string | null;
          lead_status: string | null;
          lead_due_date: string | null;
          lead_deadlines: Record<string, unknown> | null;
        }
      >(
        `SELECT ${CASE_COLS}, t.no AS lead_no, t.status AS lead_status, t.due_date::text AS lead_due_date, t.deadlines AS lead_deadlines
         FROM case_leads c LEFT JOIN tickets t ON t.id = c.lead_id WHERE c.ticket_id = $1 ORDER BY c.opened_on, t.no`,
        [ticketId],
      )
    ).rows;
  },
  async byLead(q: Queryable, leadId: string, forUpdate = false): Promise<CaseLeadRow | undefined> {
    return (
      await q.query<CaseLeadRow>(
        `SELECT ${CASE_COLS} FROM case_leads c WHERE c.lead_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [leadId],
      )
    ).rows[0];
  },
  async byInspection(q: Queryable, inspectionId: string): Promise<CaseLeadRow | undefined> {
    return (
      await q.query<CaseLeadRow>(`SELECT ${CASE_COLS} FROM case_leads c WHERE c.inspection_id = $1`, [inspectionId])
    ).rows[0];
  },
  async byLeads(q: Queryable, leadIds: string[]): Promise<CaseLeadRow[]> {
    if (!leadIds.length) return [];
    return (
      await q.query<CaseLeadRow>(`SELECT ${CASE_COLS} FROM case_leads c WHERE c.lead_id = ANY($1::text[])`, [leadIds])
    ).rows;
  },
  async setDecision(
    q: Queryable,
    leadId: string,
    p: {
      decision: 'case_opened' | 'not_opened';
      decided_on: string;
      reason_text: string | null;
      decision_no: string | null;
      at: Date;
    },
  ): Promise<void> {
    await q.query(
      `UPDATE case_leads SET decision = $2, decided_on = $3, reason_text = COALESCE($4, reason_text), decision_no = COALESCE($5, decision_no), updated_at = $6 WHERE lead_id = $1`,
      [leadId, p.decision, p.decided_on, p.reason_text, p.decision_no, p.at],
    );
  },
  async setPenalty(
    q: Queryable,
    leadId: string,
    p: { penalty_no: string; amount: number | null; text: string; on: string; at: Date },
  ): Promise<void> {
    await q.query(
      `UPDATE case_leads SET penalty_no = $2, penalty_amount = $3, penalty_text = $4, penalized_on = $5, updated_at = $6 WHERE lead_id = $1`,
      [leadId, p.penalty_no, p.amount, p.text, p.on, p.at],
    );
  },
};

export const receiptRepo = {
  async get(
    q: Queryable,
    resultId: string,
  ): Promise<{ kind: string; body_sha256: string; answer: Record<string, unknown> } | undefined> {
    return (
      await q.query<{ kind: string; body_sha256: string; answer: Record<string, unknown> }>(
        'SELECT kind, body_sha256, answer FROM regulatory_receipts WHERE result_id = $1',
        [resultId],
      )
    ).rows[0];
  },
  /** false: another delivery of the same result id got there first (the caller answers with what that one stored) */
  async insert(
    q: Queryable,
    r: { result_id: string; kind: string; body_sha256: string; at: Date; answer: unknown },
  ): Promise<boolean> {
    const res = await q.query(
      'INSERT INTO regulatory_receipts (result_id, kind, body_sha256, received_at, answer) VALUES ($1,$2,$3,$4,$5::jsonb) ON CONFLICT (result_id) DO NOTHING',
      [r.result_id, r.kind, r.body_sha256, r.at, JSON.stringify(r.answer)],
    );
    return res.rowCount === 1;
  },
};
