/**
 * Character-level span tagger for pre-fill: an averaged perceptron over hashed character n-gram features, BIO tags,
 * greedy left-to-right decoding with the previous tag as a feature (Collins 2002). It learns from the bureau's
 * history by distant supervision (distant.ts): business names, products and amounts that officers confirmed are
 * found back in the text and become span labels. Small and fast (a few hundred thousand weights, one pass per text).
 */

export const TAGS = ['O', 'B-BIZ', 'I-BIZ', 'B-PRD', 'I-PRD'] as const;
export type SpanKind = 'BIZ' | 'PRD';
export const TAGGER_FORMAT = 'xiezhi-prefill-tagger/1';
const T = TAGS.length;

export interface TaggerModel {
  format: typeof TAGGER_FORMAT;
  bits: number;
  /** T weights per hashed feature */
  w: Float32Array;
  trained_on: Record<string, number>;
  created_at: string;
  metrics?: Record<string, unknown>;
}

export interface TaggedExample {
  /** normalised text (normalizeKeepOffsets + ASCII lower case) */
  text: string;
  spans: { start: number; end: number; kind: SpanKind }[];
  /** optional per-position hint: 1 begins, 2 continues a lexicon/registry name */
  hint?: Uint8Array;
}

export interface TaggedSpan {
  kind: SpanKind;
  start: number;
  end: number;
  /** mean score margin of the span's tags over the best other tag */
  margin: number;
}

function ctype(c: number): number {
  if (c < 0) return 0;
  if (c >= 0x4e00 && c <= 0x9fff) return 1;
  if (c >= 48 && c <= 57) return 2;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 3;
  if (c === 32) return 4;
  return 5;
}

const mix = (h: number, v: number) => Math.imul(h ^ v, 0x9e3779b1) >>> 0;
const M = 0x7fffffff;

const PAD = 4;

/** Feature hashes for position i of a text padded with PAD boundary codes (-1) on both sides. */
function features(codes: Int32Array, i: number, hint: Uint8Array | undefined, mask: number, out: Int32Array): number {
  const j = i + PAD;
  const c0 = codes[j]!,
    p1 = codes[j - 1]!,
    p2 = codes[j - 2]!,
    p3 = codes[j - 3]!,
    n1 = codes[j + 1]!,
    n2 = codes[j + 2]!,
    n3 = codes[j + 3]!,
    n4 = codes[j + 4]!;
  out[0] = 1;
  out[1] = mix(mix(1, c0), 7) & mask;
  out[2] = mix(mix(2, p1), 7) & mask;
  out[3] = mix(mix(3, n1), 7) & mask;
  out[4] = mix(mix(4, p2), 7) & mask;
  out[5] = mix(mix(5, n2), 7) & mask;
  out[6] = mix(mix(mix(6, p1), c0), 7) & mask;
  out[7] = mix(mix(mix(7, c0), n1), 7) & mask;
  out[8] = mix(mix(mix(8, p2), p1), 7) & mask;
  out[9] = mix(mix(mix(9, n1), n2), 7) & mask;
  out[10] = mix(mix(10, ctype(p1) * 36 + ctype(c0) * 6 + ctype(n1)), 7) & mask;
  out[11] = mix(mix(mix(mix(11, p1), c0), n1), 7) & mask;
  out[12] = mix(mix(12, hint ? hint[i]! : 0), 7) & mask;
  // wider right context: a name is often recognised by what follows it (…售后, …家居, …设计师, …变速箱)
  out[13] = mix(mix(mix(14, n2), n3), 7) & mask;
  out[14] = mix(mix(mix(15, n3), n4), 7) & mask;
  out[15] = mix(mix(mix(16, p3), p2), 7) & mask;
  return NF;
}
const NF = 16;

function prevFeature(prev: number, mask: number): number {
  return mix(mix(13, prev), 7) & mask;
}

function allowed(prev: number, t: number): boolean {
  if (t === 2) return prev === 1 || prev === 2;
  if (t === 4) return prev === 3 || prev === 4;
  return true;
}

function codesOf(s: string): Int32Array {
  const a = new Int32Array(s.length + 2 * PAD).fill(-1);
  for (let i = 0; i < s.length; i++) a[i + PAD] = s.charCodeAt(i);
  return a;
}

function gold(e: TaggedExample): Uint8Array {
  const y = new Uint8Array(e.text.length);
  for (const sp of e.spans) {
    const b = sp.kind === 'BIZ' ? 1 : 3;
    for (let i = sp.start; i < sp.end && i < y.length; i++) y[i] = i === sp.start ? b : b + 1;
  }
  return y;
}

// the decoder's scratch: the codes of the text being tagged (grown as needed), and per model the offsets of the
// previous-tag features (a model is not changed once trained or loaded)
let scratch = new Int32Array(256);
const prevBases = new WeakMap<TaggerModel, Int32Array>();

