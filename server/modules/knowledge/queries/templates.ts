/** Reading reply templates: the latest version of each (by use/category), one template, its history, a filled draft. */
import { fail } from '../../../platform/errors/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import { CATEGORIES_12345, categoryLabel, OUTCOMES, PLACEHOLDERS, type TemplateUse } from '../domain/templates.js';
import { knowledgeRepo, type TemplateRow } from '../repository.js';

export type TemplateView = TemplateRow & { category_label: string };
const present = (t: TemplateRow): TemplateView => ({ ...t, category_label: categoryLabel(t.use, t.category) });

/** The latest version of every template; `use` '12345' or 'outcome', `category` one of that use's codes. */
export async function listTemplates(
  db: Queryable,
  f: { use?: TemplateUse; category?: string } = {},
): Promise<TemplateView[]> {
  // in the catalogue's order (12345 categories, then outcomes); keys a bureau added later come last
  const order = [...CATEGORIES_12345, ...OUTCOMES] as string[];
  const rank = (t: TemplateRow) => (order.includes(t.category) ? order.indexOf(t.category) : order.length);
  return (await knowledgeRepo.latestTemplates(db, f))
    .sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key))
    .map(present);
}

/** The latest version of one template, or undefined. */
export async function getTemplate(db: Queryable, key: string): Promise<TemplateView | undefined> {
  const t = await knowledgeRepo.latestTemplate(db, key);
  return t ? present(t) : undefined;
}

/** The HTTP view of one template: its latest version, every version (newest first), and the placeholder labels. */
export async function templateWithHistory(db: Queryable, key: string) {
  const versions = (await knowledgeRepo.templateVersions(db, key)).map(present);
  if (!versions.length) return fail('not_found', { zh: `模板不存在 (${key})`, en: `No such template (${key}).` });
  return { ...versions[0]!, versions, placeholders: PLACEHOLDERS };
}
