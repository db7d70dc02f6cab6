/**
 * Fast hashed n-gram extraction for the classifier, with no intermediate strings: each UTF-16 unit is mapped through
 * one precomputed table (half-width, lower case, traditional → simplified, 0 for separators) and n-gram hashes are
 * built incrementally over code units. Counts go into a reusable scratch accumulator sized to the hash space, so the
 * per-ticket cost is a pass over the text plus the touched buckets.
 *
 * Features: character n-grams within runs of letters/digits/CJK (so Chinese needs no segmenter and English gets
 * sub-word pieces), Latin words and word bigrams (runs of ASCII letters/digits), and optional structured tokens.
 */
import { toSimplified } from '../normalize.js';

let CANON: Uint16Array | undefined;
/** code unit → canonical code unit, 0 = separator (punctuation, spaces, symbols, emoji halves, controls). */
function canon(): Uint16Array {
  if (CANON) return CANON;
  const t = new Uint16Array(65536);
  const word = /^[\p{L}\p{N}]$/u;
  for (let u = 0; u < 65536; u++) {
    if (u >= 0xd800 && u <= 0xdfff) continue;
    let c = u;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full width → half width
    if (c >= 0x41 && c <= 0x5a) c += 32;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      // ASCII word char
    } else if (c >= 0x4e00 && c <= 0x9fff) c = toSimplified(c);
    else if (c < 0x80) c = 0;
    else {
      const ch = String.fromCharCode(c);
      if (!word.test(ch)) c = 0;
      else {
        const lo = ch.toLowerCase();
        if (lo.length === 1) c = lo.charCodeAt(0);
      }
    }
    t[u] = c;
  }
  return (CANON = t);
}

export interface HashedConfig {
  bits: number;
  /** char n-gram range within letter/digit/CJK runs */
  char: [number, number];
  /** Latin word n-grams (ASCII letter/digit runs): 0 none, 1 words, 2 words + bigrams */
  latinWords: number;
  /** also one token per whole run that holds a non-ASCII letter (a Chinese clause between punctuation: what
   * scikit-learn's default word analyzer yields on Chinese) */
  runs?: boolean;
  /** char n-grams may begin or end at a run's edge (the edge as a marker, as scikit-learn's char_wb pads words) */
  edges?: boolean;
}

/**
 * Accumulates hashed counts: `touched[i]` is the i-th distinct bucket seen, `cnt[i]` its count. Reused across tickets
 * (no per-ticket arrays). The bucket → entry map is a small open-addressing table (16 KB for a short text, so it
 * stays in L1) rather than a count array over the whole 2^bits space, whose random writes missed the cache.
 */
export class HashAcc {
  touched: Int32Array;
  cnt: Float32Array;
  n = 0;
  /** entries before this index come from the text; after it, structured tokens (format 3) */
  textEnd = 0;
  readonly mask: number;
  /** slot → entry index + 1 (0 = empty) */
  private slots: Int32Array;
  private smask: number;
  constructor(readonly bits: number) {
    this.mask = (1 << bits) - 1;
    this.touched = new Int32Array(1024);
    this.cnt = new Float32Array(1024);
    this.slots = new Int32Array(4096);
    this.smask = 4095;
  }
  add(h: number): void {
    const k = h & this.mask;
    const slots = this.slots;
    const sm = this.smask;
    let s = k & sm;
    for (;;) {
      const e = slots[s]!;
      if (e === 0) break;
      if (this.touched[e - 1] === k) {
        this.cnt[e - 1]! += 1;
        return;
      }
      s = (s + 1) & sm;
    }
    if (this.n === this.touched.length) {
      const t = new Int32Array(this.n * 2);
      t.set(this.touched);
      this.touched = t;
      const c = new Float32Array(this.n * 2);
      c.set(this.cnt);
      this.cnt = c;
    }
    this.touched[this.n] = k;
    this.cnt[this.n] = 1;
    slots[s] = ++this.n;
    if (this.n * 2 > sm) this.grow();
  }
  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.smask = size - 1;
    this.rehash();
  }
  private rehash(): void {
    const slots = this.slots;
    const sm = this.smask;
    for (let i = 0; i < this.n; i++) {
      let s = this.touched[i]! & sm;
      while (slots[s] !== 0) s = (s + 1) & sm;
      slots[s] = i + 1;
    }
  }
  /** Clears the entries (call after reading them). */
  reset(): void {
    const slots = this.slots;
    const sm = this.smask;
    for (let i = 0; i < this.n; i++) {
      let s = this.touched[i]! & sm;
      while (slots[s] !== i + 1) s = (s + 1) & sm;
      slots[s] = 0;
    }
    this.n = 0;
    this.textEnd = 0;
  }
}

const P = 0x01000193;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Adds the hashed n-grams of `s` (already title + text, any length) to `acc`. Returns the length of the canonical
 * form left in `buf` (runs separated by one 0). */
