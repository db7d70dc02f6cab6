/** assist: the text engine in the workbench — intake enrichment, similar cases, corrections, model versions. */
export { enrichTicket, intakeEnrich, kindOnlyEnrich, categoryEnrich, activeModel, useModel, DEFAULT_LABELS, MODEL_DIR } from './enricher.js';
export { SimilarService } from './similar-service.js';
export { correctLabels } from './commands/correct-labels.js';
export { assistRoutes } from './http/routes.js';
export { assistRepo } from './repository.js';
