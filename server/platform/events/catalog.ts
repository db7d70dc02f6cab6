/**
 * The catalog of domain events. Each is written to the outbox in the same transaction as the change it reports, and
 * read back by subscribers after commit (at least once: a handler may see an event again after a crash, so every
 * handler is idempotent). Payloads carry ids and small facts, never personal data: a subscriber that needs a ticket's
 * text reads the ticket.
 */
export interface EventPayloads {
  /** a ticket was stored by intake (API filing, portal, 12345 transfer, CLI import, demo load) */
  'ticket.received': {
    ticket_id: string;
    kind: string;
    source: string;
    duplicate_of: string | null;
    parent_id: string | null;
  };
  /** a worker filled in the predictions (kind, goods/service, problem) of a stored ticket */
  'ticket.enriched': { ticket_id: string; labels: string[] };
  /** the statutory state machine moved a ticket (accept, decide, close …) */
  'ticket.transitioned': {
    ticket_id: string;
    action: string;
    from: string;
    to: string;
    actor_role: string;
    closed: boolean;
  };
  /** a ticket moved to another unit */
  'ticket.transferred': { ticket_id: string; from_unit: string; to_unit: string };
  /** the deadline sweep marked a deadline as near or breached */
  'ticket.deadline_marked': {
    ticket_id: string;
    marker: 'deadline_warning' | 'deadline_breached';
    due_kind: string;
    due_date: string;
  };
  /** an abnormal-list entry changed state; `in_force` says whether its effects (flags, detector discount) apply now */
  'listing.changed': {
    entry_id: string;
    person_key: string;
    state: string;
    in_force: boolean;
    effect_changed: boolean;
  };
  /** a reply or a return of a 12345 transfer is to be sent back to the 12345 centre (t12345.messages[seq]) */
  'transfer12345.outgoing': { ticket_id: string; seq: number; kind: 'reply' | 'return' };
  /** the early-warning detector stored a new alert or grew one */
  'alert.raised': { alert_id: string; kind: string; district_code: string | null; count: number };
}

export type EventType = keyof EventPayloads;
export const EVENT_TYPES: readonly EventType[] = [
  'ticket.received',
  'ticket.enriched',
  'ticket.transitioned',
  'ticket.transferred',
  'ticket.deadline_marked',
  'listing.changed',
  'alert.raised',
  'transfer12345.outgoing',
];

/** An event before it is stored: the subject is what it is about (a ticket id, an entry id, an alert id). */
export type NewEvent = { [K in EventType]: { type: K; subject: string; payload: EventPayloads[K] } }[EventType];

/** An event as stored: discriminated on `type`, so a `switch` narrows the payload. */
export type DomainEvent = {
  [K in EventType]: { id: number; type: K; subject: string; payload: EventPayloads[K]; at: Date };
}[EventType];

/** Shorthand for building an event with a typed payload. */
export function event<K extends EventType>(type: K, subject: string, payload: EventPayloads[K]): NewEvent {
  return { type, subject, payload } as NewEvent;
}
