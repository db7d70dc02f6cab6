/**
 * Text classifier for any TIF label: hashed TF-IDF word + char n-grams → multinomial logistic regression, with
 * temperature-scaled (calibrated) confidence and a "not sure" threshold learned on a held-back fold.
 * Two presets: `baseline` (scikit-learn defaults: word unigrams + char 1–3 grams, raw TF, C = 1) and `xiezhi`
 * (word 1–2 + char 1–3 grams, sublinear TF, structured tokens, class weighting, regularisation chosen on the fold).
 */
import type { TifTicket } from '../../../../../shared/tif.js';
import {
  fitIdf,
  hashedCounts,
  rawFeatures,
  vectorize,
  type FeatureConfig,
  type FeatureTicket,
  type SparseVec,
} from './features.js';
import { evaluatePairs, isHeldOut, type EvalResult } from './metrics.js';
import { logits, softmaxT, trainSoftmax, type SoftmaxWeights } from './softmax.js';
import { argmax, chooseExpert, fitTemperature, fitThreshold } from './calibrate.js';
import { fitNaiveBayes, type NaiveBayes } from './nb.js';

export const MODEL_FORMAT = 'xiezhi-text-classifier';
export const MODEL_FORMAT_VERSION = 4; // 2: table-driven hashed n-grams (features.hashed), adaptive passes; 3: structured block, class offsets; 4: naive Bayes expert (nb)

export type Method = 'baseline' | 'xiezhi';

const REFIT_BELOW = 20_000;

export interface TrainOptions {
  method?: Method;
  bits?: number;
  epochs?: number;
  /** target precision of confident predictions; below the matching confidence → not_sure (default 0.9) */
  targetPrecision?: number;
  seed?: number;
  /** fix the L2 strength instead of choosing it on the calibration fold */
  l2?: number;
  /** class weight (N / (C · n_c))^power: 0 none, 0.5 the preset's square-root balancing, 1 fully balanced */
  balancePower?: number;
  /** averaged SGD weights (experiments) */
  average?: boolean;
  lr?: number;
  /** naive-Bayes expert weights to try on the calibration fold (× the plain model's temperature); [0] turns it off */
  nbWeights?: number[];
  /** override the preset's feature settings (experiments; a bureau's own tuning) */
  features?: Partial<FeatureConfig>;
  onProgress?: (stage: string) => void;
}

export interface ClassifierModel {
  format: typeof MODEL_FORMAT;
  format_version: number;
  version: string;
  label: string;
  method: Method;
  classes: string[];
  class_counts: Record<string, number>;
  trained_at: string;
  training_size: number;
  features: FeatureConfig;
  l2: number;
  temperature: number;
  threshold: number;
  target_precision: number;
  /** metrics on the calibration fold (held back from the first fit) */
  metrics: EvalResult;
  idf: Float32Array;
  weights: SoftmaxWeights;
  /** format 4: naive Bayes over the same buckets, added to the logits × beta (absent or beta 0: none) */
  nb?: NaiveBayes & { beta: number };
}

export interface Prediction {
  label: string;
  confidence: number;
  not_sure?: boolean;
  /** top alternatives, best first */
  top: { label: string; confidence: number }[];
}

const PRESETS: Record<Method, { features: Omit<FeatureConfig, 'bits'>; epochs: number; balanced: boolean }> = {
  baseline: { features: { word: [1, 1], char: [1, 3], sublinear: false, meta: false }, epochs: 6, balanced: false },
  // format 3: char 1–3 grams within runs carry Chinese words without a segmenter (jieba cost 2–3x the time for
  // +0.004 macro-F1 on online-shopping); Latin words + bigrams for English; structured fields as their own block
  // + whole clauses and clause-edge n-grams (what scikit-learn's word and char_wb analyzers see on Chinese; waimai
  // sentiment 0.878 → 0.890, above scikit-learn's 0.887)
  xiezhi: {
    features: {
      word: [0, 0],
      char: [1, 3],
      sublinear: true,
      meta: true,
      hashed: true,
      latin: 2,
      metaBlock: 0.5,
      runs: true,
      edges: true,
    },
    epochs: 6,
    balanced: true,
  },
};

/** Labelled examples of `label` in a set of tickets. */
export function labelled(tickets: TifTicket[], label: string): TifTicket[] {
  return tickets.filter((t) => {
    const v = t.labels?.[label];
    return typeof v === 'string' && v.trim() !== '';
  });
}

