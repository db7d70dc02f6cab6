/**
 * Who may see and do what, written like the rules: a station (市场监管所) works its own tickets; a district bureau
 * supervises its district; the city bureau sees everything; an ODR enterprise sees only complaints routed to it —
 * never reports, so a reporter's identity never reaches the business (Order 20 Art. 33).
 */
import type { Actor } from './actor.js';
import { scopeOf, ticketInScope, type Scope, type TicketPlace } from './catalog.js';

export type TicketScope = TicketPlace;

/** Reading a ticket: the ticket lies in the actor's scope of `ticket.read` (catalog.ts). */
export function canReadTicket(a: Actor, t: TicketScope): boolean {
  return ticketInScope(scopeOf(a, 'ticket.read'), t);
}

/** Unmasked personal data: only those who handle the ticket, and every view is audited by the caller. */
export function canSeePersonalData(a: Actor, t: TicketScope): boolean {
  return ticketInScope(scopeOf(a, 'ticket.personal_data'), t);
}

/** Workflow actions additionally need read access (jurisdiction) — role checks live in the state machine. */
export function canActOnTicket(a: Actor, t: TicketScope): boolean {
  return ticketInScope(scopeOf(a, 'ticket.act'), t);
}

/** Transfers: a station may hand back to its district; a district may route within its district or back to the city
 * triage; the city (admin) anywhere (Order 20 Art. 37: a unit without authority returns the item, it does not forward it
 * elsewhere itself). */
export function canTransferTo(
  a: Actor,
  t: TicketScope,
  target: { id: string; kind: string; district_code: string | null },
): boolean {
  if (!canActOnTicket(a, t)) return false;
  if (a.role === 'admin') return true;
  if (a.role === 'officer') return target.id === a.districtCode || target.kind === 'triage';
  if (a.role === 'supervisor') return target.district_code === a.districtCode || target.kind === 'triage';
  if (a.role === 'operator') return true;
  return false;
}

/** The SQL-free description of a queue scope, turned into WHERE clauses by access/repository.ts `scopeSql`. */
export type QueueScope = Scope;

export function queueScope(a: Actor): QueueScope {
  return scopeOf(a, 'ticket.read');
}
