/** supervision: 督办 — supervisors put overdue or sensitive tickets under supervision; stations answer; counts per unit. */
export { openSupervision } from './commands/open-supervision.js';
export { answerSupervision } from './commands/answer-supervision.js';
export { closeSupervision } from './commands/close-supervision.js';
export { listSupervisions, ticketSupervisions, supervisionStats } from './queries/list-supervisions.js';
export { MODE_LABELS, REASON_LABELS, STATE_LABELS } from './domain/supervision.js';
export { supervisionRoutes } from './http/routes.js';
