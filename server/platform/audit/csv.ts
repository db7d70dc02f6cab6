/**
 * The audit trail as CSV (issue 15 §1): every entry that matches the search, page by page (no cap), with Chinese
 * headers. The export itself is audited first, with its purpose and filter, so the trail shows who took it and why.
 */
import { audit, auditSearch, type AuditQuery } from './audit.js';
import { csvCell } from '../export/index.js';
import { shanghaiDateTimeSeconds } from '../../../shared/time.js';
import { auditActionLabel, auditSubjectLabel } from '../../../shared/audit-labels.js';
import { ROLE_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/index.js';

const roleLabel = (r: string | null) =>
  r ? ((ROLE_LABELS as Record<string, string>)[r] ?? (r === 'system' ? '系统' : '其他')) : '';
const COLS = [
  '序号',
  '时间（北京时间）',
  '操作人',
  '角色',
  '操作',
  '对象类型',
  '对象',
  '涉及记录数',
  '用途',
  '详情（原始记录）',
  '哈希',
];

export async function* auditCsv(
  db: Db,
  actor: { id: string; role: string; unitId?: string | null },
  f: Omit<AuditQuery, 'limit' | 'before'>,
  purpose: string,
) {
  await audit(db, {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'audit.export',
    subjectType: 'audit_log',
    subjectId: null,
    subjectIds: [],
    purpose,
    detail: { filter: f },
  });
  yield '\uFEFF' + COLS.join(',') + '\n';
  let before: number | undefined;
  for (;;) {
    const page = await auditSearch(db, { ...f, limit: 1000, before });
    if (!page.items.length) return;
    yield (
      page.items
        .map((e) =>
          [
            e.seq,
            shanghaiDateTimeSeconds(e.at),
            e.actor_name ?? e.actor_id ?? '',
            roleLabel(e.actor_role),
            auditActionLabel(e.action),
            auditSubjectLabel(e.subject_type),
            e.subject_id ?? '',
            e.subject_count,
            e.purpose ?? '',
            JSON.stringify(e.detail ?? {}),
            e.hash,
          ]
            .map(csvCell)
            .join(','),
        )
        .join('\n') + '\n'
    );
    if (!page.next_before) return;
    before = page.next_before;
  }
}
