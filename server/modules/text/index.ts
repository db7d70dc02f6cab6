/**
 * Text intelligence: normalisation and tokenisation, pre-fill, classifiers, similar cases, duplicates and templates.
 * The only entry point other modules import.
 */
export { normalize, normalizeKeepOffsets, truncate, maskPlaceholders, foldDigits, cjkRatio, MAX_TEXT_CHARS } from './domain/normalize.js';
export { tokenize, charNgrams, getJieba } from './domain/tokenize.js';
export { PLATFORMS, LEGAL_BASES, DEMANDS, DOMAIN_WORDS } from './domain/lexicon.js';
export { shingleText, shingleHashes, jaccardSorted, textJaccard, MinHasher } from './domain/shingles.js';
export { TemplateClusterer, clusterTemplates, type TemplateOptions } from './domain/templates.js';
