/** Ticket detail with timeline and documents; unmasked personal data only for those who may see it, audited. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, canSeePersonalData, type Actor } from '../../access/index.js';
import { availableActions, NOT_OPEN_REASONS } from '../domain/transitions.js';
import { ruleSetByVersion } from '../domain/rules.js';
import { ticketRepo } from '../repository.js';
import { openComplainant, presentDetail } from '../http/presenters.js';
import type { Ctx } from '../context.js';

export async function getTicket(ctx: Ctx, actor: Actor, id: string, opts: { reveal?: boolean; purpose?: string } = {}) {
  const t = await ticketRepo.get(ctx.db, id);
  // Out of jurisdiction reads as "not found": a station must not learn that another station's ticket exists.
  if (!t || !canReadTicket(actor, t)) return fail('not_found', `工单不存在或无权访问 (${id})`);
  const mayReveal = canSeePersonalData(actor, t);
  const reveal = mayReveal && opts.reveal !== false;
  const hide = actor.role === 'enterprise' && t.kind !== 'complaint';
  const c = openComplainant(ctx.sealer, t.complainant_enc);
  if (reveal && c) {
    await audit(ctx.db, { actorId: actor.id, actorRole: actor.role, unitId: actor.unitId, action: 'personal_data.view', subjectType: 'ticket', subjectId: t.id, purpose: opts.purpose ?? '办理工单' });
  }
  const [timeline, documents] = await Promise.all([ticketRepo.timeline(ctx.db, t.id), ticketRepo.documents(ctx.db, t.id)]);
  const rules = ruleSetByVersion(t.rule_version);
  return {
    ticket: presentDetail(t, ctx.today(), c, { revealed: reveal, hideComplainant: hide }),
    timeline: timeline.map((e) => ({ ...e, actor_id: actor.role === 'enterprise' ? undefined : e.actor_id })),
    documents,
    actions: availableActions(t, actor.role),
    rules: { version: rules.version, name: rules.name, deadlines: rules.deadlines, decline_reasons: rules.decline_reasons, termination_reasons: rules.termination_reasons, not_open_reasons: NOT_OPEN_REASONS },
  };
}

export async function getDocument(ctx: Ctx, actor: Actor, ticketId: string, docId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t)) return fail('not_found', `工单不存在或无权访问 (${ticketId})`);
  const d = await ticketRepo.document(ctx.db, ctx.sealer, t.id, docId);
  return d ?? fail('not_found', '文书不存在');
}
