/** disclosure: correction requests a business files against the public disclosure (the figures: analytics). */
export { fileCorrection, type CorrectionInput } from './commands/file-correction.js';
export { listCorrections } from './queries/list-corrections.js';
export { disclosureRoutes } from './http/routes.js';