function fit(
  vecs: SparseVec[],
  ys: Int32Array,
  C: number,
  dim: number,
  l2: number,
  epochs: number,
  power: number,
  seed: number,
  extra: { average?: boolean; lr?: number } = {},
): SoftmaxWeights {
  let classWeight: Float32Array | undefined;
  if (power > 0) {
    const cnt = new Float64Array(C);
    for (const y of ys) cnt[y]!++;
    // square-root balancing: lifts rare classes (macro-F1) without giving up much accuracy on the common ones
    classWeight = new Float32Array(C);
    let mean = 0;
    for (let c = 0; c < C; c++)
      mean += (classWeight[c] = cnt[c] ? Math.pow(ys.length / (C * cnt[c]!), power) : 0) * (cnt[c]! / ys.length);
    for (let c = 0; c < C; c++) classWeight[c]! /= mean || 1;
  }
  return trainSoftmax(vecs, ys, {
    classes: C,
    dim,
    epochs,
    l2,
    lr: extra.lr ?? 0.3,
    classWeight,
    seed,
    average: extra.average,
  });
}

function predictVec(w: SoftmaxWeights, x: SparseVec, T: number): Float64Array {
  return softmaxT(logits(w, x), T);
}

export function trainClassifier(allTickets: TifTicket[], label: string, opts: TrainOptions = {}): ClassifierModel {
  const method = opts.method ?? 'xiezhi';
  const preset = PRESETS[method];
  const bits = opts.bits ?? 18;
  const features: FeatureConfig = { ...preset.features, ...opts.features, bits };
  const tickets = labelled(allTickets, label);
  if (tickets.length < 2) throw new Error(`need at least 2 tickets with labels.${label}; found ${tickets.length}`);
  const classes = [...new Set(tickets.map((t) => t.labels![label]!.trim()))].sort();
  if (classes.length < 2) throw new Error(`labels.${label} has only one value (${classes[0]}): nothing to learn`);
  const cidx = new Map(classes.map((c, i) => [c, i]));
  const C = classes.length;
  const dim = 1 << bits;
  // a fixed number of passes over-fits big sets and under-fits small ones: format-2 models aim at ~60k updates,
  // between 2 and the preset's passes (measured: 2 passes on 35k reviews beat 6; 6 are needed on 7k CFPB texts)
  const epochs =
    opts.epochs ??
    (features.hashed ? Math.max(2, Math.min(preset.epochs, Math.ceil(60000 / tickets.length))) : preset.epochs);
  const seed = opts.seed ?? 42;
  const power = opts.balancePower ?? (preset.balanced ? 0.5 : 0);
  opts.onProgress?.('features');
  const raws = tickets.map((t) => rawFeatures(t, features));
  const ys = Int32Array.from(tickets, (t) => cidx.get(t.labels![label]!.trim())!);
  const counts: Record<string, number> = {};
  for (const c of classes) counts[c] = 0;
  for (const y of ys) counts[classes[y]!]!++;

  // calibration fold: a hash of the id, disjoint from the evaluation split's 20 % (uses a different salt)
  const calib = tickets.map((t) => isHeldOut(`cal:${t.id}`, 15) && tickets.length >= 40);
  const trIdx: number[] = [];
  const caIdx: number[] = [];
  calib.forEach((c, i) => (c ? caIdx : trIdx).push(i));
  if (caIdx.length === 0) caIdx.push(...trIdx); // tiny sets: calibrate on the training data (optimistic, but defined)

  const idfTr = fitIdf(
    trIdx.map((i) => raws[i]!),
    bits,
  );
  const vecTr = trIdx.map((i) => vectorize(raws[i]!, features, idfTr));
  const vecCa = caIdx.map((i) => vectorize(raws[i]!, features, idfTr));
  const yTr = Int32Array.from(trIdx, (i) => ys[i]!);
  const yCa = caIdx.map((i) => ys[i]!);

  const Ntr = Math.max(1, trIdx.length);
  const l2Grid =
    method === 'baseline' ? [1 / Ntr] : opts.l2 !== undefined ? [opts.l2] : Ntr < 5000 ? [1e-4, 1e-5, 1e-6] : [1e-5];
  let best: { l2: number; w: SoftmaxWeights; f1: number } | undefined;
  for (const l2 of l2Grid) {
    opts.onProgress?.(`fit l2=${l2.toExponential(0)}`);
    const w = fit(vecTr, yTr, C, dim, l2, epochs, power, seed, opts);
    const pred = vecCa.map((x) => classes[argmax(logits(w, x))]!);
    const f1 = evaluatePairs(
      yCa.map((y) => classes[y]!),
      pred,
    ).macro_f1;
    if (!best || f1 > best.f1) best = { l2, w, f1 };
  }
  const chosen = best!;
  const zs = vecCa.map((x) => logits(chosen.w, x));
  const nbOn = method === 'xiezhi' && features.hashed === true && dim * C <= 1 << 24; // table ≤ 64 MB
  const nbTr = nbOn
    ? fitNaiveBayes(
        trIdx.map((i) => raws[i]!),
        yTr,
        C,
        dim,
      )
    : undefined;
  // the naive-Bayes expert's weight and the per-class offsets (rare classes lose the argmax to frequent ones) are
  // chosen together for macro-F1 on the fold only; a weight must gain 0.002 over none to be kept
  const { beta, offsets } = chooseExpert(
    zs,
    yCa,
    C,
    method,
    nbTr,
    caIdx.map((i) => raws[i]!),
    opts.nbWeights,
  );
  const T = fitTemperature(zs, yCa);
  const probs = zs.map((z) => softmaxT(Float64Array.from(z), T));
  const predIdx = probs.map(argmax);
  const conf = probs.map((p, i) => p[predIdx[i]!]!);
  const target = opts.targetPrecision ?? 0.9;
  const threshold = fitThreshold(
    conf,
    predIdx.map((p, i) => p === yCa[i]),
    target,
    C,
  );
  const metrics = evaluatePairs(
    yCa.map((y) => classes[y]!),
    predIdx.map((p) => classes[p]!),
  );

  // final fit on everything with the chosen settings — except on big sets, where the 15 % fold adds little and a
  // second fit would double the training time (35k reviews: one fit keeps training within 5 s of CPU)
  let idf = idfTr;
  let weights = chosen.w;
  let nb = nbTr;
  if (trIdx.length < REFIT_BELOW) {
    opts.onProgress?.('final fit');
    idf = fitIdf(raws, bits);
    const vecAll = raws.map((r) => vectorize(r, features, idf));
    weights = fit(vecAll, ys, C, dim, chosen.l2, epochs, power, seed, opts);
    if (beta) nb = fitNaiveBayes(raws, ys, C, dim);
  }
  for (let c = 0; c < C; c++) weights.b[c]! += offsets[c]!;
  const now = new Date();
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    version: `${label}-${method}-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`,
    label,
    method,
    classes,
    class_counts: counts,
    trained_at: now.toISOString(),
    training_size: tickets.length,
    features,
    l2: chosen.l2,
    temperature: T,
    threshold,
    target_precision: target,
    metrics,
    idf,
    weights,
    ...(beta && nb ? { nb: { ...nb, beta } } : {}),
  };
}

