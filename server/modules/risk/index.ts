/**
 * Risk module: abnormal complainants (投诉举报异常名录) — person resolution on keyed hashes, the identity graph,
 * criteria as code with evidence, the score, and the due-process domain logic. Other modules import only this file.
 */
import type { MinePerson, MineTemplate, TifTicket } from '../../../shared/tif.js';
import { type ScoreOptions, scorePersons as scoreAll } from './domain/score.js';

export { CRITERIA, CRITERIA_BY_CODE, type CriterionCode, type CriterionDef } from './domain/catalog.js';
export {
  keyedHasher,
  normPhone,
  normIdNumber,
  normAddress,
  normName,
  isRepresentativeOrg,
  type Hasher,
} from './domain/identity.js';
export { UnionFind, IdentityGraph, identify, LINK_LABELS, type LinkKind } from './domain/graph.js';
export { RiskState, type RiskOptions, type PersonState } from './domain/state.js';
export { evaluatePerson } from './domain/criteria.js';
export type { Fired } from './domain/fired.js';
export {
  IncrementalRiskScorer,
  scoreOf,
  logOddsOf,
  evaluateAll,
  BIAS,
  DECAY,
  PROPOSE_THRESHOLD,
  type ScoreOptions,
} from './domain/score.js';
export { jaccard, sketchOf } from './domain/text.js';

/**
 * Persons whose conduct meets the criteria, highest score first (the `persons` part of the mining report).
 * `key` is the HMAC key for identifiers; `templates` are the text module's clusters (optional).
 */
export function scorePersons(
  tickets: TifTicket[],
  opts: { templates?: MineTemplate[]; key?: string } & ScoreOptions = {},
): MinePerson[] {
  return scoreAll(tickets, opts);
}
export {
  LIST_STATES,
  LIST_STATE_LABELS,
  LIST_RULES,
  DEFAULT_PERIOD_DAYS,
  DueProcessError,
  allowedActions,
  propose,
  transition,
  dueForExpiry,
  effectsOf,
  handlingOf,
  mediationKpi,
  simplifiedSuggestion,
  type SimplifiedSuggestion,
  type ListState,
  type ListAction,
  type ListEntry,
  type ListEvent,
  type ListPayload,
  type Actor,
  type ListingEffects,
} from './domain/lifecycle.js';
export {
  canSeeUnmasked,
  maskName,
  maskIdNumber,
  maskPhone,
  maskAddress,
  exportRecord,
  sharingKeys,
  matchImported,
  listCountsOf,
  type ListExportRecord,
  type ListPersonData,
  type ListCounts,
} from './domain/listing.js';
