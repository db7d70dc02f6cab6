/**
 * A model version enters the registry only with its evaluation on the held-out slice of the bureau's own history
 * (never trained on by `train --data`). Without such a slice there is nothing to judge it by, so it is refused.
 * The first registration for a label also records the shipped default as the active version to compare against.
 */
import { fail } from '../../../platform/errors/index.js';
import type { Db } from '../../../platform/db/index.js';
import { evaluateModel, modelToBytes, type ClassifierModel, type EvalResult } from '../../text/index.js';
import { builtinModel } from '../enricher.js';
import { labelledHistory, type LabelledHistory } from '../queries/labelled-history.js';
import { assistRepo } from '../repository.js';

export interface Registered {
  id: string;
  label: string;
  version: string;
  evaluation: EvalResult & { slice: string };
}

export async function registerModel(
  ctx: { db: Db },
  actorId: string,
  model: ClassifierModel,
  o: { file?: string; training?: Record<string, unknown>; history?: LabelledHistory } = {},
): Promise<Registered> {
  const h = o.history ?? (await labelledHistory(ctx.db, model.label));
  if (!h.test.length)
    fail('invalid_input', {
      zh: `本局历史中没有带“${model.label}”标签的留出工单，无法评估，模型未登记`,
      en: `This bureau's history has no held-out tickets labelled “${model.label}”, so the model cannot be evaluated and was not registered.`,
    });
  const evaluation = {
    ...evaluateModel(model, h.test),
    slice: 'held-out 20 % of the bureau history (hash of ticket id)',
  };
  const existing = await assistRepo.listModels(ctx.db);
  let id = model.version;
  for (let k = 2; existing.some((r) => r.id === id); k++) id = `${model.version}-${k}`;
  const builtin = builtinModel(model.label);
  await ctx.db.tx(async (q) => {
    if (builtin && !existing.some((r) => r.label === model.label)) {
      await assistRepo.registerModel(q, {
        id: `builtin:${model.label}`,
        label: model.label,
        file: `builtin:${model.label}`,
        version: builtin.version,
        active: true,
        metrics: builtin.metrics,
        evaluation: { ...evaluateModel(builtin, h.test), slice: evaluation.slice },
        training: { source: 'shipped default (models/manifest.json)' },
        registered_by: actorId,
      });
    }
    await assistRepo.registerModel(q, {
      id,
      label: model.label,
      file: o.file ?? '',
      version: model.version,
      active: false,
      metrics: model.metrics,
      model: modelToBytes(model),
      training: {
        training_size: model.training_size,
        classes: model.classes,
        trained_at: model.trained_at,
        ...o.training,
      },
      evaluation,
      registered_by: actorId,
    });
  });
  return { id, label: model.label, version: model.version, evaluation };
}
