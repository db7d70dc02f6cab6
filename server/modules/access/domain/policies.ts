/**
 * Who may see and do what, written like the rules: a station (市场监管所) works its own tickets; a district bureau
 * supervises its district; the city bureau sees everything; an ODR enterprise sees only complaints routed to it —
 * never reports, so a reporter's identity never reaches the business (Order 20 Art. 33).
 */
import type { Actor } from './actor.js';

export interface TicketScope {
  unit_id: string | null;
  district_code: string | null;
  odr_key: string | null;
  kind: string;
}

export function canReadTicket(a: Actor, t: TicketScope): boolean {
  switch (a.role) {
    case 'admin':
    case 'analyst':
    case 'operator':
      return true;
    case 'supervisor':
      return !!a.districtCode && (t.district_code === a.districtCode || t.unit_id === a.districtCode || (t.unit_id ?? '').startsWith(`S${a.districtCode}`));
    case 'officer':
      return !!a.unitId && t.unit_id === a.unitId;
    case 'enterprise':
      return !!a.enterpriseKey && t.kind === 'complaint' && t.odr_key === a.enterpriseKey;
    default:
      return false;
  }
}

/** Unmasked personal data: only those who handle the ticket, and every view is audited by the caller. */
export function canSeePersonalData(a: Actor, t: TicketScope): boolean {
  if (a.role === 'admin') return true;
  if (a.role === 'officer' || a.role === 'supervisor') return canReadTicket(a, t);
  return false;
}

/** Workflow actions additionally need read access (jurisdiction) — role checks live in the state machine. */
export function canActOnTicket(a: Actor, t: TicketScope): boolean {
  if (a.role === 'analyst' || a.role === 'partner' || a.role === 'public') return false;
  return canReadTicket(a, t);
}

/** Transfers: a station may hand back to its district; a district may route within its district or back to the city
 * triage; the city (admin) anywhere (Order 20 Art. 37: a unit without authority returns the item, it does not forward it
 * elsewhere itself). */
export function canTransferTo(a: Actor, t: TicketScope, target: { id: string; kind: string; district_code: string | null }): boolean {
  if (!canActOnTicket(a, t)) return false;
  if (a.role === 'admin') return true;
  if (a.role === 'officer') return target.id === a.districtCode || target.kind === 'triage';
  if (a.role === 'supervisor') return target.district_code === a.districtCode || target.kind === 'triage';
  if (a.role === 'operator') return true;
  return false;
}

/** The SQL-free description of a queue scope, turned into WHERE clauses by the ticket repository. */
export type QueueScope = { all: true } | { unit: string } | { district: string } | { odr: string } | { none: true };

export function queueScope(a: Actor): QueueScope {
  switch (a.role) {
    case 'admin':
    case 'analyst':
    case 'operator':
      return { all: true };
    case 'supervisor':
      return a.districtCode ? { district: a.districtCode } : { none: true };
    case 'officer':
      return a.unitId ? { unit: a.unitId } : { none: true };
    case 'enterprise':
      return a.enterpriseKey ? { odr: a.enterpriseKey } : { none: true };
    default:
      return { none: true };
  }
}
