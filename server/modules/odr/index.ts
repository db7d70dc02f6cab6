/** odr: enterprises enrolled in online dispute resolution — enrolment, accounts, API keys, bulk work, statistics. */
export { odrRepo, type EnterpriseRow } from './repository/index.js';
export { odrRoutes } from './http/routes.js';
export { routeConsented, type RoutingResult } from './commands/route-consented.js';
export { resolveApiKey } from './queries/resolve-api-key.js';
export { firmStats, firstSettlementRates } from './queries/firm-stats.js';
export { isApiKey, DECLINE_REASONS } from './domain/bulk.js';
export { ENROL_STATE_LABELS } from './domain/enrolment.js';
