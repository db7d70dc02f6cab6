/**
 * 模板化诉求文本: clusters of near-identical complaint texts, found with MinHash-LSH over character shingles.
 * Incremental: `TemplateClusterer.add` places each ticket as it arrives (a union-find over LSH candidates verified by
 * the estimated Jaccard), so the server can keep clusters current without re-reading the corpus.
 *
 * Memory is in flat typed arrays (signatures, band chains, open-addressing band tables) so 1 M texts fit in well
 * under a gigabyte and no JS Map grows to millions of entries.
 */
import type { MineTemplate, TifTicket } from '../../../../shared/tif.js';
import { MinHasher, shingleHashes, shingleText } from './shingles.js';

export interface TemplateOptions {
  /** estimated Jaccard (char 3-shingles, digits folded) at or above which two texts are the same template; default 0.6 */
  threshold?: number;
  /** smallest cluster reported; default 3 */
  minSize?: number;
  /** called every 1,000 tickets with the number done */
  onProgress?: (n: number) => void;
  /** texts shorter than this (after normalising) are not clustered: "质量问题" is not a template; default 10 */
  minChars?: number;
}

const BANDS = 20;
const ROWS = 3;
const K = BANDS * ROWS;
const CHUNK = 1 << 14; // docs per storage chunk
const MAX_CHAIN = 6; // bucket members checked per band: candidates beyond this are almost always already joined

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
  private readonly hasher = new MinHasher(K, 0x5eed);
  private readonly tables = Array.from({ length: BANDS }, () => new BandTable());
  private sigChunks: Uint32Array[] = [];
  private nextChunks: Int32Array[] = [];
  private parent = new Int32Array(1024);
  private n = 0;
  private readonly ids: string[] = [];
  private readonly who: string[] = [];
  private readonly texts: string[] = [];
  private readonly sig = new Uint32Array(K);
  private readonly minAgree: number;

  constructor(opts: TemplateOptions = {}) {
    this.threshold = opts.threshold ?? 0.6;
    this.minChars = opts.minChars ?? 10;
    this.minAgree = Math.ceil(this.threshold * K);
  }

  get size(): number {
    return this.n;
  }

  private find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the older ticket stays root so cluster ids are stable as tickets arrive
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
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
    if (doc >= this.parent.length) {
      const p = new Int32Array(this.parent.length * 2);
      p.set(this.parent);
      this.parent = p;
    }
    this.parent[doc] = doc;
    this.ids.push(ticket.id);
    this.who.push(complainantKey(ticket));
    this.texts.push(raw);
    const sigs = this.sigChunks[c]!;
    this.hasher.sign(shingleHashes(s), sigs, off);
    const nexts = this.nextChunks[c]!;
    const nOff = (doc & (CHUNK - 1)) * BANDS;
    for (let b = 0; b < BANDS; b++) {
      let h = 0x9747b28c ^ b;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sigs[off + b * ROWS + r]!, 0x01000193);
      const key = (h >>> 0) || 1;
      const table = this.tables[b]!;
      const head = table.get(key);
      let cand = head;
      let walked = 0;
      while (cand !== -1 && walked < MAX_CHAIN) {
        walked++;
        if (this.find(cand) !== this.find(doc) && this.agree(cand, sigs, off) >= this.minAgree) this.union(cand, doc);
        cand = this.nextChunks[cand >>> 14]![(cand & (CHUNK - 1)) * BANDS + b]!;
      }
      nexts[nOff + b] = head;
      table.set(key, doc);
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

  /** Cluster root (document index) of a document. */
  clusterOf(doc: number): number {
    return this.find(doc);
  }

  /** Current clusters with at least `minSize` tickets, largest first. */
  clusters(minSize = 3): MineTemplate[] {
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const r = this.find(i);
      if (r === i && this.parent[i] === i) {
        // singletons are skipped cheaply below by size check
      }
      let arr = members.get(r);
      if (!arr) members.set(r, (arr = []));
      arr.push(i);
    }
    const out: MineTemplate[] = [];
    for (const [root, docs] of members) {
      if (docs.length < minSize) continue;
      out.push({
        cluster_id: `tpl-${this.ids[root]}`,
        size: docs.length,
        complainants: new Set(docs.map((d) => this.who[d]!)).size,
        exemplar: this.texts[root]!.slice(0, 500),
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
