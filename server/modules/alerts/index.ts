/** alerts: the live early-warning detector of the server, persisted alerts and their review. */
export { WarningService, toTif, alertId, type DetectorState } from './warning-service.js';
export { alertRepo } from './repository.js';
export { reviewAlert, canSeeAlert } from './commands/review-alert.js';
export { alertRoutes } from './http/routes.js';