/** The weights as small codes into a table of their distinct values: an averaged perceptron trained on a few thousand
 * texts has a few hundred distinct weights, so one byte per weight (a table a quarter the size, which stays in the
 * CPU's cache; the decoder's time was the cache misses on the float table). The values are the model's own float32
 * weights, held as doubles, so every sum is bit-for-bit the sum over `w`. */
interface Coded {
  codes: Uint8Array | Uint16Array | Uint32Array;
  values: Float64Array;
}
const codedWeights = new WeakMap<TaggerModel, Coded>();
function coded(m: TaggerModel): Coded {
  let c = codedWeights.get(m);
  if (c) return c;
  const index = new Map<number, number>();
  for (const v of m.w) if (!index.has(v)) index.set(v, index.size);
  if (index.size > 65536) c = { codes: Uint32Array.from(m.w, (_, k) => k), values: Float64Array.from(m.w) };
  else {
    const codes = index.size <= 256 ? new Uint8Array(m.w.length) : new Uint16Array(m.w.length);
    for (let k = 0; k < m.w.length; k++) codes[k] = index.get(m.w[k]!)!;
    c = { codes, values: Float64Array.from(index.keys()) };
  }
  codedWeights.set(m, c);
  return c;
}
const K = 0x9e3779b1;

/** Decodes one text: the spans, each with its mean margin (a score, calibrated by the caller). The features, weights
 * and order of summation are those of `features` (training), written out inline: this loop is the largest share of
 * pre-fill's time, and the call, the feature array and `mix`'s `>>> 0` cost more than the arithmetic. The hash bits are
 * the same: `& mask` keeps low bits only, and `^` and `Math.imul` read their operands as int32 either way. */
export function tagSpans(m: TaggerModel, text: string, hint?: Uint8Array): TaggedSpan[] {
  const mask = (1 << m.bits) - 1;
  const { codes: wc, values: wv } = coded(m);
  const n = text.length;
  if (scratch.length < n + 2 * PAD) scratch = new Int32Array(2 * (n + 2 * PAD));
  const codes = scratch;
  for (let k = 0; k < PAD; k++) {
    codes[k] = -1;
    codes[n + PAD + k] = -1;
  }
  for (let i = 0; i < n; i++) codes[i + PAD] = text.charCodeAt(i);
  let pf = prevBases.get(m);
  if (!pf) prevBases.set(m, (pf = Int32Array.from(TAGS, (_, t) => prevFeature(t, mask) * T)));
  const noHint = (Math.imul(Math.imul(12 ^ 0, K) ^ 7, K) & mask) * T;
  const out: TaggedSpan[] = [];
  let prev = 0;
  let curKind: SpanKind = 'BIZ';
  let curStart = -1;
  let curEnd = 0;
  let marginSum = 0;
  // a window of codes around position i, slid by one each step
  let p3 = -1,
    p2 = -1,
    p1 = -1,
    c0 = -1,
    n1 = codes[PAD]!,
    n2 = codes[PAD + 1]!,
    n3 = codes[PAD + 2]!,
    n4 = codes[PAD + 3]!;
  for (let i = 0; i < n; i++) {
    p3 = p2;
    p2 = p1;
    p1 = c0;
    c0 = n1;
    n1 = n2;
    n2 = n3;
    n3 = n4;
    n4 = codes[i + PAD + 4]!;
    const pb = pf[prev]!;
    let s0 = wv[wc[pb]!]!,
      s1 = wv[wc[pb + 1]!]!,
      s2 = wv[wc[pb + 2]!]!,
      s3 = wv[wc[pb + 3]!]!,
      s4 = wv[wc[pb + 4]!]!;
    let b: number = T; // f[0]: the bias, feature 1
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(1 ^ c0, K) ^ 7, K) & mask) * T; // f[1]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(2 ^ p1, K) ^ 7, K) & mask) * T; // f[2]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(3 ^ n1, K) ^ 7, K) & mask) * T; // f[3]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(4 ^ p2, K) ^ 7, K) & mask) * T; // f[4]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(5 ^ n2, K) ^ 7, K) & mask) * T; // f[5]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(6 ^ p1, K) ^ c0, K) ^ 7, K) & mask) * T; // f[6]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(7 ^ c0, K) ^ n1, K) ^ 7, K) & mask) * T; // f[7]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(8 ^ p2, K) ^ p1, K) ^ 7, K) & mask) * T; // f[8]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(9 ^ n1, K) ^ n2, K) ^ 7, K) & mask) * T; // f[9]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(10 ^ (ctype(p1) * 36 + ctype(c0) * 6 + ctype(n1)), K) ^ 7, K) & mask) * T; // f[10]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(Math.imul(11 ^ p1, K) ^ c0, K) ^ n1, K) ^ 7, K) & mask) * T; // f[11]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = hint ? (Math.imul(Math.imul(12 ^ hint[i]!, K) ^ 7, K) & mask) * T : noHint; // f[12]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(14 ^ n2, K) ^ n3, K) ^ 7, K) & mask) * T; // f[13]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(15 ^ n3, K) ^ n4, K) ^ 7, K) & mask) * T; // f[14]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    b = (Math.imul(Math.imul(Math.imul(16 ^ p3, K) ^ p2, K) ^ 7, K) & mask) * T; // f[15]
    s0 += wv[wc[b]!]!;
    s1 += wv[wc[b + 1]!]!;
    s2 += wv[wc[b + 2]!]!;
    s3 += wv[wc[b + 3]!]!;
    s4 += wv[wc[b + 4]!]!;
    // I-X only continues B-X/I-X (no allocation here: this loop runs once per character)
    if (prev !== 1 && prev !== 2) s2 = -Infinity;
    if (prev !== 3 && prev !== 4) s4 = -Infinity;
    let best = 0,
      bestS = s0,
      second = -Infinity;
    if (s1 > bestS) {
      second = bestS;
      bestS = s1;
      best = 1;
    } else if (s1 > second) second = s1;
    if (s2 > bestS) {
      second = bestS;
      bestS = s2;
      best = 2;
    } else if (s2 > second) second = s2;
    if (s3 > bestS) {
      second = bestS;
      bestS = s3;
      best = 3;
    } else if (s3 > second) second = s3;
    if (s4 > bestS) {
      second = bestS;
      bestS = s4;
      best = 4;
    } else if (s4 > second) second = s4;
    const margin = bestS - second;
    if (best === 1 || best === 3) {
      if (curStart >= 0)
        out.push({ kind: curKind, start: curStart, end: curEnd, margin: marginSum / (curEnd - curStart) });
      curKind = best === 1 ? 'BIZ' : 'PRD';
      curStart = i;
      curEnd = i + 1;
      marginSum = margin;
    } else if ((best === 2 || best === 4) && curStart >= 0) {
      curEnd = i + 1;
      marginSum += margin;
    } else if (curStart >= 0) {
      out.push({ kind: curKind, start: curStart, end: curEnd, margin: marginSum / (curEnd - curStart) });
      curStart = -1;
    }
    prev = best;
  }
  if (curStart >= 0) out.push({ kind: curKind, start: curStart, end: curEnd, margin: marginSum / (curEnd - curStart) });
  return out;
}

