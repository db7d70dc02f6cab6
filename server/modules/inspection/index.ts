/** inspection: one-click on-site inspection tasks from tickets, results fed back (诉转案). */
export { createInspection, recordInspectionResult, listInspections } from './commands/inspections.js';
export { checklistFor } from './domain/checklist.js';
export { inspectionRoutes } from './http/routes.js';
