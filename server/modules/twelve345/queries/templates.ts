/**
 * The 12345 reply templates (办结报告/答复要点) of the seven categories, filled with a ticket's facts. The source is
 * this module's data file until the knowledge base holds the bureau's versioned templates.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { TemplateFact } from '../../workflow/index.js';
import { CATEGORY_12345_LABELS, LOCAL_TEMPLATES, fillLocal, type Category12345 } from '../domain/categories.js';

export async function replyTemplate12345(_q: Queryable, key: string, vars: Record<string, string>): Promise<TemplateFact | null> {
  const t = LOCAL_TEMPLATES.find((x) => x.key === key);
  if (!t) return null;
  const f = fillLocal(t.body, vars);
  return { key: t.key, version: t.version, use: t.use, category: t.category, text: f.text, missing: f.missing };
}

/** Every 12345 template filled for this ticket, its own category first. */
export async function templatesFor(q: Queryable, vars: Record<string, string>, category: string | null) {
  const out = [];
  for (const t of LOCAL_TEMPLATES) {
    const f = (await replyTemplate12345(q, t.key, vars))!;
    out.push({ key: t.key, version: t.version, title: t.title, category: t.category, category_label: CATEGORY_12345_LABELS[t.category as Category12345] ?? t.category, text: f.text, missing: f.missing });
  }
  return out.sort((a, b) => Number(b.category === category) - Number(a.category === category));
}