export function hashText(s: string, cfg: HashedConfig, acc: HashAcc, buf: Uint16Array): number {
  const T = canon();
  const [minN, maxN] = cfg.char;
  // map into buf, runs separated by a single 0
  let L = 0;
  let prev0 = true;
  const lim = Math.min(s.length, buf.length - 1);
  for (let i = 0; i < lim; i++) {
    const c = T[s.charCodeAt(i)]!;
    if (c === 0) {
      if (prev0) continue;
      prev0 = true;
    } else prev0 = false;
    buf[L++] = c;
  }
  if (maxN > 1 && cfg.edges) {
    // n-grams that start or end at an edge: marker + first chars, last chars + marker (a clause that starts with 不,
    // ends with 了 …); the n-grams inside the run are added below as before
    for (let i = -1; i < L; i++) {
      const c0 = i < 0 ? 0 : buf[i]!;
      let h = Math.imul(0x2468ace ^ c0, P);
      for (let n = 2; n <= maxN; n++) {
        const j = i + n - 1;
        const c = j < L ? buf[j]! : 0;
        h = Math.imul(h ^ c, P);
        if (c === 0) {
          if (c0 !== 0 && n >= minN) acc.add(mix(h ^ n)); // ends at the edge
          break;
        }
        if (c0 === 0 && n >= minN) acc.add(mix(h ^ n)); // starts at the edge
      }
    }
  }
  if (maxN > 0) {
    for (let i = 0; i < L; i++) {
      if (buf[i] === 0) continue;
      let h = 0x2468ace;
      for (let n = 1; n <= maxN && i + n <= L; n++) {
        const c = buf[i + n - 1]!;
        if (c === 0) break;
        h = Math.imul(h ^ c, P);
        if (n >= minN) acc.add(mix(h ^ n));
      }
    }
  }
  if (cfg.runs) {
    let h = 0x7f4a7c15;
    let wide = false;
    let len = 0;
    for (let i = 0; i <= L; i++) {
      const c = i < L ? buf[i]! : 0;
      if (c === 0) {
        if (wide && len > 1) acc.add(mix(h ^ 0x68e31da4));
        h = 0x7f4a7c15;
        wide = false;
        len = 0;
        continue;
      }
      h = Math.imul(h ^ c, P);
      len++;
      if (c >= 0x80) wide = true;
    }
  }
  if (cfg.latinWords > 0) {
    let prevWord = 0;
    let i = 0;
    while (i < L) {
      const c = buf[i]!;
      const ascii = c !== 0 && c < 0x80;
      if (!ascii) {
        if (c === 0 || c >= 0x80) prevWord = c === 0 ? prevWord : 0; // CJK between words breaks the bigram
        i++;
        continue;
      }
      let h = 0x13579bd;
      let j = i;
      while (j < L && buf[j]! !== 0 && buf[j]! < 0x80) h = Math.imul(h ^ buf[j++]!, P);
      const len = j - i;
      // single letters and long digit strings (ids, phones) say little about the category
      const allDigits = isDigits(buf, i, j);
      if (len > 1 && !(allDigits && len > 4)) {
        const w = mix(h) | 0;
        acc.add(mix(w ^ 0x5bd1e995));
        if (cfg.latinWords > 1 && prevWord !== 0) acc.add(mix(Math.imul(prevWord ^ 0x27d4eb2d, P) ^ w));
        prevWord = w || 1;
      }
      i = j;
    }
  }
  return L;
}

/** Segmenter: canonical string in, words out (jieba's `cut`). */
export type Segmenter = (s: string) => string[];

/**
 * Word n-grams from a segmenter run over the canonical form already in `buf` (no second normalisation pass).
 * Separator tokens are skipped; word hashes are built over code units.
 */
export function hashWords(
  buf: Uint16Array,
  L: number,
  range: [number, number],
  seg: Segmenter,
  acc: HashAcc,
  wh: Int32Array,
): void {
  if (L === 0) return;
  let str = '';
  for (let i = 0; i < L; i += 4096)
    str += String.fromCharCode.apply(null, buf.subarray(i, Math.min(L, i + 4096)) as unknown as number[]);
  str = str.replace(/\0/g, ' ');
  let n = 0;
  for (const tok of seg(str)) {
    if (n === wh.length) break;
    const c0 = tok.charCodeAt(0);
    if (c0 === 0x20) continue;
    let h = 0x811c9dc5;
    for (let i = 0; i < tok.length; i++) h = Math.imul(h ^ tok.charCodeAt(i), P);
    wh[n++] = h;
  }
  for (let g = range[0]; g <= range[1]; g++) {
    for (let i = 0; i + g <= n; i++) {
      let h = 0x1234567 + g;
      for (let j = 0; j < g; j++) h = Math.imul(h ^ wh[i + j]!, P);
      acc.add(mix(h));
    }
  }
}

function isDigits(b: Uint16Array, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (b[k]! < 0x30 || b[k]! > 0x39) return false;
  return true;
}

/** Hash of a structured token (respondent name, channel): a string hash kept apart from the n-gram space by salt. */
export function hashToken(s: string, salt: number): number {
  let h = salt >>> 0;
  const T = canon();
  for (let i = 0; i < s.length; i++) {
    const c = T[s.charCodeAt(i)]!;
    if (c) h = Math.imul(h ^ c, P);
  }
  return mix(h);
}
