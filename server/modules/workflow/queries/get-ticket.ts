/**
 * Ticket detail with timeline and documents. Which text and which complainant fields the viewer gets is the text
 * policy's decision (access/domain/text-policy.ts); opening sealed personal data is audited.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { mask } from '../../../platform/crypto/index.js';
import { canActOnTicket, canReadTicket, textView, ticketActions, type Actor } from '../../access/index.js';
import { redact } from '../../text/index.js';
import { availableActions, NOT_OPEN_REASONS } from '../domain/actions.js';
import { englishCopy } from '../domain/documents-en.js';
import { ruleSetByVersion } from '../domain/rules.js';
import { originalText } from '../domain/sealed-text.js';
import { ticketRepo, type TicketRow } from '../repository.js';
import { openComplainant, presentDetail, textFor } from '../http/presenters.js';
import type { Ctx } from '../context.js';
import type { TicketDetailResponse } from '../../../../shared/ticket.js';

export async function getTicket(
  ctx: Ctx,
  actor: Actor,
  id: string,
  opts: { reveal?: boolean; purpose?: string } = {},
): Promise<TicketDetailResponse> {
  const t = await ticketRepo.get(ctx.db, id);
  // Out of jurisdiction reads as "not found": a station must not learn that another station's ticket exists.
  if (!t || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${id})`,
      en: `No such ticket, or not visible to you (${id}).`,
    });
  const view = textView(actor, t, 'handling');
  const reveal = view.text === 'original' && opts.reveal !== false;
  const c = openComplainant(ctx.sealer, t.complainant_enc);
  const text = reveal ? originalText(t, ctx.sealer) : null;
  if (reveal && (c || text?.sealed)) {
    await audit(ctx.db, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'personal_data.view',
      subjectType: 'ticket',
      subjectId: t.id,
      purpose: opts.purpose ?? '办理工单',
      detail: { text: text?.sealed ? 'original' : 'unchanged', complainant: !!c },
    });
  }
  const [timeline, documents] = await Promise.all([
    ticketRepo.timeline(ctx.db, t.id),
    ticketRepo.documents(ctx.db, t.id),
  ]);
  const rules = ruleSetByVersion(t.rule_version);
  const version = reveal ? 'original' : view.text === 'original' ? 'redacted' : view.text;
  const ent = actor.role === 'enterprise';
  return {
    ticket: presentDetail(t, ctx.today(), c, {
      revealed: reveal,
      hideComplainant: view.complainant === 'hidden',
      version,
      ...(text ? { text } : {}),
    }),
    // the enterprise reads the timeline as steps: no staff ids, no payload beyond status and deadline, notes filtered
    timeline: timeline.map((e) =>
      ent
        ? {
            seq: e.seq,
            at: e.at,
            type: e.type,
            actor_role: e.actor_role,
            payload: {
              status: e.payload.status,
              due_date: e.payload.due_date,
              ...(typeof e.payload.note === 'string' ? { note: textFor('mediation', e.payload.note) } : {}),
            },
          }
        : e,
    ),
    documents,
    actions: availableActions(t, actor.role),
    // what the screen offers, decided here and only here: the workflow steps of this state for this role (when the
    // ticket is in the actor's `ticket.act` scope) and the ticket-level permissions of the catalog (access/catalog.ts)
    allowed_actions: [...(canActOnTicket(actor, t) ? availableActions(t, actor.role) : []), ...ticketActions(actor, t)],
    // the enterprise needs the deadlines of its window, not the reasons of the report procedure
    rules: ent
      ? {
          version: rules.version,
          name: rules.name,
          deadlines: Object.fromEntries(
            Object.entries(rules.deadlines).filter(([, d]) => !JSON.stringify(d).includes('举报')),
          ),
        }
      : {
          version: rules.version,
          name: rules.name,
          deadlines: rules.deadlines,
          decline_reasons: rules.decline_reasons,
          termination_reasons: rules.termination_reasons,
          not_open_reasons: NOT_OPEN_REASONS,
        },
  } satisfies TicketDetailResponse;
}

/**
 * A document in the copy for its viewer: as issued for those who handle the ticket, else with the complainant's name
 * masked and the text redacted (the business's copy). Every view is audited.
 */
/**
 * One document, audited as viewed. `lang: 'en'` gives the English reading copy, made from the stored Chinese text (the
 * legal record) and masked exactly as the Chinese copy would be for this viewer; its viewing is audited the same way.
 */
export async function getDocument(ctx: Ctx, actor: Actor, ticketId: string, docId: string, lang: 'zh' | 'en' = 'zh') {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  const d = await ticketRepo.document(ctx.db, ctx.sealer, t.id, docId);
  if (!d) return fail('not_found', { zh: '文书不存在', en: 'No such document.' });
  const copy = textView(actor, t, 'handling').documents;
  if (copy === 'none') return fail('not_found', { zh: '文书不存在', en: 'No such document.' });
  let out = d;
  if (lang === 'en') {
    const en = englishCopy(d.kind, d.html);
    if (!en)
      return fail('conflict', {
        zh: '该文书为旧版式，没有英文阅读副本 (no English copy of this document)',
        en: 'This document is in an old layout and has no English reading copy.',
      });
    out = { ...d, title: en.title, html: en.html };
  }
  await audit(ctx.db, {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'document.view',
    subjectType: 'ticket',
    subjectId: t.id,
    purpose: actor.role === 'enterprise' ? 'ODR调解' : '办理工单',
    detail: { document: d.id, kind: d.kind, copy, ...(lang === 'en' ? { lang } : {}) },
  });
  return copy === 'official' ? out : { ...out, html: maskedDocument(ctx, t, out.html) };
}

/** The copy of a document for anyone but the handler: the complainant's name masked, free text redacted. */
export function maskedDocument(ctx: Ctx, t: TicketRow, html: string): string {
  const c = openComplainant(ctx.sealer, t.complainant_enc);
  let out = html;
  if (c?.name && c.name.length >= 2) out = out.split(c.name).join(mask.name(c.name) ?? '*');
  // redact text between tags only, so markup and styles stay intact
  return out.replace(
    />([^<]+)</g,
    (_m, s: string) => `>${redact(s, { known: { names: [c?.name], phones: [c?.phone], ids: [c?.id_number] } }).text}<`,
  );
}
