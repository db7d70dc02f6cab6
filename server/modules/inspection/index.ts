/** inspection: one-click on-site inspection tasks from tickets, results fed back, violations become cases (诉转案). */
export { createInspection, recordInspectionResult, listInspections } from './commands/inspections.js';
export { recordPenalty } from './commands/record-penalty.js';
export { receivePlatformResult } from './commands/receive-platform-result.js';
export { ticketCases } from './queries/ticket-cases.js';
export { caseOutcomeSubscriber } from './jobs/mirror-case-outcome.js';
export { checklistFor } from './domain/checklist.js';
export { sign, verifySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './domain/signature.js';
export { leadIdFor, CASE_STAGE_LABELS } from './domain/case-lead.js';
export { PLATFORM_ACTOR } from './domain/platform.js';
export { inspectionRoutes, type InspectionRouteOptions } from './http/routes.js';
