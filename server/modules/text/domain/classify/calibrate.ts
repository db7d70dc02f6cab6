/**
 * Calibration on the held-back fold: the naive-Bayes expert's weight and per-class logit offsets for macro-F1, the
 * temperature that makes confidences honest, and the "not sure" threshold.
 */
import { softmaxT } from './softmax.js';
import { nbScores, type NaiveBayes } from './nb.js';
import type { SparseVec } from './features.js';

/** Temperature minimising the negative log-likelihood on the fold (grid search: cheap and robust). */
export function fitTemperature(probsLogits: Float64Array[], ys: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let T = 0.25; T <= 4.001; T *= 1.15) {
    let nll = 0;
    for (let i = 0; i < ys.length; i++) {
      const p = softmaxT(Float64Array.from(probsLogits[i]!), T);
      nll -= Math.log(Math.max(1e-12, p[ys[i]!]!));
    }
    if (nll < bestNll) {
      bestNll = nll;
      best = T;
    }
  }
  return best;
}

/** Lowest confidence t such that predictions with confidence ≥ t are right at least `target` of the time. */
export function fitThreshold(conf: number[], correct: boolean[], target: number, C: number): number {
  const order = conf.map((c, i) => i).sort((a, b) => conf[b]! - conf[a]!);
  let right = 0;
  let t = 1;
  for (let k = 0; k < order.length; k++) {
    if (correct[order[k]!]) right++;
    if (right / (k + 1) >= target) t = conf[order[k]!]!;
  }
  return Math.max(1 / C, Math.min(0.95, t));
}

/**
 * Greedy coordinate search over per-class logit offsets maximising macro-F1 on the calibration fold. Only steps that
 * gain at least 0.002 are kept (no chasing noise); skipped on folds too small or too many classes to judge.
 */
export function tuneOffsets(zs: Float64Array[], ys: number[], C: number): Float64Array {
  const off = new Float64Array(C);
  if (ys.length < 300 || C > 40) return off;
  const score = macroF1With(zs, ys, C);
  let best = score(off);
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (let c = 0; c < C; c++) {
      for (const d of [1, 0.5, 0.25, -0.25, -0.5, -1]) {
        off[c]! += d;
        const sc = score(off);
        if (sc > best + 0.002) {
          best = sc;
          moved = true;
        } else off[c]! -= d;
      }
    }
    if (!moved) break;
  }
  return off;
}

/** Expert weight (0 = none) and class offsets maximising macro-F1 on the calibration fold; `zs` gets both added. */
export function chooseExpert(
  zs: Float64Array[],
  ys: number[],
  C: number,
  method: 'baseline' | 'xiezhi',
  nb: NaiveBayes | undefined,
  raws: SparseVec[],
  grid = [0.02, 0.035, 0.05, 0.075, 0.1],
): { beta: number; offsets: Float64Array } {
  if (method === 'baseline') return { beta: 0, offsets: new Float64Array(C) };
  const plain = () => zs.map((z) => Float64Array.from(z));
  const offsets0 = tuneOffsets(zs, ys, C);
  let best = { beta: 0, offsets: offsets0, f1: macroF1With(zs, ys, C)(offsets0), z: zs };
  if (nb && ys.length >= 300) {
    const T0 = fitTemperature(zs, ys);
    const scratch = new Float64Array(C);
    const nbz = raws.map((r) => Float64Array.from(nbScores(nb, r, scratch)));
    for (const w of grid) {
      if (!(w > 0)) continue;
      const beta = w * T0;
      const z2 = plain();
      z2.forEach((z, i) => {
        for (let c = 0; c < C; c++) z[c]! += beta * nbz[i]![c]!;
      });
      const off = tuneOffsets(z2, ys, C);
      const f1 = macroF1With(z2, ys, C)(off);
      if (f1 > best.f1 + 0.002) best = { beta, offsets: off, f1, z: z2 };
    }
  }
  const { beta, offsets, z } = best;
  z.forEach((v, i) => {
    for (let c = 0; c < C; c++) zs[i]![c] = v[c]! + offsets[c]!;
  });
  return { beta, offsets };
}

/** Macro-F1 of argmax(z + offsets) against `ys`, as a function of the offsets (counts reused between calls). */
function macroF1With(zs: Float64Array[], ys: number[], C: number): (off: Float64Array) => number {
  const tp = new Int32Array(C);
  const pc = new Int32Array(C);
  const gc = new Int32Array(C);
  for (const y of ys) gc[y]!++;
  return (off) => {
    tp.fill(0);
    pc.fill(0);
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i]!;
      let b = 0;
      let bv = -Infinity;
      for (let c = 0; c < C; c++) {
        const v = z[c]! + off[c]!;
        if (v > bv) ((bv = v), (b = c));
      }
      pc[b]!++;
      if (b === ys[i]) tp[b]!++;
    }
    let f = 0;
    let k = 0;
    for (let c = 0; c < C; c++) {
      if (!gc[c]) continue;
      k++;
      if (tp[c]) f += (2 * tp[c]!) / (pc[c]! + gc[c]!);
    }
    return k ? f / k : 0;
  };
}

export function argmax(p: ArrayLike<number>): number {
  let b = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[b]!) b = i;
  return b;
}
