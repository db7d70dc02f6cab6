/**
 * A reply drafted from a template for one ticket: the latest template version filled with the ticket's vars. Only
 * for someone who may read the ticket; nothing of the complainant's identity goes into the vars (varsFromTicket).
 */
import { fail } from '../../../platform/errors/index.js';
import { accessRepo, canReadTicket, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { fillTemplate, PLACEHOLDERS, varsFromTicket } from '../domain/templates.js';
import { knowledgeRepo } from '../repository.js';

export async function draftForTicket(
  ctx: Ctx,
  actor: Actor,
  key: string,
  ticketId: string,
  o: { outcome?: string; reason?: string } = {},
) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t) || actor.role === 'enterprise')
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  const tpl = await knowledgeRepo.latestTemplate(ctx.db, key);
  if (!tpl) return fail('not_found', { zh: `模板不存在 (${key})`, en: `No such template (${key}).` });
  const unit = await accessRepo.getUnit(ctx.db, t.unit_id);
  const vars = varsFromTicket(
    { ...t, received_date: String(t.received_date) },
    { today: ctx.today(), unit: unit?.name, ...o },
  );
  const { text, missing } = fillTemplate(tpl.body, vars);
  return {
    key,
    version: tpl.version,
    title: tpl.title,
    ticket_id: t.id,
    text,
    missing,
    missing_labels: missing.map((m) => (PLACEHOLDERS as Record<string, string>)[m] ?? m),
  };
}
