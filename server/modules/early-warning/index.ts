/**
 * Early warning (capability 7): group disputes (群体纠纷) and concentrated demands (集中诉求) over all tickets.
 * Public surface of the module; everything else is internal.
 */
export { WarningEngine, type DayResult } from './domain/engine.js';
export { DEFAULT_OPTIONS, type WarningOptions } from './domain/options.js';
export { dayIndex, dayString } from './domain/days.js';
export { replayAlerts, type ReplayOptions } from './domain/replay.js';
export { normaliseBusinessName } from './domain/names.js';
export { KnownEstates } from './domain/known-places.js';
export { abnormalComplainants } from './domain/abnormal.js';
export { subjectsOf, complainantKey, districtOf, streetOf, type Subject, type SubjectType } from './domain/subjects.js';
export { TopicKeywords } from './domain/topic-keywords.js';
export {
  ALERT_STATES,
  DISMISS_REASONS,
  DISMISS_REASON_LABELS,
  HANDLING_ACTIONS,
  HANDLING_ACTION_LABELS,
  newLifecycle,
  transition,
  allowedCommands,
  evaluationOutcome,
  AlertTransitionError,
  type AlertState,
  type DismissReason,
  type HandlingAction,
  type AlertCommand,
  type AlertLifecycle,
  type AlertHistoryEntry,
} from './domain/lifecycle.js';
