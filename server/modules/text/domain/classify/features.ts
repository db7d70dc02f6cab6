/**
 * Hashed sparse features for any TIF ticket: word n-grams (jieba / English words), character n-grams and a few
 * structured tokens (respondent, channel). Hashing keeps memory fixed whatever the bureau's vocabulary and lets the
 * same code serve Chinese, English and mixed text.
 */
import type { TifTicket } from '../../../../../shared/tif.js';
import { normalize } from '../normalize.js';
import { tokenize } from '../tokenize.js';

export interface FeatureConfig {
  bits: number;
  /** word n-gram range, e.g. [1, 2]; [0, 0] for none */
  word: [number, number];
  /** char n-gram range, e.g. [1, 3]; [0, 0] for none */
  char: [number, number];
  /** 1 + log(tf) instead of tf */
  sublinear: boolean;
  /** add respondent name and channel tokens */
  meta: boolean;
}

export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

/** The text a classifier reads: title then text. */
export function ticketText(t: Pick<TifTicket, 'title' | 'text'>): string {
  const title = t.title ?? '';
  const text = t.text ?? '';
  return title && text ? `${title}。${text}` : title || text;
}

function strHash(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const MAX_CLASSIFY_CHARS = 4000; // long narratives: the head carries the category; bounds cost per ticket

/** Raw term counts (hashed) for one ticket, before IDF weighting. */
export function rawFeatures(t: Pick<TifTicket, 'title' | 'text' | 'respondent' | 'channel'>, cfg: FeatureConfig): Map<number, number> {
  const mask = (1 << cfg.bits) - 1;
  const counts = new Map<number, number>();
  const add = (h: number) => {
    const k = h & mask;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  const text = ticketText(t).slice(0, MAX_CLASSIFY_CHARS);
  if (cfg.word[1] > 0) {
    const words = tokenize(text);
    const wh = words.map((w) => strHash(w, 0x811c9dc5));
    for (let n = cfg.word[0]; n <= cfg.word[1]; n++) {
      for (let i = 0; i + n <= wh.length; i++) {
        let h = 0x1234567 + n;
        for (let j = 0; j < n; j++) h = Math.imul(h ^ wh[i + j]!, 0x01000193);
        add(h >>> 0);
      }
    }
  }
  if (cfg.char[1] > 0) {
    const s = normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ');
    const L = s.length;
    for (let i = 0; i < L; i++) {
      let h = 0x2468ace;
      for (let n = 1; n <= cfg.char[1] && i + n <= L; n++) {
        const c = s.charCodeAt(i + n - 1);
        if (c === 0x20 && n > 1) break; // n-grams do not cross word/punctuation boundaries beyond a leading space
        h = Math.imul(h ^ c, 0x01000193);
        if (n >= cfg.char[0] && !(n === 1 && c === 0x20)) add(Math.imul(h ^ n, 0x9e3779b1) >>> 0);
      }
    }
  }
  if (cfg.meta) {
    const r = t.respondent?.name ? normalize(t.respondent.name) : '';
    if (r) add(strHash(`R:${r}`, 0xabcdef));
    if (t.channel) add(strHash(`C:${normalize(t.channel)}`, 0xabcdef));
  }
  return counts;
}

/** TF(-IDF) weighted, L2-normalised sparse vector. `idf` may be undefined (plain TF). */
export function vectorize(counts: Map<number, number>, cfg: FeatureConfig, idf?: Float32Array): SparseVec {
  const n = counts.size;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let i = 0;
  let norm = 0;
  for (const [k, c] of counts) {
    const tf = cfg.sublinear ? 1 + Math.log(c) : c;
    const v = tf * (idf ? idf[k]! || 1 : 1);
    idx[i] = k;
    val[i] = v;
    norm += v * v;
    i++;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < n; j++) val[j]! /= norm;
  return { idx, val };
}

/** Smoothed IDF as scikit-learn: ln((1+N)/(1+df)) + 1. Buckets never seen keep 0 (they carry no weight). */
export function fitIdf(docs: Map<number, number>[], bits: number): Float32Array {
  const df = new Uint32Array(1 << bits);
  for (const d of docs) for (const k of d.keys()) df[k]!++;
  const N = docs.length;
  const idf = new Float32Array(1 << bits);
  for (let k = 0; k < idf.length; k++) if (df[k]) idf[k] = Math.log((1 + N) / (1 + df[k]!)) + 1;
  return idf;
}
