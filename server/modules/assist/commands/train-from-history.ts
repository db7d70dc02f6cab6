/**
 * The learning loop: train the next version of a label from the bureau's own history (confirmed labels and officer
 * corrections), on the 80 % training part only, then register it with its held-out evaluation. It is not switched
 * on: an admin compares it with the active version and decides.
 */
import type { Db } from '../../../platform/db/index.js';
import { fail } from '../../../platform/errors/index.js';
import { trainClassifier, type ClassifierModel, type TrainOptions } from '../../text/index.js';
import { labelledHistory } from '../queries/labelled-history.js';
import { registerModel, type Registered } from './register-model.js';

export interface HistoryTraining {
  model: ClassifierModel;
  registered: Registered;
  train_n: number;
  test_n: number;
  corrections: number;
  /** corrected tickets that went into training */
  corrected_ids: string[];
}

export async function trainFromHistory(
  ctx: { db: Db },
  actorId: string,
  label: string,
  o: { file?: string; train?: TrainOptions } = {},
): Promise<HistoryTraining> {
  const h = await labelledHistory(ctx.db, label);
  if (h.train.length < 2)
    fail('invalid_input', {
      zh: `本局历史中带“${label}”标签的工单不足（${h.train.length + h.test.length} 件），无法训练`,
      en: `Too few tickets labelled “${label}” in this bureau's history (${h.train.length + h.test.length}) to train.`,
    });
  let model: ClassifierModel;
  try {
    model = trainClassifier(h.train, label, o.train);
  } catch (e) {
    return fail('invalid_input', (e as Error).message);
  }
  const registered = await registerModel(ctx, actorId, model, {
    file: o.file,
    history: h,
    training: {
      source: 'bureau history (confirmed labels + officer corrections)',
      train_n: h.train.length,
      test_n: h.test.length,
      corrections: h.corrections,
    },
  });
  return {
    model,
    registered,
    train_n: h.train.length,
    test_n: h.test.length,
    corrections: h.corrections,
    corrected_ids: h.correctedIds,
  };
}
