/**
 * An admin switches the version a label is predicted with. A candidate that scores below the active version on the
 * bureau's held-out history needs an explicit override. The switch is stored (it survives a restart), applies to
 * this process at once, and is audited.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Db } from '../../../platform/db/index.js';
import type { Actor } from '../../access/index.js';
import { setActiveModel } from '../enricher.js';
import { modelOfRow } from '../model-versions.js';
import { compareWithActive, type Comparison } from '../queries/compare-models.js';
import { assistRepo } from '../repository.js';

export async function activateModelVersion(
  ctx: { db: Db },
  actor: Actor,
  id: string,
  o: { override?: boolean } = {},
): Promise<{ ok: true; label: string; comparison: Comparison }> {
  const cmp = await compareWithActive(ctx, id);
  if (cmp.worse && !o.override) {
    fail(
      'conflict',
      {
        zh: `候选模型在本局留出工单上的宏F1为 ${cmp.candidate.macro_f1.toFixed(3)}，低于当前模型的 ${cmp.active!.macro_f1.toFixed(3)}；确需切换请勾选“仍然切换”`,
        en: `The candidate's macro F1 on this bureau's held-out tickets is ${cmp.candidate.macro_f1.toFixed(3)}, below the current model's ${cmp.active!.macro_f1.toFixed(3)}; tick “switch anyway” if you really mean to.`,
      },
      { comparison: cmp },
    );
  }
  const row = await assistRepo.getModel(ctx.db, id);
  const model = row && modelOfRow(row);
  if (!row || !model) return fail('not_found', { zh: `模型版本不存在 (${id})`, en: `No such model version (${id}).` });
  await ctx.db.tx(async (q) => {
    await assistRepo.activateModel(q, id, actor.id);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'model.activate',
      subjectType: 'model',
      subjectId: id,
      detail: {
        label: row.label,
        candidate_macro_f1: cmp.candidate.macro_f1,
        active: cmp.active?.id ?? null,
        active_macro_f1: cmp.active?.macro_f1 ?? null,
        override: !!(cmp.worse && o.override),
      },
    });
  });
  setActiveModel(row.label, model);
  return { ok: true, label: row.label, comparison: cmp };
}
