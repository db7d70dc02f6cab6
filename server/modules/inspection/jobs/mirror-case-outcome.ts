/**
 * Follow-on work of the case lead's workflow (outbox subscriber, worker role): when a lead is decided (立案 /
 * 不予立案) by the statutory state machine — by a station officer or on the platform's word — the decision is copied
 * onto the case record and the complaint's timeline, so the complaint shows the outcome of the case it gave rise to.
 * Durable: the writes commit with the cursor move, once in effect.
 */
import { shanghaiDate } from '../../../platform/calendar/index.js';
import type { Db } from '../../../platform/db/index.js';
import type { DomainEvent, DurableSubscriber } from '../../../platform/events/index.js';
import { ticketRepo } from '../../workflow/index.js';
import { caseRepo } from '../repository.js';

const DECISIONS = new Set(['open_case', 'not_open_case']);

export function caseOutcomeSubscriber(db: Db): DurableSubscriber {
  return {
    kind: 'durable',
    name: 'case-outcome',
    types: ['ticket.transitioned'],
    async handle(events: DomainEvent[]) {
      const decided = events.filter((e) => e.type === 'ticket.transitioned' && DECISIONS.has(e.payload.action));
      if (!decided.length) return;
      const cases = new Map(
        (await caseRepo.byLeads(db, [...new Set(decided.map((e) => e.subject))])).map((c) => [c.lead_id, c]),
      );
      const writes: {
        complaint: string;
        lead: string;
        decision: 'case_opened' | 'not_opened';
        on: string;
        at: Date;
        payload: Record<string, unknown>;
      }[] = [];
      for (const e of decided) {
        const c = cases.get(e.subject);
        if (!c) continue; // an ordinary report, not a lead from an inspection
        const lead = await ticketRepo.get(db, c.lead_id);
        // the lead's own timeline entry for this decision carries its reason, note and who decided
        const entry = [...(await ticketRepo.timeline(db, c.lead_id))]
          .reverse()
          .find((x) => x.type === (e.type === 'ticket.transitioned' ? e.payload.action : ''));
        const decision =
          e.type === 'ticket.transitioned' && e.payload.action === 'open_case'
            ? ('case_opened' as const)
            : ('not_opened' as const);
        const p = entry?.payload ?? {};
        writes.push({
          complaint: c.ticket_id,
          lead: c.lead_id,
          decision,
          on: shanghaiDate(entry?.at ?? e.at),
          at: entry?.at ?? e.at,
          payload: {
            lead_id: c.lead_id,
            lead_no: lead?.no ?? null,
            decision,
            decided_on: shanghaiDate(entry?.at ?? e.at),
            reason_text: typeof p.reason_text === 'string' ? p.reason_text : null,
            note: typeof p.note === 'string' ? p.note : null,
            decided_by: entry?.actor_id ?? null,
          },
        });
      }
      if (!writes.length) return;
      return async (q) => {
        for (const w of writes) {
          await caseRepo.setDecision(q, w.lead, {
            decision: w.decision,
            decided_on: w.on,
            reason_text: (w.payload.reason_text as string | null) ?? null,
            decision_no: null,
            at: w.at,
          });
          await ticketRepo.appendEvent(q, w.complaint, {
            at: w.at,
            actor_id: 'system',
            actor_role: 'system',
            type: 'case_decided',
            payload: w.payload,
          });
        }
      };
    },
  };
}
