/**
 * Hashed sparse features for any TIF ticket: word n-grams (jieba / English words), character n-grams and a few
 * structured tokens (respondent, channel). Hashing keeps memory fixed whatever the bureau's vocabulary and lets the
 * same code serve Chinese, English and mixed text.
 */
import type { TifTicket } from '../../../../../shared/tif.js';
import { normalize } from '../normalize.js';
import { tokenize } from '../tokenize.js';
import { HashAcc, hashText, hashToken, hashWords } from './hashed.js';
import { getJieba } from '../tokenize.js';

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
  /** format 2: table-driven n-gram hashing over code units (hashed.ts) instead of the string-based extractor */
  hashed?: boolean;
  /** with `hashed`: Latin word n-grams (0 none, 1 words, 2 words + bigrams) */
  latin?: number;
  /** with `hashed`: one token per whole non-ASCII run (a Chinese clause) */
  runs?: boolean;
  /** with `hashed`: char n-grams at run edges, the edge as a marker */
  edges?: boolean;
  /**
   * format 3: structured fields as their own block, each token with this weight next to the L2-normalised text
   * (so a company or channel keeps its strength whatever the text length, and a row with no text still has
   * features): respondent, channel, respondent × channel, year received; the respondent's name is also read as text.
   */
  metaBlock?: number;
}

export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
  /** format 3: entries from `text` on are structured tokens (weighted apart from the text block) */
  text?: number;
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

let scratch = new Float32Array(0);

export type FeatureTicket = Pick<TifTicket, 'title' | 'text' | 'respondent' | 'channel'> & { received_at?: string };

const accs = new Map<number, HashAcc>();
const buf = new Uint16Array(MAX_CLASSIFY_CHARS + 2);
const wordBuf = new Int32Array(MAX_CLASSIFY_CHARS);
const segment = (s: string) => getJieba().cut(s, false);

/** Hashed counts of one ticket into the shared accumulator for `cfg.bits` (format-2 configs). The caller reads
 * `acc.touched[0..n)` / `acc.cnt[0..n)` and must call `acc.reset()`. */
export function hashedCounts(t: FeatureTicket, cfg: FeatureConfig): HashAcc {
  let acc = accs.get(cfg.bits);
  if (!acc) accs.set(cfg.bits, (acc = new HashAcc(cfg.bits)));
  const title = t.title ?? '';
  const text = t.text ?? '';
  let s = title && text ? `${title}。${text}` : title || text;
  const block = cfg.metaBlock !== undefined;
  const resp = t.respondent?.name;
  if (block && resp) s = s ? `${s}。${resp}` : resp;
  const L = hashText(
    s,
    { bits: cfg.bits, char: cfg.char, latinWords: cfg.latin ?? 0, runs: cfg.runs, edges: cfg.edges },
    acc,
    buf,
  );
  if (cfg.word[1] > 0) hashWords(buf, L, cfg.word, segment, acc, wordBuf);
  acc.textEnd = acc.n;
  if (cfg.meta) {
    const r = resp ? hashToken(resp, 0xabcdef) : 0;
    const c = t.channel ? hashToken(t.channel, 0xfedcba) : 0;
    if (r) acc.add(r);
    if (c) acc.add(c);
    if (block) {
      if (r && c) acc.add(Math.imul(r ^ 0x2545f491, 0x01000193) ^ c);
      const y = t.received_at?.slice(0, 4);
      if (y && /^\d{4}$/.test(y)) acc.add(hashToken(`Y${y}`, 0x13579b));
    }
  }
  return acc;
}

/** Raw term counts (hashed) for one ticket, before IDF weighting: sparse, idx ascending not guaranteed. */
export function rawFeatures(t: FeatureTicket, cfg: FeatureConfig): SparseVec {
  if (cfg.hashed) {
    const acc = hashedCounts(t, cfg);
    const idx = acc.touched.slice(0, acc.n);
    const val = new Float32Array(acc.n);
    val.set(acc.cnt.subarray(0, acc.n));
    const text = acc.textEnd;
    acc.reset();
    return cfg.metaBlock !== undefined ? { idx, val, text } : { idx, val };
  }
  const mask = (1 << cfg.bits) - 1;
  if (scratch.length !== 1 << cfg.bits) scratch = new Float32Array(1 << cfg.bits);
  const acc = scratch;
  const touched: number[] = [];
  const add = (h: number) => {
    const k = h & mask;
    if (acc[k] === 0) touched.push(k);
    acc[k]! += 1;
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
    const s = normalize(text);
    const L = s.length;
    let prevSep = true;
    for (let i = 0; i < L; i++) {
      const c0 = s.charCodeAt(i);
      const sep0 = isSep(c0);
      if (sep0 && prevSep) continue;
      prevSep = sep0;
      let h = 0x2468ace;
      for (let n = 1; n <= cfg.char[1] && i + n <= L; n++) {
        let c = s.charCodeAt(i + n - 1);
        if (isSep(c)) {
          if (n > 1) break; // n-grams may start at a boundary but do not cross one
          c = 0x20;
        }
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
  const idx = Int32Array.from(touched);
  const val = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    val[i] = acc[idx[i]!]!;
    acc[idx[i]!] = 0;
  }
  return { idx, val };
}

/** Separators for char n-grams: anything that is not a letter, digit or CJK character (cheap ASCII/CJK test first). */
function isSep(c: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return false;
  if (c < 0x80) return true;
  return !/[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** TF(-IDF) weighted, L2-normalised sparse vector. `idf` may be undefined (plain TF). */
export function vectorize(counts: SparseVec, cfg: FeatureConfig, idf?: Float32Array): SparseVec {
  const n = counts.idx.length;
  const idx = counts.idx;
  const val = new Float32Array(n);
  const T = counts.text ?? n;
  let norm = 0;
  for (let i = 0; i < T; i++) {
    const c = counts.val[i]!;
    const tf = cfg.sublinear ? 1 + Math.log(c) : c;
    const v = tf * (idf ? idf[idx[i]!]! || 1 : 1);
    val[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < T; j++) val[j]! /= norm;
  for (let j = T; j < n; j++) val[j] = cfg.metaBlock!; // structured tokens: present or not, one weight
  return counts.text === undefined ? { idx, val } : { idx, val, text: T };
}

/** Smoothed IDF as scikit-learn: ln((1+N)/(1+df)) + 1. Buckets never seen keep 0 (they carry no weight). */
export function fitIdf(docs: SparseVec[], bits: number): Float32Array {
  const df = new Uint32Array(1 << bits);
  for (const d of docs) for (const k of d.idx) df[k]!++;
  const N = docs.length;
  const idf = new Float32Array(1 << bits);
  for (let k = 0; k < idf.length; k++) if (df[k]) idf[k] = Math.log((1 + N) / (1 + df[k]!)) + 1;
  return idf;
}
