/**
 * ODR first (企业先行和解): a complaint whose consumer consented at filing (extra.consent_odr), about a business that is
 * an enrolled ODR firm — or sells on an enrolled platform — goes to that firm without staff action. Run by the
 * outbox subscriber `odr-routing` on ticket.received; idempotent: a ticket no longer 'received' (already sent, or
 * handled by staff meanwhile) is passed over, so a redelivered event changes nothing. The transition is the
 * statutory send_odr with all its checks (consent, enrolment, the firm is the business or its platform).
 */
import { DomainError } from '../../../platform/errors/index.js';
import { SYSTEM } from '../../access/index.js';
import { performAction, ticketRepo, type Ctx } from '../../workflow/index.js';
import { odrRepo } from '../repository/enterprises.js';

export interface RoutingResult {
  routed: { ticket_id: string; odr_key: string }[];
  skipped: number;
  refused: { ticket_id: string; reason: string }[];
}

export async function routeConsented(ctx: Ctx, ticketIds: string[]): Promise<RoutingResult> {
  const out: RoutingResult = { routed: [], skipped: 0, refused: [] };
  for (const t of await ticketRepo.getMany(ctx.db, ticketIds)) {
    const consent = (t.extra as { consent_odr?: unknown } | null)?.consent_odr === true;
    // a ticket that was with a firm once (odr_key stays after a hand-back) is the bureau's now: never sent back
    if (t.kind !== 'complaint' || t.status !== 'received' || !consent || t.duplicate_of || t.odr_key) {
      out.skipped++;
      continue;
    }
    const firm = await odrRepo.odrFor(ctx.db, t.respondent_key, t.platform);
    if (!firm) {
      out.skipped++;
      continue;
    }
    try {
      await performAction(ctx, {
        ticketId: t.id,
        actor: SYSTEM,
        input: { action: 'send_odr', odr_key: firm.key, consent: true, note: 'ODR自动分派（消费者已同意）' },
      });
      out.routed.push({ ticket_id: t.id, odr_key: firm.key });
    } catch (e) {
      // a concurrent staff action or a withdrawn firm: the ticket stays with the bureau
      if (!(e instanceof DomainError)) throw e;
      out.refused.push({ ticket_id: t.id, reason: e.code });
    }
  }
  return out;
}