/**
 * Per-model prediction tables, built once on first use: the class weights quantised to int8 with one scale (as the
 * model file stores them, so a loaded model predicts exactly as before) and idf apart. Prediction is bound by memory
 * reads, one random row per feature: 2^18 buckets × 10 classes are 2.6 MB of int8 against 11.5 MB of float32, so
 * most rows come from cache.
 */
interface Packed {
  /** per bucket: C int8 regression weights, then (with the expert) C int8 naive-Bayes entries — one cache line */
  q: Int8Array;
  stride: number;
  idf: Float32Array;
  scale: number;
  z: Float64Array;
  zn: Float64Array;
  nb?: { scale: number; beta: number; base: Float64Array; prior: Float64Array };
}
const packedCache = new WeakMap<ClassifierModel, Packed>();
function packed(m: ClassifierModel): Packed {
  let p = packedCache.get(m);
  if (p) return p;
  const C = m.classes.length;
  const { q: qw, scale } = quantize(m.weights.w);
  const idf = new Float32Array(m.weights.dim);
  for (let k = 0; k < idf.length; k++) idf[k] = m.idf[k] || 1; // unseen buckets: weight 0, tf counts in the norm (as vectorize does)
  let q = qw;
  let stride = C;
  let nb: Packed['nb'];
  if (m.nb?.beta) {
    const { q: qn, scale: ns } = quantize(m.nb.d);
    stride = 2 * C;
    q = new Int8Array(m.weights.dim * stride);
    for (let k = 0; k < m.weights.dim; k++) {
      q.set(qw.subarray(k * C, k * C + C), k * stride);
      q.set(qn.subarray(k * C, k * C + C), k * stride + C);
    }
    nb = { scale: ns, beta: m.nb.beta, base: Float64Array.from(m.nb.base), prior: Float64Array.from(m.nb.prior) };
  }
  packedCache.set(m, (p = { q, stride, idf, scale, nb, z: new Float64Array(C), zn: new Float64Array(C) }));
  return p;
}

