/**
 * The subscribers of the outbox, by role. Each is idempotent: it may see an event twice (after a crash, or in the
 * overlap between loading its state and tailing), and seeing it twice changes nothing.
 *
 * - `enrichment` (worker, durable): predicts goods/service and problem for what intake stored without them, writes
 *   them with `ticket.enriched` in the transaction that moves its cursor (so exactly once in effect).
 * - `similar-index` (web, projection): the in-memory similar-case index of this process.
 * - `early-warning` (worker, projection): the live detector; listings in force are discounted.
 * - `12345-delivery` (worker, durable): a reply or return of a 12345 transfer becomes its delivery rows (one per
 *   channel) and is sent at once; what fails waits for the scheduler's retry round. Sending happens before the cursor
 *   moves, so a crash can send twice — with the same idempotency key, which the centre drops.
 * - `case-outcome` (worker, durable): a case lead's 立案/不予立案 copied onto its complaint (inspection module).
 * - `odr-routing` (worker, durable): a consented complaint about an enrolled ODR firm (or one on its platform) goes
 *   to the firm without staff action; a ticket no longer 'received' is passed over, so a redelivery changes nothing.
 */
import {
  event,
  visibleHead,
  type DomainEvent,
  type DurableSubscriber,
  type Projection,
  type Position,
} from '../platform/events/index.js';
import { appendEvents } from '../platform/events/index.js';
import type { Db } from '../platform/db/index.js';
import { assistRepo, categoryEnrich, type SimilarService } from '../modules/assist/index.js';
import { alertRepo, toTif, type WarningService } from '../modules/alerts/index.js';
import { abnormalRepo } from '../modules/abnormal-list/index.js';
import { ticketRepo, type Ctx, type TicketRow } from '../modules/workflow/index.js';
import { deliverDue, enqueueMessages, type DeliveryConfig } from '../modules/twelve345/index.js';
export { caseOutcomeSubscriber } from '../modules/inspection/index.js';
import { routeConsented } from '../modules/odr/index.js';

const idsOf = (events: DomainEvent[]) => [...new Set(events.map((e) => e.subject))];
/** Lets waiting requests through between CPU-heavy items: in one process with the web role, filings come first. */
const yieldToRequests = () => new Promise<void>((r) => setImmediate(r));

export function enrichmentSubscriber(db: Db): DurableSubscriber {
  return {
    kind: 'durable',
    name: 'enrichment',
    types: ['ticket.received'],
    batch: 50,
    async handle(events) {
      const rows = await ticketRepo.getMany(db, idsOf(events));
      // CPU work here, outside the transaction; only the writes go in
      const updates: { r: TicketRow; fields: ReturnType<typeof predictionsFor> }[] = [];
      for (const r of rows) {
        updates.push({ r, fields: predictionsFor(r) });
        await yieldToRequests();
      }
      return async (q) => {
        await ticketRepo.setPredictions(
          q,
          updates.flatMap((u) => (u.fields ? [{ id: u.r.id, ...u.fields }] : [])),
        );
        await appendEvents(
          q,
          updates.map((u) =>
            event('ticket.enriched', u.r.id, { ticket_id: u.r.id, labels: Object.keys(u.fields?.predicted ?? {}) }),
          ),
        );
      };
    },
  };
}

/** Predictions the ticket lacks; null when there is nothing to add (labelled by its source, or predicted at intake). */
function predictionsFor(r: TicketRow): Pick<TicketRow, 'predicted' | 'category' | 'problem'> | null {
  const has = (k: string) => !!(r.labels?.[k] || (r.predicted as Record<string, unknown> | null)?.[k]);
  if (has('goods_service') && has('problem')) return null;
  const e = categoryEnrich({
    id: r.id,
    kind: r.kind,
    title: r.title ?? undefined,
    text: r.body ?? undefined,
    labels: r.labels ?? undefined,
    received_at: '',
  });
  if (!e.predicted) return null;
  const predicted = { ...(r.predicted ?? {}), ...e.predicted };
  // analytics read the source's label, else a confident prediction ("not sure" stays unclassified)
  const sure = (k: string) => {
    const p = e.predicted?.[k] as { label?: string; not_sure?: boolean } | undefined;
    return p && !p.not_sure ? (p.label ?? null) : null;
  };
  return { predicted, category: r.category ?? sure('goods_service'), problem: r.problem ?? sure('problem') };
}