export interface TrainTaggerOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  trained_on?: Record<string, number>;
  /** share of examples shown without their lexicon/registry hints in each epoch, so that the tagger also learns names
   * from their context and finds businesses no list knows yet (default 0.5) */
  hintDropout?: number;
}

/** Averaged perceptron training (weights averaged over every update step, the usual lazy trick). */
export function trainTagger(data: readonly TaggedExample[], o: TrainTaggerOptions = {}): TaggerModel {
  const bits = o.bits ?? 16;
  const mask = (1 << bits) - 1;
  const size = (mask + 1) * T;
  const w = new Float32Array(size);
  const u = new Float32Array(size); // sum of step × update, for averaging
  let step = 1;
  const order = data.map((_, i) => i);
  let rnd = o.seed ?? 1;
  const rand = () => (rnd = (Math.imul(rnd, 1103515245) + 12345) & M) / M;
  const f = new Int32Array(NF);
  const sc = new Float32Array(T);
  const prepared = data.map((e) => ({ codes: codesOf(e.text), y: gold(e), hint: e.hint }));
  for (let ep = 0; ep < (o.epochs ?? 6); ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const drop = o.hintDropout ?? 0.5;
    for (const idx of order) {
      const ex = prepared[idx]!;
      const { codes, y } = ex;
      const hint = ex.hint && rand() >= drop ? ex.hint : undefined;
      let prevPred = 0;
      let prevGold = 0;
      for (let i = 0; i < y.length; i++) {
        const nf = features(codes, i, hint, mask, f);
        sc.fill(0);
        for (let j = 0; j < nf; j++) {
          const base = f[j]! * T;
          for (let t = 0; t < T; t++) sc[t]! += w[base + t]!;
        }
        const pbPred = prevFeature(prevPred, mask) * T;
        let best = 0,
          bestS = -Infinity;
        for (let t = 0; t < T; t++) {
          if (!allowed(prevPred, t)) continue;
          const v = sc[t]! + w[pbPred + t]!;
          if (v > bestS) {
            bestS = v;
            best = t;
          }
        }
        const g = y[i]!;
        if (best !== g || prevPred !== prevGold) {
          const upd = (base: number, t: number, d: number) => {
            w[base + t]! += d;
            u[base + t]! += step * d;
          };
          for (let j = 0; j < nf; j++) {
            const base = f[j]! * T;
            upd(base, g, 1);
            upd(base, best, -1);
          }
          upd(prevFeature(prevGold, mask) * T, g, 1);
          upd(pbPred, best, -1);
        }
        step++;
        // teacher forcing on the gold history keeps training stable on long texts
        prevPred = g;
        prevGold = g;
      }
    }
  }
  const avg = new Float32Array(size);
  for (let k = 0; k < size; k++) avg[k] = w[k]! - u[k]! / step;
  return { format: TAGGER_FORMAT, bits, w: avg, trained_on: o.trained_on ?? {}, created_at: new Date().toISOString() };
}
