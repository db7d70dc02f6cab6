/**
 * 模板化诉求文本: clusters of near-identical complaint texts, found with one-permutation MinHash + LSH over character
 * shingles. Incremental: `TemplateClusterer.add` places each ticket as it arrives, so the server can keep clusters
 * current without re-reading the corpus.
 *
 * Each cluster has a representative (its first ticket). A new ticket joins the cluster of the indexed ticket it agrees
 * with most, if that agreement reaches the threshold AND the ticket is also close to that cluster's representative;
 * otherwise it starts a cluster of its own. Clusters are never merged: unlike union-find over every matching pair, a
 * chain of pairwise-similar texts cannot pull dissimilar ones together, and the work per ticket stays bounded.
 *
 * One-permutation hashing: every shingle hash is computed once and lands in one of K bins (top bits), the bin keeps
 * its minimum; empty bins borrow from the next non-empty one (rotation densification). K hash evaluations per shingle
 * become one. Memory is in flat typed arrays so 1 M texts fit in well under a gigabyte.
 */
import type { MineTemplate, TifTicket } from '../../../../shared/tif.js';
import { shingleHashes, shingleText } from './shingles.js';

export interface TemplateOptions {
  /** Jaccard (char 3-shingles, digits folded) at or above which two texts are the same template; default 0.6 */
  threshold?: number;
  /** smallest cluster reported; default 3 */
  minSize?: number;
  /** called every 1,000 tickets with the number done */
  onProgress?: (n: number) => void;
  /** texts shorter than this (after normalising) are not clustered: "质量问题" is not a template; default 10 */
  minChars?: number;
}

const K = 64; // bins, a power of two
const VB = 32 - Math.log2(K); // value bits below the bin bits
const VMASK = 2 ** VB - 1;
const BANDS = 21;
const ROWS = 3; // P(candidate) = 1-(1-J^3)^21: 0.994 at J = 0.6, 0.94 at 0.5, 0.44 at 0.3
const CHUNK = 1 << 14; // docs per storage chunk
const MAX_CHAIN = 8; // tickets checked per bucket: the most recent ones
/** The estimate from K bins has a standard error of ~0.06 at J = 0.6: accepting a little below the threshold keeps
 * recall against exact Jaccard above 0.95 while pairs far below it still fail. */
const SLACK = 0.05;
/** a ticket joins the cluster of its best-matching indexed ticket only if it is also within this of the
 * representative: bounded drift instead of union-find chains */
const REP_SLACK = 0.2;

/** One-permutation MinHash signature of distinct shingle hashes into out[off .. off+K). */
export function ophSign(shingles: Uint32Array, out: Uint32Array, off: number): void {
  for (let i = 0; i < K; i++) out[off + i] = 0xffffffff;
  for (let j = 0; j < shingles.length; j++) {
    const h = shingles[j]!;
    const bin = h >>> VB;
    const v = (h & VMASK) >>> 0;
    if (v < out[off + bin]!) out[off + bin] = v;
  }
  // densify: an empty bin takes the value of the next non-empty bin, offset by the distance so borrowed values
  // from different positions do not agree by accident
  let firstFull = -1;
  for (let i = 0; i < K; i++) if (out[off + i] !== 0xffffffff) { firstFull = i; break; }
  if (firstFull < 0) return;
  let next = firstFull + K; // scanning backwards, the nearest non-empty bin at or after i (circular)
  const orig = (i: number) => out[off + (i % K)]!;
  for (let i = K - 1 + firstFull; i >= firstFull; i--) {
    const bi = i % K;
    const v = orig(bi);
    if (v !== 0xffffffff && v <= VMASK) next = i;
    else if (v === 0xffffffff) out[off + bi] = ((next - i) * 2 ** VB + (orig(next % K) & VMASK)) >>> 0;
  }
}

/** Open-addressing map uint32 key → int32 head (last doc in the bucket). */
class BandTable {
  keys = new Uint32Array(1 << 12);
  heads = new Int32Array(1 << 12).fill(-1);
  size = 0;
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.heads[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }
  get(key: number): number {
    return this.heads[this.slot(key)]!;
  }
  set(key: number, head: number): void {
    let i = this.slot(key);
    if (this.heads[i] === -1) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.size++;
      this.keys[i] = key;
    }
    this.heads[i] = head;
  }
  private grow(): void {
    const ok = this.keys;
    const oh = this.heads;
    this.keys = new Uint32Array(ok.length * 2);
    this.heads = new Int32Array(ok.length * 2).fill(-1);
    for (let i = 0; i < ok.length; i++) {
      if (oh[i] === -1) continue;
      const j = this.slot(ok[i]!);
      this.keys[j] = ok[i]!;
      this.heads[j] = oh[i]!;
    }
  }
}

function complainantKey(t: TifTicket): string {
  const c = t.complainant;
  return c?.id || c?.id_number || c?.phone || c?.name || `ticket:${t.id}`;
}

export class TemplateClusterer {
  readonly threshold: number;
  readonly minChars: number;
  private readonly tables = Array.from({ length: BANDS }, () => new BandTable());
  private sigChunks: Uint32Array[] = [];
  private nextChunks: Int32Array[] = [];
  /** doc → representative doc (itself for representatives) */
  private rep = new Int32Array(1024);
  private n = 0;
  private readonly ids: string[] = [];
  private readonly who: string[] = [];
  /** exemplar text, kept for representatives only */
  private readonly texts = new Map<number, string>();
  private readonly minAgree: number;
  private readonly minRepAgree: number;
  private readonly seen = new Int32Array(BANDS * MAX_CHAIN);

