/**
 * Multinomial logistic regression on sparse vectors, trained with AdaGrad SGD and lazy L2 (only the weights a sample
 * touches decay: the usual trick for hashed text features). Deterministic for a given seed.
 */
import type { SparseVec } from './features.js';

export interface SoftmaxOptions {
  classes: number;
  dim: number;
  epochs: number;
  /** L2 strength per sample (scikit-learn's C maps to 1 / (C · N)) */
  l2: number;
  lr: number;
  /** per-class weight (balanced class weighting for skewed labels) */
  classWeight?: Float32Array;
  seed?: number;
  /** return the average of the weights over all updates (Polyak–Ruppert) instead of the last iterate */
  average?: boolean;
}

export interface SoftmaxWeights {
  classes: number;
  dim: number;
  /** [feature][class] */
  w: Float32Array;
  b: Float32Array;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export function trainSoftmax(xs: SparseVec[], ys: Int32Array, o: SoftmaxOptions): SoftmaxWeights {
  const C = o.classes;
  const w = new Float32Array(o.dim * C);
  // AdaGrad with one accumulator per feature (shared by its C class weights): one sqrt per feature per sample
  const g2 = new Float32Array(o.dim);
  const b = new Float32Array(C);
  const gb = new Float32Array(C);
  const p = new Float64Array(C);
  const order = Int32Array.from({ length: xs.length }, (_, i) => i);
  const rand = rng(o.seed ?? 42);
  const lr = o.lr;
  const l2 = o.l2;
  // averaging with sparse updates: u accumulates t·Δw, and the average is w − u / t (no pass over all weights per step)
  const avg = o.average === true;
  const u = avg ? new Float32Array(o.dim * C) : w;
  const ub = new Float64Array(C);
  let t = 1;
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const n of order) {
      const x = xs[n]!;
      const y = ys[n]!;
      const sw = o.classWeight ? o.classWeight[y]! : 1;
      for (let c = 0; c < C; c++) p[c] = b[c]!;
      for (let j = 0; j < x.idx.length; j++) {
        const base = x.idx[j]! * C;
        const v = x.val[j]!;
        for (let c = 0; c < C; c++) p[c]! += w[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (p[c]! > max) max = p[c]!;
      let z = 0;
      for (let c = 0; c < C; c++) z += p[c] = Math.exp(p[c]! - max);
      let gsq = 0;
      for (let c = 0; c < C; c++) {
        const g = (p[c]! / z - (c === y ? 1 : 0)) * sw;
        p[c] = g;
        gsq += g * g;
        gb[c]! += g * g;
        const d = (lr * g) / Math.sqrt(gb[c]! + 1e-8);
        b[c]! -= d;
        ub[c]! -= t * d;
      }
      t++;
      if (gsq < 1e-10) continue; // confidently right: nothing to learn (and skip the decay, as lazy L2 allows)
      for (let j = 0; j < x.idx.length; j++) {
        const f = x.idx[j]!;
        const base = f * C;
        const v = x.val[j]!;
        g2[f]! += gsq * v * v;
        const step = lr / Math.sqrt(g2[f]! + 1e-8);
        if (avg) {
          for (let c = 0; c < C; c++) {
            const k = base + c;
            const d = step * (p[c]! * v + l2 * w[k]!);
            w[k]! -= d;
            u[k]! -= (t - 1) * d;
          }
        } else {
          for (let c = 0; c < C; c++) {
            const k = base + c;
            w[k]! -= step * (p[c]! * v + l2 * w[k]!);
          }
        }
      }
    }
  }
  if (avg) {
    const T = t;
    for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / T;
    for (let c = 0; c < C; c++) b[c] = b[c]! - ub[c]! / T;
  }
  return { classes: C, dim: o.dim, w, b };
}

/** Logits for one vector. */
export function logits(m: SoftmaxWeights, x: SparseVec, out = new Float64Array(m.classes)): Float64Array {
  const C = m.classes;
  for (let c = 0; c < C; c++) out[c] = m.b[c]!;
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j]! * C;
    const v = x.val[j]!;
    for (let c = 0; c < C; c++) out[c]! += m.w[base + c]! * v;
  }
  return out;
}

/** Softmax with temperature, in place. */
export function softmaxT(z: Float64Array, T = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let s = 0;
  for (let c = 0; c < z.length; c++) s += z[c] = Math.exp((z[c]! - max) / T);
  for (let c = 0; c < z.length; c++) z[c]! /= s;
  return z;
}
