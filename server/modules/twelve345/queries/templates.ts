/**
 * The 12345 reply templates (办结报告/答复要点) of the seven categories, from the knowledge base (versioned, edited by
 * the bureau), filled with a ticket's facts. What the ticket cannot say stays as {{name}} and is listed by its label.
 */
import type { Queryable } from '../../../platform/db/index.js';
import {
  fillTemplate,
  getTemplate,
  listTemplates,
  PLACEHOLDERS,
  varsFromTicket,
  type TemplateView,
} from '../../knowledge/index.js';
import { unitNames, type TemplateFact, type TicketRow } from '../../workflow/index.js';

const label = (name: string) => (PLACEHOLDERS as Record<string, string>)[name] ?? name;

function filled(
  t: TemplateView,
  vars: ReturnType<typeof varsFromTicket>,
): TemplateFact & { title: string; category_label: string } {
  const f = fillTemplate(t.body, vars);
  // what is left to write is named in Chinese in the text too ({{amount}} → {{涉及金额（元）}}): the officer reads it
  const text = f.text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (_m, name: string) => `{{${label(name)}}}`);
  return {
    key: t.key,
    version: t.version,
    use: t.use,
    category: t.category,
    title: t.title,
    category_label: t.category_label,
    text,
    missing: f.missing.map(label),
  };
}

async function varsFor(q: Queryable, ticket: TicketRow, today: string) {
  const unit = await unitNames(q, ticket.unit_id);
  return varsFromTicket({ ...ticket, received_date: String(ticket.received_date) }, { today, unit: unit.unitName });
}

/** One template filled for this ticket (null: no such template) — the workflow's reply_12345 facts. */
export async function replyTemplate12345(
  q: Queryable,
  key: string,
  ticket: TicketRow,
  today: string,
): Promise<TemplateFact | null> {
  const t = await getTemplate(q, key);
  return t ? filled(t, await varsFor(q, ticket, today)) : null;
}

/** Every 12345 template filled for this ticket, the transfer's own category first. */
export async function templatesFor(q: Queryable, ticket: TicketRow, today: string) {
  const vars = await varsFor(q, ticket, today);
  const category = ticket.t12345?.category ?? null;
  const out = (await listTemplates(q, { use: '12345' })).map((t) => filled(t, vars));
  return out.sort((a, b) => Number(b.category === category) - Number(a.category === category));
}
