/**
 * 编辑答复模板: an edit is a new version of the template (the old ones stay, so a reply already sent can always be
 * traced to the wording it used); the edit is audited. `base_version` guards against two editors overwriting each
 * other: an edit based on an older version is refused.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import type { Actor } from '../../access/index.js';
import { checkTemplateEdit } from '../domain/templates.js';
import { knowledgeRepo, type TemplateRow } from '../repository.js';

export interface TemplateEdit {
  title: string;
  body: string;
  note?: string;
  /** the version the editor started from */
  base_version: number;
}

export async function editTemplate(
  db: { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> },
  actor: Actor,
  key: string,
  e: TemplateEdit,
  at: Date,
): Promise<TemplateRow> {
  const v = checkTemplateEdit(e);
  if (!v.ok) return fail('invalid_input', v.message);
  return db.tx(async (q) => {
    const cur = await knowledgeRepo.latestTemplate(q, key, true);
    if (!cur) return fail('not_found', { zh: `模板不存在 (${key})`, en: `No such template (${key}).` });
    if (cur.version !== e.base_version)
      return fail('conflict', {
        zh: `模板已被他人修改（当前为第${cur.version}版），请刷新后再编辑`,
        en: `Someone else changed the template (it is now version ${cur.version}); reload before editing.`,
      });
    if (cur.title === e.title.trim() && cur.body === e.body)
      return fail('invalid_input', {
        zh: '内容与当前版本相同，无需保存',
        en: 'The content is the same as the current version; nothing to save.',
      });
    const row: TemplateRow = {
      ...cur,
      version: cur.version + 1,
      title: e.title.trim(),
      body: e.body,
      note: e.note?.trim() || null,
      source: cur.source,
      edited_by: actor.displayName,
      edited_at: at,
    };
    await knowledgeRepo.insertTemplate(q, row);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'knowledge.template_edit',
      subjectType: 'template',
      subjectId: key,
      detail: { from_version: cur.version, version: row.version, note: row.note },
    });
    return row;
  });
}
