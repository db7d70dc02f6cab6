/**
 * Character shingles for near-duplicate detection. Chinese has no spaces, and templated complaints differ in names,
 * products, dates and amounts: so we shingle characters (3-grams) after normalising, masking and folding digits,
 * which makes "2026年3月5日 购买 120元" and "2026年4月1日 购买 98元" identical. Hashes are 32-bit.
 */
import { foldDigits, maskPlaceholders, normalize } from './normalize.js';

/** Text → compact analysis string for shingling (letters, digits folded to 0, CJK; no punctuation or spaces). */
export function shingleText(text: string | null | undefined): string {
  if (!text) return '';
  return foldDigits(maskPlaceholders(normalize(text))).replace(/[^\p{L}\p{N}▢]+/gu, '');
}

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Distinct hashed k-shingles (k=3 default) of an already-prepared string. Texts shorter than k give one shingle. */
export function shingleHashes(s: string, k = 3): Uint32Array {
  const n = s.length;
  if (n === 0) return new Uint32Array(0);
  if (n < k) {
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return Uint32Array.of(fmix32(h));
  }
  const out = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ s.charCodeAt(i + j), 0x01000193);
    out[i] = fmix32(h);
  }
  out.sort();
  // dedupe in place
  let m = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[m - 1]) out[m++] = out[i]!;
  return out.subarray(0, m);
}

/** Exact Jaccard of two sorted distinct hash arrays. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Jaccard similarity of two texts on character 3-shingles (normalised, digits folded). */
export function textJaccard(a: string, b: string): number {
  return jaccardSorted(shingleHashes(shingleText(a)), shingleHashes(shingleText(b)));
}

/** MinHash signatures with K permutations of the form (a·x + b) mod 2^32 over fmix32'd shingle hashes. */
export class MinHasher {
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  constructor(
    readonly k: number,
    seed = 1,
  ) {
    this.a = new Uint32Array(k);
    this.b = new Uint32Array(k);
    let s = seed >>> 0 || 1;
    const rnd = () => {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s;
    };
    for (let i = 0; i < k; i++) {
      this.a[i] = (rnd() | 1) >>> 0;
      this.b[i] = rnd();
    }
  }

  /** Writes the signature of `shingles` into out[offset .. offset+k). */
  sign(shingles: Uint32Array, out: Uint32Array, offset = 0): void {
    const k = this.k;
    const A = this.a;
    const B = this.b;
    for (let i = 0; i < k; i++) out[offset + i] = 0xffffffff;
    for (let j = 0; j < shingles.length; j++) {
      const x = shingles[j]!;
      for (let i = 0; i < k; i++) {
        const v = (Math.imul(A[i]!, x) + B[i]!) >>> 0;
        if (v < out[offset + i]!) out[offset + i] = v;
      }
    }
  }
}
