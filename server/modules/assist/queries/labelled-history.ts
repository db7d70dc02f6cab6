/**
 * The bureau's own labelled history for one label, as TIF tickets, split by a hash of the ticket id: 80 % trains the
 * next version, the held-out 20 % evaluates every candidate and the active model alike (never trained on).
 */
import type { Queryable } from '../../../platform/db/index.js';
import { isHeldOut } from '../../text/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import { assistRepo } from '../repository.js';

export const HISTORY_LIMIT = 500_000;

export interface LabelledHistory {
  label: string;
  train: TifTicket[];
  test: TifTicket[];
  /** how many examples came from officer corrections (training_examples) rather than confirmed labels */
  corrections: number;
  /** ids of corrected tickets in the training part (the end-to-end test reads them) */
  correctedIds: string[];
}

export async function labelledHistory(q: Queryable, label: string, limit = HISTORY_LIMIT): Promise<LabelledHistory> {
  const rows = await assistRepo.labelledHistory(q, label, limit);
  const train: TifTicket[] = [];
  const test: TifTicket[] = [];
  const correctedIds: string[] = [];
  let corrections = 0;
  for (const r of rows) {
    const t: TifTicket = {
      id: r.id,
      kind: r.kind as TifTicket['kind'],
      received_at: '',
      labels: { [label]: r.gold.trim() },
      ...(r.title ? { title: r.title } : {}),
      ...(r.body ? { text: r.body } : {}),
      ...(r.respondent_name ? { respondent: { name: r.respondent_name } } : {}),
      ...(r.channel ? { channel: r.channel } : {}),
    };
    if (r.corrected) corrections++;
    if (isHeldOut(r.id)) test.push(t);
    else {
      train.push(t);
      if (r.corrected) correctedIds.push(r.id);
    }
  }
  return { label, train, test, corrections, correctedIds };
}
