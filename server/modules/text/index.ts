/**
 * Text intelligence: normalisation and tokenisation, pre-fill, classifiers, similar cases, duplicates and templates.
 * The only entry point other modules import.
 */
export {
  normalize,
  normalizeKeepOffsets,
  truncate,
  maskPlaceholders,
  foldDigits,
  cjkRatio,
  MAX_TEXT_CHARS,
} from './domain/normalize.js';
export { tokenize, charNgrams, getJieba } from './domain/tokenize.js';
export { PLATFORMS, LEGAL_BASES, DEMANDS, DOMAIN_WORDS } from './domain/lexicon.js';
export { shingleText, shingleHashes, jaccardSorted, textJaccard, MinHasher } from './domain/shingles.js';
export { TemplateClusterer, clusterTemplates, type TemplateOptions } from './domain/templates.js';
export {
  trainClassifier,
  predict,
  evaluateModel,
  labelled,
  MODEL_FORMAT,
  type ClassifierModel,
  type Prediction,
  type TrainOptions,
  type Method,
} from './domain/classify/model.js';
export { evaluatePairs, isHeldOut, type EvalResult, type ClassMetrics } from './domain/classify/metrics.js';
export { saveModel, loadModel, serializeModel, deserializeModel, modelToBytes, modelFromBytes } from './model-store.js';
export { type Prefill, type PrefillField, type PrefillOptions } from './domain/prefill/extract.js';
export { parseCnNumber } from './domain/prefill/numbers.js';
export { findDates } from './domain/prefill/dates.js';
export { loadGazetteer } from './geo.js';

export {
  buildBusinessMatcher,
  matchNames,
  registryKeys,
  nameKey,
  type BusinessHit,
  type BusinessMatcher,
  type SectorData,
  type RegistryName,
} from './domain/prefill/business.js';
export { legalNames, chooseBusiness } from './domain/prefill/legal.js';
export { trainTagger, tagSpans, TAGGER_FORMAT, type TaggerModel, type TaggedExample } from './domain/prefill/tagger.js';
export { distantExamples, locateName, taggerText, hintsFor, type HistoryTicket } from './domain/prefill/distant.js';
export {
  businessMatcher,
  useRegistry,
  loadRegistry,
  ensureRegistry,
  serializeTagger,
  deserializeTagger,
  loadSectors,
  saveTagger,
  loadTaggerFile,
  defaultTagger,
  useTagger,
  DEFAULT_TAGGER_FILE,
} from './businesses.js';

import type { TifTicket } from '../../../shared/tif.js';
import { prefill as prefillWith, type Prefill, type PrefillOptions } from './domain/prefill/extract.js';
import { matchNames, type BusinessHit } from './domain/prefill/business.js';
import { chooseBusiness, legalNames, type Candidate } from './domain/prefill/legal.js';
import { businessMatcher, defaultTagger } from './businesses.js';
import type { TaggerModel } from './domain/prefill/tagger.js';
import { loadGazetteer } from './geo.js';
import { normalizeKeepOffsets as nko } from './domain/normalize.js';

/** Pre-fill from free text (and optional title). `opts.refDate` (YYYY-MM-DD) resolves 昨天/上周三 and dates without a year.
 * Lexicons, the registry given to `useRegistry`/`loadRegistry` and the default tagger are used unless `opts` says otherwise. */
export function prefill(
  text: string,
  title?: string,
  opts: Omit<PrefillOptions, 'gazetteer' | 'tagger'> & { tagger?: TaggerModel | null } = {},
): Prefill {
  // tagger: undefined → the shipped one; null → none (names, forms and labels only)
  const tagger = opts.tagger === undefined ? (defaultTagger() ?? undefined) : (opts.tagger ?? undefined);
  // the options listed, not spread: a spread object literal was a measurable share of a pre-fill
  return prefillWith(text, title, {
    refDate: opts.refDate,
    gazetteer: loadGazetteer(),
    matcher: opts.matcher ?? businessMatcher(),
    tagger,
  });
}

/**
 * Every business, platform or brand named in `text` (lexicons, the bureau's registry, legal names, labelled fields),
 * in text order, each with its span into `text`, confidence, how it was found (`via`) and sector; `best` is the one
 * pre-fill would pick as the respondent. For alert subjects and search: `findBusinesses('拼多多商家不发货').best?.value`.
 */
export function findBusinesses(text: string): { all: BusinessHit[]; best?: BusinessHit } {
  const s = nko(text ?? '');
  const sl = s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const all = [...legalNames(s), ...matchNames(sl, businessMatcher(), undefined, s)].sort((a, b) => a.start - b.start);
  const best = chooseBusiness(all.map((h) => ({ ...h, from: 'text' }) as Candidate));
  if (!best) return { all };
  const { from: _f, ...b } = best;
  return { all, best: b as BusinessHit };
}

/** Pre-fill for a TIF ticket, using its received_at as the reference date. */
export function prefillTicket(t: Pick<TifTicket, 'text' | 'title' | 'received_at'>): Prefill {
  return prefill(t.text ?? '', t.title, { refDate: t.received_at?.slice(0, 10) });
}
export { SimilarIndex, businessKey, type SimilarDoc, type SimilarHit, type SimilarQuery } from './domain/similar.js';
export { findDuplicate, type DuplicateMatch, type DuplicateOptions } from './domain/duplicate.js';
export {
  findPii,
  namesIn,
  redact,
  redactJson,
  maskSpan,
  foldWidth,
  type PiiKind,
  type PiiSpan,
  type Redaction,
  type RedactOptions,
} from './domain/redact/redact.js';
export { mediationText, mentionsReport } from './domain/redact/report-part.js';