  constructor(opts: TemplateOptions = {}) {
    this.threshold = opts.threshold ?? 0.6;
    this.minChars = opts.minChars ?? 10;
    this.minAgree = Math.ceil((this.threshold - SLACK) * K);
    this.minRepAgree = Math.ceil((this.threshold - REP_SLACK) * K);
  }

  get size(): number {
    return this.n;
  }

  /** Adds a ticket; returns its document index, or -1 when the text is too short to cluster. */
  add(ticket: TifTicket): number {
    const raw = ticket.text || ticket.title || '';
    const s = shingleText(raw.length > 20_000 ? raw.slice(0, 20_000) : raw);
    if (s.length < this.minChars) return -1;
    const doc = this.n++;
    const c = doc >>> 14;
    const off = (doc & (CHUNK - 1)) * K;
    if (c >= this.sigChunks.length) {
      this.sigChunks.push(new Uint32Array(CHUNK * K));
      this.nextChunks.push(new Int32Array(CHUNK * BANDS).fill(-1));
    }
    if (doc >= this.rep.length) {
      const p = new Int32Array(this.rep.length * 2);
      p.set(this.rep);
      this.rep = p;
    }
    this.ids.push(ticket.id);
    this.who.push(complainantKey(ticket));
    const sigs = this.sigChunks[c]!;
    ophSign(shingleHashes(s), sigs, off);
    const keys = new Uint32Array(BANDS);
    let best = -1;
    let bestAgree = this.minAgree - 1;
    let nSeen = 0;
    for (let b = 0; b < BANDS; b++) {
      let h = 0x9747b28c ^ b;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sigs[off + b * ROWS + r]!, 0x01000193);
      const key = (h >>> 0) || 1;
      keys[b] = key;
      let cand = this.tables[b]!.get(key);
      for (let walked = 0; cand !== -1 && walked < MAX_CHAIN; walked++) {
        let dup = false;
        for (let i = 0; i < nSeen; i++) if (this.seen[i] === cand) { dup = true; break; }
        if (!dup) {
          this.seen[nSeen++] = cand;
          const a = this.agree(cand, sigs, off);
          if (a > bestAgree) {
            const r = this.rep[cand]!;
            if (r === cand || this.agree(r, sigs, off) >= this.minRepAgree) {
              bestAgree = a;
              best = r;
            }
          }
        }
        cand = this.nextChunks[cand >>> 14]![(cand & (CHUNK - 1)) * BANDS + b]!;
      }
    }
    this.rep[doc] = best >= 0 ? best : doc;
    if (best < 0) this.texts.set(doc, raw);
    const nexts = this.nextChunks[c]!;
    const nOff = (doc & (CHUNK - 1)) * BANDS;
    for (let b = 0; b < BANDS; b++) {
      const table = this.tables[b]!;
      nexts[nOff + b] = table.get(keys[b]!);
      table.set(keys[b]!, doc);
    }
    return doc;
  }

  private agree(other: number, sigs: Uint32Array, off: number): number {
    const os = this.sigChunks[other >>> 14]!;
    const oo = (other & (CHUNK - 1)) * K;
    let m = 0;
    for (let i = 0; i < K; i++) if (os[oo + i] === sigs[off + i]) m++;
    return m;
  }

  /** Estimated Jaccard between two added documents (by index). */
  similarity(a: number, b: number): number {
    const sa = this.sigChunks[a >>> 14]!;
    return this.agree(b, sa, (a & (CHUNK - 1)) * K) / K;
  }

  /** Cluster (its representative's document index) of a document. */
  clusterOf(doc: number): number {
    return this.rep[doc]!;
  }

  /** Current clusters with at least `minSize` tickets, largest first. */
  clusters(minSize = 3): MineTemplate[] {
    const size = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) size[this.rep[i]!]!++;
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const r = this.rep[i]!;
      if (size[r]! < minSize) continue;
      let arr = members.get(r);
      if (!arr) members.set(r, (arr = []));
      arr.push(i);
    }
    const out: MineTemplate[] = [];
    for (const [root, docs] of members) {
      out.push({
        cluster_id: `tpl-${this.ids[root]}`,
        size: docs.length,
        complainants: new Set(docs.map((d) => this.who[d]!)).size,
        exemplar: (this.texts.get(root) ?? '').slice(0, 500),
        ticket_ids: docs.map((d) => this.ids[d]!),
      });
    }
    out.sort((a, b) => b.size - a.size || (a.cluster_id < b.cluster_id ? -1 : 1));
    return out;
  }
}

/** Batch clustering of a corpus into templates (see TemplateClusterer). */
export function clusterTemplates(
  tickets: TifTicket[],
  opts?: { threshold?: number; minSize?: number; onProgress?: (n: number) => void },
): MineTemplate[] {
  const c = new TemplateClusterer(opts);
  for (let i = 0; i < tickets.length; i++) {
    c.add(tickets[i]!);
    if (opts?.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1);
  }
  opts?.onProgress?.(tickets.length);
  return c.clusters(opts?.minSize ?? 3);
}
