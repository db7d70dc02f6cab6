/**
 * Append-only audit log (a trigger refuses UPDATE/DELETE). Every view or export of personal data and every decision
 * writes one entry, in the same transaction as the change it records.
 */
import type { Queryable } from '../db/index.js';

export type AuditAction =
  | 'personal_data.view' | 'personal_data.export' | 'ticket.action' | 'ticket.transfer' | 'ticket.import'
  | 'login' | 'abnormal.propose' | 'abnormal.review' | 'abnormal.notify' | 'abnormal.appeal' | 'abnormal.remove'
  | 'abnormal.share' | 'abnormal.import' | 'alert.review' | 'calendar.update' | 'model.activate' | 'inspection.create'
  | 'inspection.result' | 'analytics.export' | 'training.correction'
  | 'model.register';

export interface AuditEntry {
  actorId: string | null;
  actorRole: string | null;
  unitId?: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  purpose?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor_id, actor_role, unit_id, action, subject_type, subject_id, purpose, detail) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [e.actorId, e.actorRole, e.unitId ?? null, e.action, e.subjectType, e.subjectId ?? null, e.purpose ?? null, JSON.stringify(e.detail ?? {})],
  );
}

export async function auditTrail(q: Queryable, subjectType: string, subjectId: string, limit = 200) {
  return (await q.query<{ at: Date; actor_id: string; actor_role: string; action: string; purpose: string | null; detail: unknown }>(
    `SELECT at, actor_id, actor_role, action, purpose, detail FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY id DESC LIMIT $3`,
    [subjectType, subjectId, limit])).rows;
}
