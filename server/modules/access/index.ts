/** access: users, roles, units and jurisdictions; the policies every other module calls. */
export type { Actor } from './domain/actor.js';
export { SYSTEM } from './domain/actor.js';
export {
  canReadTicket,
  canSeePersonalData,
  canActOnTicket,
  canTransferTo,
  queueScope,
  type QueueScope,
  type TicketScope,
} from './domain/policies.js';
export { buildUnits, stationName, CITY_UNIT, TRIAGE_UNIT, type UnitRow } from './domain/units.js';
export { hashPassword, hashPasswordAsync, verifyPassword, verifyPasswordAsync } from './domain/password.js';
export { LoginThrottle, DEFAULT_POLICY as LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './domain/throttle.js';
export {
  login,
  logout,
  resolveSession,
  toActor,
  loginThrottle,
  tokenHash,
  type LoginOptions,
} from './commands/login.js';
export {
  seedOrganisation,
  seedDemoAccounts,
  createUser,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  type DemoAccount,
} from './commands/seed-organisation.js';
export { accessRepo, scopeSql } from './repository.js';
export {
  PERMISSIONS,
  TICKET_ACTIONS,
  can,
  holds,
  scopeOf,
  ticketInScope,
  areaInScope,
  ticketActions,
  type Permission,
  type Scope,
  type ScopeKind,
  type TicketAction,
  type TicketPlace,
} from './domain/catalog.js';
export {
  textView,
  similarCaseView,
  trackingView,
  type TextView,
  type TextVersion,
  type TextPurpose,
  type DocumentCopy,
} from './domain/text-policy.js';
