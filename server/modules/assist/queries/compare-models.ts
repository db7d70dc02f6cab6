/**
 * Candidate against the active version, both evaluated now on the same held-out slice of the bureau's history:
 * macro-F1 and F1 per class side by side. The switch screen shows this; activation uses it as its gate.
 */
import { fail } from '../../../platform/errors/index.js';
import type { Db } from '../../../platform/db/index.js';
import { evaluateModel, type EvalResult } from '../../text/index.js';
import { activeVersion, modelOfRow } from '../model-versions.js';
import { labelledHistory } from './labelled-history.js';
import { assistRepo } from '../repository.js';

export interface Comparison {
  label: string;
  slice_n: number;
  candidate: { id: string; version: string } & EvalResult;
  active: ({ id: string; version: string } & EvalResult) | null;
  /** the candidate's macro-F1 is below the active version's on this slice */
  worse: boolean;
}

export async function compareWithActive(ctx: { db: Db }, id: string): Promise<Comparison> {
  const row = await assistRepo.getModel(ctx.db, id);
  if (!row) return fail('not_found', { zh: `模型版本不存在 (${id})`, en: `No such model version (${id}).` });
  const cand = modelOfRow(row);
  if (!cand) return fail('not_found', { zh: `模型文件不存在 (${id})`, en: `No such model file (${id}).` });
  const h = await labelledHistory(ctx.db, row.label);
  if (!h.test.length)
    fail('invalid_input', {
      zh: `本局历史中没有带“${row.label}”标签的留出工单，无法比较`,
      en: `This bureau's history has no held-out tickets labelled “${row.label}”, so there is nothing to compare on.`,
    });
  const act = await activeVersion(ctx.db, row.label);
  const c = evaluateModel(cand, h.test);
  const a = act && act.id !== id ? evaluateModel(act.model, h.test) : null;
  return {
    label: row.label,
    slice_n: h.test.length,
    candidate: { id, version: cand.version, ...c },
    active: a && act ? { id: act.id, version: act.model.version, ...a } : null,
    worse: !!a && c.macro_f1 < a.macro_f1,
  };
}
