/**
 * Append-only, hash-chained audit log. Every view or export of personal data and every decision writes one entry, in
 * the same transaction as the change it records. Triggers (migrations 0001, 0031) refuse UPDATE/DELETE/TRUNCATE and
 * chain each entry to the previous one (server/platform/audit/verify.ts checks the chain).
 *
 * Every entry names its subject: one record (subjectId) or, for exports and partner sharing, the records it covered
 * (subjectIds) — so "who has seen or exported ticket X" can always be answered (auditSearch with subject).
 */
import type { Queryable } from '../db/index.js';
import type { AUDIT_ACTION_LABELS } from '../../../shared/audit-labels.js';

/**
 * The actions are the keys of their Chinese labels (shared/audit-labels.ts): an action cannot be added without the
 * name the audit screen and its export show for it.
 */
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

interface AuditBase {
  actorId: string | null;
  actorRole: string | null;
  unitId?: string | null;
  action: AuditAction;
  subjectType: string;
  purpose?: string | null;
  detail?: Record<string, unknown>;
}
/** one subject, or the list of subjects an export/share covered (possibly empty: an export of nothing) */
export type AuditEntry = AuditBase &
  ({ subjectId: string; subjectIds?: string[] } | { subjectId?: string | null; subjectIds: string[] });

export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor_id, actor_role, unit_id, action, subject_type, subject_id, subject_ids, purpose, detail) VALUES ($1,$2,$3,$4,$5,$6,$7::text[],$8,$9)`,
    [
      e.actorId,
      e.actorRole,
      e.unitId ?? null,
      e.action,
      e.subjectType,
      e.subjectId ?? null,
      e.subjectIds ?? null,
      e.purpose ?? null,
      JSON.stringify(e.detail ?? {}),
    ],
  );
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  unit_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  subject_ids: string[] | null;
  subject_count: number;
  purpose: string | null;
  detail: unknown;
  hash: string;
}

export interface AuditQuery {
  actor?: string;
  /** exact action, or a prefix ending in '.' ('abnormal.') */
  action?: string;
  subjectType?: string;
  /** finds entries about this record, also when it was one of the records an export or share covered */
  subjectId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  /** page backwards: entries with seq below this */
  before?: number;
}

/** The admin's search: newest first, by actor, action, subject and time range; subject lists are cut to 20 ids. */
export async function auditSearch(
  q: Queryable,
  f: AuditQuery,
): Promise<{ items: AuditRow[]; next_before: number | null }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.actor) {
    // the admin types a user name; system writers (model, public) have only an id
    const a = p(f.actor);
    where.push(`(a.actor_id = ${a} OR a.actor_id IN (SELECT id FROM users WHERE username = ${a}))`);
  }
  if (f.action)
    where.push(f.action.endsWith('.') ? `starts_with(a.action, ${p(f.action)})` : `a.action = ${p(f.action)}`);
  if (f.subjectType) where.push(`a.subject_type = ${p(f.subjectType)}`);
  if (f.subjectId) {
    const s = p(f.subjectId);
    where.push(`(a.subject_id = ${s} OR a.subject_ids @> ARRAY[${s}]::text[])`);
  }
  if (f.from) where.push(`a.at >= ${p(f.from)}`);
  if (f.to) where.push(`a.at < ${p(f.to)}`);
  if (f.before) where.push(`a.seq < ${p(f.before)}`);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1000);
  const rows = (
    await q.query<AuditRow>(
      `SELECT a.seq, a.at, a.actor_id, u.username AS actor_name, a.actor_role, a.unit_id, a.action, a.subject_type, a.subject_id,
            a.subject_ids[1:20] AS subject_ids, COALESCE(cardinality(a.subject_ids), CASE WHEN a.subject_id IS NULL THEN 0 ELSE 1 END) AS subject_count,
            a.purpose, a.detail, a.hash
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.seq DESC LIMIT ${p(limit + 1)}`,
      params,
    )
  ).rows;
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items, next_before: more ? items[items.length - 1]!.seq : null };
}

export async function auditTrail(q: Queryable, subjectType: string, subjectId: string, limit = 200) {
  return (
    await q.query<{
      at: Date;
      actor_id: string;
      actor_role: string;
      action: string;
      purpose: string | null;
      detail: unknown;
    }>(
      `SELECT at, actor_id, actor_role, action, purpose, detail FROM audit_log
     WHERE subject_type = $1 AND (subject_id = $2 OR subject_ids @> ARRAY[$2]::text[]) ORDER BY seq DESC LIMIT $3`,
      [subjectType, subjectId, limit],
    )
  ).rows;
}
