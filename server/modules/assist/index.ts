/** assist: the text engine in the workbench — intake enrichment, similar cases, corrections, model versions. */
export {
  enrichTicket,
  intakeEnrich,
  kindOnlyEnrich,
  categoryEnrich,
  activeModel,
  useModel,
  setActiveModel,
  builtinModel,
  DEFAULT_LABELS,
  MODEL_DIR,
} from './enricher.js';
export { SimilarService } from './similar-service.js';
export { correctLabels } from './commands/correct-labels.js';
export { trainFromHistory, type HistoryTraining } from './commands/train-from-history.js';
export { registerModel, type Registered } from './commands/register-model.js';
export { activateModelVersion } from './commands/activate-model.js';
export { compareWithActive, type Comparison } from './queries/compare-models.js';
export { labelledHistory, type LabelledHistory } from './queries/labelled-history.js';
export { loadActiveModels, activeVersion } from './model-versions.js';
export { assistRoutes } from './http/routes.js';
export { assistRepo } from './repository.js';
