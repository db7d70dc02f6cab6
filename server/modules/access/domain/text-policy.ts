/**
 * The one policy on free text and documents: per role and purpose, which version of a ticket's text a viewer gets and
 * which copy of its documents. Every screen and export asks here; none decides for itself.
 *
 * - original  — the text as filed (sealed at rest): only those who handle the ticket (its station's officers, its
 *               district's supervisors, the admin) for handling it; opening it is audited like the complainant fields.
 * - redacted  — names, phones, ID numbers, cards, plates, home addresses, e-mail, WeChat/QQ masked: lists, search,
 *               analytics, exports, similar cases, operators and analysts.
 * - mediation — what an ODR enterprise may read of a complaint routed to it: the redacted text with every report
 *               part cut out (举报…, 请对举报人信息保密): it never learns that a report was made, and never sees a report.
 * - none      — no text (the public tracking page, partners).
 *
 * Documents: 'official' is the document as issued (the complainant's full name — it is addressed to them); 'masked'
 * is the copy for everyone else, the business included: the complainant's name masked, the text redacted.
 */
import type { Actor } from './actor.js';
import { canReadTicket, canSeePersonalData, type TicketScope } from './policies.js';
import type { TextVersion } from '../../../../shared/ticket.js';

/** the versions are on the wire too (a ticket's text_version, shared/ticket.ts) */
export type { TextVersion } from '../../../../shared/ticket.js';
export type TextPurpose = 'handling' | 'list' | 'similar' | 'analytics' | 'export' | 'tracking';
export type DocumentCopy = 'official' | 'masked' | 'none';

export interface TextView {
  text: TextVersion;
  /** structured complainant: shown unmasked (audited), masked, or not at all */
  complainant: 'revealed' | 'masked' | 'hidden';
  documents: DocumentCopy;
  /** the view opens sealed personal data: the caller writes an audit entry */
  audit: boolean;
}

const NONE: TextView = { text: 'none', complainant: 'hidden', documents: 'none', audit: false };

export function textView(a: Actor, t: TicketScope, purpose: TextPurpose = 'handling'): TextView {
  if (a.role === 'public' || a.role === 'partner') return NONE;
  if (!canReadTicket(a, t)) return NONE;
  if (a.role === 'enterprise') {
    // canReadTicket already limits the enterprise to complaints routed to it: a report never gets here
    if (t.kind !== 'complaint') return NONE;
    return { text: 'mediation', complainant: 'masked', documents: 'masked', audit: purpose === 'handling' };
  }
  const handler = canSeePersonalData(a, t);
  if (purpose === 'handling' && handler)
    return { text: 'original', complainant: 'revealed', documents: 'official', audit: true };
  // analytics and exports never carry the original, whoever asks: the original serves the handling of the ticket only
  return {
    text: 'redacted',
    complainant: 'masked',
    documents: handler && purpose !== 'analytics' && purpose !== 'export' ? 'official' : 'masked',
    audit: false,
  };
}

/**
 * A similar past case in a list for an officer: a case the viewer may open is listed in full (redacted excerpt,
 * number, status); one outside the viewer's jurisdiction only as a redacted excerpt with its outcome and legal basis
 * — no number, no unit — and that view is audited (subject: the past case).
 */
export function similarCaseView(a: Actor, t: TicketScope): 'full' | 'excerpt' {
  return canReadTicket(a, t) ? 'full' : 'excerpt';
}

/** The public filer with number and tracking code sees status and decisions, never text (the code may be shared). */
export function trackingView(): TextView {
  return { text: 'none', complainant: 'hidden', documents: 'official', audit: true };
}