export function similarProjection(db: Db, similar: SimilarService, log = (m: string) => console.error(m)): Projection {
  return {
    kind: 'projection',
    name: 'similar-index',
    types: ['ticket.received'],
    async start(): Promise<Position> {
      const head = await visibleHead(db);
      // the history loads in the background (queries answer on what is loaded); the tail starts at once
      void similar.warm().catch((e) => log(`similar cases: ${(e as Error).message}`));
      return head;
    },
    async handle(events) {
      const fresh = events.filter((e) => e.type === 'ticket.received' && !e.payload.duplicate_of);
      for (const r of await assistRepo.textsByIds(db, idsOf(fresh))) {
        similar.add(r.id, `${r.title ?? ''}。${r.body ?? ''}`, r.respondent_name ?? undefined);
        await yieldToRequests();
      }
    },
  };
}

export function warningProjection(db: Db, warning: WarningService, today: () => string): Projection {
  return {
    kind: 'projection',
    name: 'early-warning',
    types: ['ticket.enriched', 'listing.changed'],
    async start(): Promise<Position> {
      const head = await visibleHead(db);
      // people on the abnormal list are discounted (one claimant filing fifty tickets is not a group)
      for (const p of await abnormalRepo.activePersons(db)) warning.abnormal.add(p);
      // the whole stored history; tickets the tail delivers again are recognised by the detector and not counted twice
      await warning.replay(today());
      return head;
    },
    async handle(events) {
      const ids: string[] = [];
      for (const e of events) {
        if (e.type === 'listing.changed') {
          if (e.payload.in_force) warning.abnormal.add(e.payload.person_key);
          else warning.abnormal.delete(e.payload.person_key);
        } else if (e.type === 'ticket.enriched') ids.push(e.subject);
      }
      const rows = await alertRepo.ticketsByIds(db, [...new Set(ids)]);
      if (rows.length) await warning.ingest(rows.map(toTif));
    },
  };
}

export function delivery12345Subscriber(ctx: Ctx, cfg: DeliveryConfig): DurableSubscriber {
  return {
    kind: 'durable',
    name: '12345-delivery',
    types: ['transfer12345.outgoing'],
    batch: 20,
    async handle(events) {
      const refs = events.flatMap((e) =>
        e.type === 'transfer12345.outgoing' ? [{ ticket_id: e.payload.ticket_id, seq: e.payload.seq }] : [],
      );
      // the rows are idempotent inserts and each attempt is recorded as it happens, not with the cursor: a failed
      // attempt must stay counted even though the batch itself moves on
      await enqueueMessages(ctx, cfg, refs);
      await deliverDue(ctx, cfg, { ticketIds: [...new Set(refs.map((r) => r.ticket_id))] });
    },
  };
}

/**
 * ODR first: each statutory send_odr runs in its own transaction (the state machine's checks and lock), before the
 * cursor moves; a crash in between redelivers events whose tickets are then already in ODR and are passed over.
 * The demo's simulated history (source 'sim') is aged by the demo loader itself, which already sends a share to ODR.
 */
export function odrRoutingSubscriber(ctx: Ctx): DurableSubscriber {
  return {
    kind: 'durable',
    name: 'odr-routing',
    types: ['ticket.received'],
    batch: 200,
    async handle(events) {
      const ids = events
        .filter(
          (e) =>
            e.type === 'ticket.received' &&
            e.payload.kind === 'complaint' &&
            !e.payload.duplicate_of &&
            e.payload.source !== 'sim',
        )
        .map((e) => e.subject);
      if (ids.length) await routeConsented(ctx, [...new Set(ids)]);
    },
  };
}
