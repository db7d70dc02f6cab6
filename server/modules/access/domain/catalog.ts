/**
 * The permission catalog: every permission once, with the roles that hold it and the scope each role holds it in.
 * Route guards (`auth: can('ticket.read')`), the jurisdiction checks of the use cases (policies.ts), the one
 * translation of a scope to SQL (access/repository.ts `scopeSql`) and the actions a ticket detail offers
 * (`allowed_actions`) all read this table; nothing else lists roles for access. The workflow's state machines still
 * say which role may take which step (transitions.ts, risk/lifecycle.ts): a step needs both.
 *
 * Scopes are what a role sees within a permission: a station (市场监管所) its own tickets, a district bureau its
 * district, the city bureau everything, an ODR enterprise the complaints routed to it (never reports, Order 20 Art. 33),
 * a monitoring body the items addressed to it; the public reach only their own filings (number + query code), which is
 * checked by the public routes themselves and needs no session.
 */
import type { Role } from '../../../../shared/domain.js';
import { PERMISSIONS, type Grants, type Permission } from '../../../../shared/permissions.js';
import type { TicketLevelAction } from '../../../../shared/ticket-actions.js';
import type { Actor } from './actor.js';

// the table itself is shared with the web (shared/permissions.ts); this file resolves it for an actor
export { PERMISSIONS, type Permission, type ScopeKind } from '../../../../shared/permissions.js';

const grantsOf = (p: Permission): Grants => PERMISSIONS[p].grants;

/** The roles holding a permission: a route's `auth` (a fresh array, so no caller can change the catalog). */
export function can(p: Permission): Role[] {
  return Object.keys(grantsOf(p)) as Role[];
}

/** Whether the actor's role holds the permission at all (its scope is decided by `scopeOf`). */
export function holds(a: Pick<Actor, 'role'>, p: Permission): boolean {
  return grantsOf(p)[a.role] !== undefined;
}

/**
 * A permission resolved for one actor: the rows it reaches, without SQL. A scoped role whose account lacks the unit,
 * district or enterprise it needs reaches nothing (never everything).
 */
export type Scope =
  { all: true } | { unit: string } | { district: string } | { odr: string } | { body: string } | { none: true };

export function scopeOf(a: Actor, p: Permission): Scope {
  switch (grantsOf(p)[a.role]) {
    case 'city':
      return { all: true };
    case 'district':
      return a.districtCode ? { district: a.districtCode } : { none: true };
    case 'station':
      return a.unitId ? { unit: a.unitId } : { none: true };
    case 'own_business':
      return a.enterpriseKey ? { odr: a.enterpriseKey } : { none: true };
    case 'own_body':
      return { body: a.id };
    default:
      return { none: true };
  }
}

/** What a ticket says about where it belongs. */
export interface TicketPlace {
  unit_id: string | null;
  district_code: string | null;
  odr_key: string | null;
  kind: string;
}

/**
 * Whether a ticket lies in a scope. A district reaches the tickets located in it and those its bureau or its stations
 * hold (a ticket transferred in from elsewhere keeps its location). access/repository.ts `scopeSql` is the same rule
 * in SQL; catalog.test.ts and the access db test hold the two together.
 */
export function ticketInScope(s: Scope, t: TicketPlace): boolean {
  if ('all' in s) return true;
  if ('unit' in s) return t.unit_id === s.unit;
  if ('district' in s)
    return t.district_code === s.district || t.unit_id === s.district || (t.unit_id ?? '').startsWith(`S${s.district}`);
  if ('odr' in s) return t.kind === 'complaint' && t.odr_key === s.odr;
  return false;
}

/**
 * Whether an area-level item (an alert, a list entry) lies in a scope: one without a district concerns the whole city,
 * so every district sees it; stations, enterprises and bodies reach no area-level item.
 */
export function areaInScope(s: Scope, districtCode: string | null): boolean {
  if ('all' in s) return true;
  if ('district' in s) return districtCode === null || districtCode === s.district;
  return false;
}

/** Ticket-level permissions a detail screen offers beside the workflow steps (the web renders exactly these). */
export const TICKET_ACTIONS = {
  transfer: 'ticket.transfer',
  inspect: 'inspection.write',
  upload_evidence: 'evidence.upload',
  supervise: 'supervision.open',
  view_supervisions: 'ticket.supervisions.read',
  record_proceedings: 'ticket.proceedings.write',
  view_proceedings: 'ticket.proceedings.read',
  view_cases: 'ticket.cases.read',
  act_on_cases: 'case.penalty.write',
  answer_supervision: 'supervision.answer',
  propose_abnormal: 'abnormal.propose',
  correct_labels: 'ticket.labels.write',
} as const satisfies Record<TicketLevelAction, Permission>;
export type TicketAction = TicketLevelAction;

/** The ticket-level actions this actor may take on this ticket: role in the catalog and the ticket in its scope. */
export function ticketActions(a: Actor, t: TicketPlace): TicketAction[] {
  return (Object.keys(TICKET_ACTIONS) as TicketAction[]).filter((k) => ticketInScope(scopeOf(a, TICKET_ACTIONS[k]), t));
}
