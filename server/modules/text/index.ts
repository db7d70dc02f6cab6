/**
 * Text intelligence: normalisation and tokenisation, pre-fill, classifiers, similar cases, duplicates and templates.
 * The only entry point other modules import.
 */
export { normalize, normalizeKeepOffsets, truncate, maskPlaceholders, foldDigits, cjkRatio, MAX_TEXT_CHARS } from './domain/normalize.js';
export { tokenize, charNgrams, getJieba } from './domain/tokenize.js';
export { PLATFORMS, LEGAL_BASES, DEMANDS, DOMAIN_WORDS } from './domain/lexicon.js';
export { shingleText, shingleHashes, jaccardSorted, textJaccard, MinHasher } from './domain/shingles.js';
export { TemplateClusterer, clusterTemplates, type TemplateOptions } from './domain/templates.js';
export { trainClassifier, predict, evaluateModel, labelled, MODEL_FORMAT, type ClassifierModel, type Prediction, type TrainOptions, type Method } from './domain/classify/model.js';
export { evaluatePairs, isHeldOut, type EvalResult, type ClassMetrics } from './domain/classify/metrics.js';
export { saveModel, loadModel, serializeModel, deserializeModel } from './model-store.js';
export { type Prefill, type PrefillField, type PrefillOptions } from './domain/prefill/extract.js';
export { parseCnNumber } from './domain/prefill/numbers.js';
export { findDates } from './domain/prefill/dates.js';
export { loadGazetteer } from './geo.js';

import type { TifTicket } from '../../../shared/tif.js';
import { prefill as prefillWith, type Prefill, type PrefillOptions } from './domain/prefill/extract.js';
import { loadGazetteer } from './geo.js';

/** Pre-fill from free text (and optional title). `opts.refDate` (YYYY-MM-DD) resolves 昨天/上周三 and dates without a year. */
export function prefill(text: string, title?: string, opts: Omit<PrefillOptions, 'gazetteer'> = {}): Prefill {
  return prefillWith(text, title, { ...opts, gazetteer: loadGazetteer() });
}

/** Pre-fill for a TIF ticket, using its received_at as the reference date. */
export function prefillTicket(t: Pick<TifTicket, 'text' | 'title' | 'received_at'>): Prefill {
  return prefill(t.text ?? '', t.title, { refDate: t.received_at?.slice(0, 10) });
}
export { SimilarIndex, businessKey, type SimilarDoc, type SimilarHit, type SimilarQuery } from './domain/similar.js';
export { findDuplicate, type DuplicateMatch, type DuplicateOptions } from './domain/duplicate.js';
export { findPii, namesIn, redact, redactJson, maskSpan, foldWidth, type PiiKind, type PiiSpan, type Redaction, type RedactOptions } from './domain/redact/redact.js';
export { mediationText, mentionsReport } from './domain/redact/report-part.js';
