/**
 * Loads the shipped knowledge (data/*.ts) at start, idempotently: templates get version 1 only where the key has no
 * version yet (a bureau's edits stay), guide items and law articles are replaced by id when the shipped text changed.
 * One statement per table, so a start costs three round trips.
 */
import type { Db } from '../../../platform/db/index.js';
import { SEED_TEMPLATES } from '../data/templates.js';
import { SEED_LAWS } from '../data/laws.js';
import { SEED_GUIDE } from '../data/guide.js';
import { knowledgeRepo } from '../repository.js';

export async function seedKnowledge(db: Db, at: Date): Promise<{ templates: number }> {
  return db.tx(async (q) => {
    const templates = await knowledgeRepo.seedTemplates(
      q,
      SEED_TEMPLATES.map((t) => ({ ...t, edited_by: '系统（初始版本）', edited_at: at })),
    );
    await knowledgeRepo.upsertLaws(q, SEED_LAWS, at);
    await knowledgeRepo.upsertGuide(q, SEED_GUIDE, at);
    return { templates };
  });
}