/** int8 with one scale (max |w| / 127): the model file's encoding (model-store.ts). */
export function quantize(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { q, scale };
}

/** Logits of one ticket: hashed counts → TF-IDF → L2 norm → linear scores, with no per-ticket arrays. */
function hashedLogits(m: ClassifierModel, t: FeatureTicket): Float64Array {
  const { q, stride, idf, scale, z, zn, nb } = packed(m);
  const C = m.classes.length;
  const acc = hashedCounts(t, m.features);
  const sub = m.features.sublinear;
  const block = m.features.metaBlock;
  const T = block === undefined ? acc.n : acc.textEnd;
  z.fill(0);
  zn.fill(0);
  let norm = 0;
  const touched = acc.touched;
  const counts = acc.cnt;
  for (let i = 0; i < T; i++) {
    const k = touched[i]!;
    const cnt = counts[i]!;
    const base = k * stride;
    const v = (sub ? 1 + Math.log(cnt) : cnt) * idf[k]!;
    norm += v * v;
    for (let c = 0; c < C; c++) z[c]! += q[base + c]! * v;
    if (nb) for (let c = 0; c < C; c++) zn[c]! += q[base + C + c]!;
  }
  const inv = 1 / (Math.sqrt(norm) || 1);
  for (let c = 0; c < C; c++) z[c]! *= inv;
  for (let i = T; i < acc.n; i++) {
    const base = touched[i]! * stride;
    for (let c = 0; c < C; c++) z[c]! += q[base + c]! * block!;
    if (nb) for (let c = 0; c < C; c++) zn[c]! += q[base + C + c]!;
  }
  const n = acc.n;
  acc.reset();
  const b = m.weights.b;
  for (let c = 0; c < C; c++) z[c] = z[c]! * scale + b[c]!;
  if (nb) for (let c = 0; c < C; c++) z[c]! += nb.beta * (nb.prior[c]! + n * nb.base[c]! + zn[c]! * nb.scale);
  return z;
}

export function predict(m: ClassifierModel, t: FeatureTicket, topK = 3): Prediction {
  const p = m.features.hashed
    ? softmaxT(hashedLogits(m, t), m.temperature)
    : predictVec(m.weights, vectorize(rawFeatures(t, m.features), m.features, m.idf), m.temperature);
  const C = p.length;
  const k = Math.min(topK, C);
  const top: { label: string; confidence: number }[] = [];
  const taken: number[] = [];
  for (let r = 0; r < k; r++) {
    let best = -1;
    for (let c = 0; c < C; c++) if (!taken.includes(c) && (best < 0 || p[c]! > p[best]!)) best = c;
    taken.push(best);
    top.push({ label: m.classes[best]!, confidence: Math.round(p[best]! * 10000) / 10000 });
  }
  const out: Prediction = { label: top[0]!.label, confidence: top[0]!.confidence, top };
  if (out.confidence < m.threshold) out.not_sure = true;
  return out;
}

/** Evaluates a model on the labelled tickets of a set. */
export function evaluateModel(m: ClassifierModel, tickets: TifTicket[]): EvalResult {
  const data = labelled(tickets, m.label);
  const preds = data.map((t) => predict(m, t, 1));
  const r = evaluatePairs(
    data.map((t) => t.labels![m.label]!.trim()),
    preds.map((p) => p.label),
  );
  const sure = preds.map((p, i) => [p, data[i]!] as const).filter(([p]) => !p.not_sure);
  r.not_sure_rate = Math.round((1 - sure.length / Math.max(1, preds.length)) * 10000) / 10000;
  r.accuracy_when_sure = sure.length
    ? Math.round((sure.filter(([p, t]) => p.label === t.labels![m.label]!.trim()).length / sure.length) * 10000) / 10000
    : 0;
  return r;
}
