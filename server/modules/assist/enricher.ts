/**
 * The text engine as intake sees it: predict kind, goods/service category and problem type with the active model
 * versions (shipped defaults under models/, or versions an admin switched on) for what the source left unlabelled.
 * Pre-fill of a stored ticket is computed when an officer opens it (cheap for one ticket, and always from the current
 * extractor) — bulk imports of history do not pay for it. Models load lazily once per process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel, predict, prefillTicket, type ClassifierModel } from '../text/index.js';
import type { TifTicket } from '../../../shared/tif.js';
import type { Enrichment } from '../intake/index.js';

export const MODEL_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
export const DEFAULT_LABELS = ['kind', 'goods_service', 'problem'] as const;

const models = new Map<string, ClassifierModel | null>();

export function defaultModelFile(label: string): string {
  return `${MODEL_DIR}${label}.model.json.gz`;
}

export function useModel(label: string, file: string): ClassifierModel {
  const m = loadModel(file);
  models.set(label, m);
  return m;
}

/** Makes `m` the version this process predicts `label` with (an admin switched it, or it was stored as active). */
export function setActiveModel(label: string, m: ClassifierModel): void {
  models.set(label, m);
}

const builtins = new Map<string, ClassifierModel | null>();
/** The shipped default for a label (models/LABEL.model.json.gz), whatever version is active. */
export function builtinModel(label: string): ClassifierModel | null {
  if (!builtins.has(label)) {
    const f = defaultModelFile(label);
    builtins.set(label, existsSync(f) ? loadModel(f) : null);
  }
  return builtins.get(label) ?? null;
}

export function activeModel(label: string): ClassifierModel | null {
  if (!models.has(label)) {
    models.set(label, builtinModel(label));
  }
  return models.get(label) ?? null;
}

/** Predictions for the default labels (all of them, or only those the source did not label) and the pre-fill. */
export function enrichTicket(
  t: TifTicket,
  o: { onlyMissing?: boolean; prefill?: boolean; labels?: readonly string[] } = {},
): Enrichment {
  const predicted: Record<string, unknown> = {};
  for (const label of o.labels ?? DEFAULT_LABELS) {
    if (o.onlyMissing && (label === 'kind' ? t.kind && t.kind !== 'unknown' : t.labels?.[label])) continue;
    const m = activeModel(label);
    if (!m || !(t.text || t.title)) continue;
    const p = predict(m, t);
    predicted[label] = {
      label: p.label,
      confidence: Math.round(p.confidence * 1000) / 1000,
      not_sure: p.not_sure ?? false,
      top: p.top.slice(0, 3),
      model: m.version,
    };
  }
  const kindPred = predicted.kind as { label: string; not_sure: boolean } | undefined;
  let prefill: Record<string, unknown> | undefined;
  if (o.prefill !== false) {
    try {
      prefill = prefillTicket(t) as unknown as Record<string, unknown>;
    } catch {
      prefill = undefined; // a text the extractor cannot read is still filed; the officer fills the form by hand
    }
  }
  return {
    ...(kindPred && !kindPred.not_sure ? { kind: kindPred.label } : {}),
    ...(Object.keys(predicted).length ? { predicted } : {}),
    ...(prefill ? { prefill } : {}),
  };
}

/** Batch intake: only what the source did not label, no pre-fill (done on view). */
export const intakeEnrich = (t: TifTicket): Enrichment => enrichTicket(t, { onlyMissing: true, prefill: false });

/**
 * On the request path of the web role only the kind, and only when the filer left it open (it decides the statutory
 * clock from the first second); goods/service and problem follow from a worker (`ticket.enriched`).
 */
export const kindOnlyEnrich = (t: TifTicket): Enrichment =>
  enrichTicket(t, { onlyMissing: true, prefill: false, labels: ['kind'] });

/** The worker's half: categories the source did not label, for a ticket already stored. */
export const categoryEnrich = (t: TifTicket): Enrichment =>
  enrichTicket(t, { onlyMissing: true, prefill: false, labels: ['goods_service', 'problem'] });
