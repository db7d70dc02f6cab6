/** Classification metrics: accuracy, macro-F1, per-class precision/recall/F1/support, and the deterministic split. */
import { fmix32 } from '../shingles.js';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}
export interface EvalResult {
  n: number;
  accuracy: number;
  macro_f1: number;
  weighted_f1: number;
  per_class: Record<string, ClassMetrics>;
  /** share of tickets marked not_sure, and accuracy on the rest */
  not_sure_rate?: number;
  accuracy_when_sure?: number;
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function evaluatePairs(gold: string[], pred: string[]): EvalResult {
  const labels = [...new Set([...gold])].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = pred[i]!;
    if (g === p) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(g, (fn.get(g) ?? 0) + 1);
    }
  }
  const per: Record<string, ClassMetrics> = {};
  let sumF = 0;
  let wF = 0;
  for (const l of labels) {
    const t = tp.get(l) ?? 0;
    const P = t + (fp.get(l) ?? 0) ? t / (t + (fp.get(l) ?? 0)) : 0;
    const R = t + (fn.get(l) ?? 0) ? t / (t + (fn.get(l) ?? 0)) : 0;
    const F = P + R ? (2 * P * R) / (P + R) : 0;
    const support = t + (fn.get(l) ?? 0);
    per[l] = { precision: r4(P), recall: r4(R), f1: r4(F), support };
    sumF += F;
    wF += F * support;
  }
  return {
    n: gold.length,
    accuracy: r4(gold.length ? correct / gold.length : 0),
    macro_f1: r4(labels.length ? sumF / labels.length : 0),
    weighted_f1: r4(gold.length ? wF / gold.length : 0),
    per_class: per,
  };
}

/** Deterministic held-out split by a hash of the ticket id: the same ticket is always on the same side. */
export function isHeldOut(id: string, percent = 20): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return fmix32(h) % 100 < percent;
}
