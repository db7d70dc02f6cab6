import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  areaInScope,
  can,
  holds,
  PERMISSIONS,
  scopeOf,
  ticketActions,
  ticketInScope,
  type Permission,
  type TicketPlace,
} from './catalog.js';
import { canActOnTicket, canReadTicket, canSeePersonalData } from './policies.js';

const actor = (role: Actor['role'], o: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  username: role,
  role,
  displayName: role,
  unitId: null,
  districtCode: null,
  enterpriseKey: null,
  ...o,
});
const station = actor('officer', { unitId: 'S44010301', districtCode: '440103' });
const otherStation = actor('officer', { unitId: 'S44010401', districtCode: '440104' });
const district = actor('supervisor', { unitId: '440103', districtCode: '440103' });
const firm = actor('enterprise', { enterpriseKey: 'ent-1' });
const ticket = (o: Partial<TicketPlace> = {}): TicketPlace => ({
  unit_id: 'S44010301',
  district_code: '440103',
  odr_key: null,
  kind: 'complaint',
  ...o,
});

describe('permission catalog', () => {
  it('gives a route the roles that hold the permission', () => {
    expect(can('ticket.transfer').sort()).toEqual(['admin', 'officer', 'operator', 'supervisor']);
    expect(can('alerts.review').sort()).toEqual(['admin', 'analyst', 'supervisor']);
  });

  it('hands out a fresh array, so a route cannot change the catalog', () => {
    can('admin.audit').push('public');
    expect(can('admin.audit')).toEqual(['admin']);
  });

  it('never grants anything to the public role (the public reach their own filings by number and code, without a session)', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(holds({ role: 'public' }, p), p).toBe(false);
  });

  it('resolves a station to its unit, a district to its district, the city to all', () => {
    expect(scopeOf(station, 'ticket.read')).toEqual({ unit: 'S44010301' });
    expect(scopeOf(district, 'ticket.read')).toEqual({ district: '440103' });
    expect(scopeOf(actor('analyst'), 'ticket.read')).toEqual({ all: true });
    expect(scopeOf(firm, 'ticket.read')).toEqual({ odr: 'ent-1' });
  });

  it('reaches nothing for a scoped account missing its unit, district or firm, and for a role without the permission', () => {
    expect(scopeOf(actor('officer'), 'ticket.read')).toEqual({ none: true });
    expect(scopeOf(actor('supervisor'), 'ticket.read')).toEqual({ none: true });
    expect(scopeOf(actor('enterprise'), 'ticket.read')).toEqual({ none: true });
    expect(scopeOf(actor('partner'), 'ticket.read')).toEqual({ none: true });
  });
});

describe('tickets in a scope', () => {
  it('keeps a station to its own tickets', () => {
    expect(canReadTicket(station, ticket())).toBe(true);
    expect(canReadTicket(otherStation, ticket())).toBe(false);
  });

  it('lets a district reach tickets located in it and those its bureau or stations hold after a transfer', () => {
    expect(canReadTicket(district, ticket())).toBe(true);
    expect(canReadTicket(district, ticket({ district_code: '440104', unit_id: '440103' }))).toBe(true);
    expect(canReadTicket(district, ticket({ district_code: '440104', unit_id: 'S44010302' }))).toBe(true);
    expect(canReadTicket(district, ticket({ district_code: '440104', unit_id: 'S44010401' }))).toBe(false);
  });

  it('shows an ODR firm only the complaints routed to it, never a report', () => {
    expect(canReadTicket(firm, ticket({ odr_key: 'ent-1' }))).toBe(true);
    expect(canReadTicket(firm, ticket({ odr_key: 'ent-1', kind: 'report' }))).toBe(false);
    expect(canReadTicket(firm, ticket({ odr_key: 'ent-2' }))).toBe(false);
  });

  it('lets an analyst read every ticket but act on none, and see no personal data', () => {
    const analyst = actor('analyst');
    expect(canReadTicket(analyst, ticket())).toBe(true);
    expect(canActOnTicket(analyst, ticket())).toBe(false);
    expect(canSeePersonalData(analyst, ticket())).toBe(false);
    expect(canSeePersonalData(actor('admin'), ticket())).toBe(true);
  });

  it('shows a district area-level items of its district and of the whole city, a station none', () => {
    expect(areaInScope(scopeOf(district, 'alerts.read'), '440103')).toBe(true);
    expect(areaInScope(scopeOf(district, 'alerts.read'), null)).toBe(true);
    expect(areaInScope(scopeOf(district, 'alerts.read'), '440104')).toBe(false);
    expect(areaInScope(scopeOf(station, 'alerts.read'), null)).toBe(false);
  });

  it('reaches no ticket with an empty scope', () => {
    expect(ticketInScope({ none: true }, ticket())).toBe(false);
  });
});

describe('ticket-level actions', () => {
  it('offers a station officer transfer, inspection and evidence on its own ticket, not opening a supervision', () => {
    const a = ticketActions(station, ticket());
    expect(a).toEqual(expect.arrayContaining(['transfer', 'inspect', 'upload_evidence', 'record_proceedings']));
    expect(a).not.toContain('supervise');
  });

  it('offers nothing to act on for a ticket outside the jurisdiction', () => {
    expect(ticketActions(otherStation, ticket())).toEqual([]);
  });

  it('offers an ODR firm evidence upload on its complaint, and no transfer', () => {
    const a = ticketActions(firm, ticket({ odr_key: 'ent-1' }));
    expect(a).toContain('upload_evidence');
    expect(a).not.toContain('transfer');
  });
});
