/**
 * 模板化诉求文本: clusters of near-identical complaint texts. Candidates come from one-permutation MinHash + LSH over
 * character shingles; every candidate is then VERIFIED with exact Jaccard on the stored shingle sets, so the decision
 * is not at the mercy of a noisy 64-bin estimate (σ ≈ 0.06 at J = 0.6, where much real templated text sits).
 * Incremental: `TemplateClusterer.add` places each ticket as it arrives, so the server can keep clusters current
 * without re-reading the corpus.
 *
 * Clustering rule (measured on a realistic simulated corpus, see docs/benchmarks/text.md): a new ticket joins the
 * cluster of its most similar verified candidate (exact J ≥ threshold) if it is also within JOIN_REACH of that
 * cluster's representative (its first ticket). Any further verified candidate whose cluster differs links the two
 * clusters, but only when the two representatives are themselves within MERGE_REACH: a verified pair is required for
 * every merge and the representatives must agree, so a chain of pairwise-similar texts cannot walk a cluster across
 * the corpus (plain union-find over all matching pairs once made one 644,510-text chain). Joining only the single best
 * cluster without merging lost ~7% of the pairs ≥ 0.6; merging under the representative check recovers them.
 *
 * One-permutation hashing: every shingle hash is computed once and lands in one of K bins (top bits), the bin keeps
 * its minimum; empty bins borrow from the next non-empty one (rotation densification). Signatures are transient (only
 * the band keys are kept); shingle sets live in large pooled typed arrays, ~65 shingles (260 bytes) a text.
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
  /** tuning (benchmarks): closeness to a cluster's representative needed to join it; default 0.4 */
  joinReach?: number;
  /** tuning (benchmarks): closeness of two representatives needed to merge their clusters; default 0.5 */
  mergeReach?: number;
}

const K = 64; // bins, a power of two
const VB = 32 - Math.log2(K); // value bits below the bin bits
const VMASK = 2 ** VB - 1;
const BANDS = 21;
const ROWS = 3; // P(candidate) = 1-(1-J^3)^21: 0.994 at J = 0.6, 0.94 at 0.5, 0.44 at 0.3
const CHUNK = 1 << 14; // docs per chain-pointer chunk
const MAX_CHAIN = 8; // tickets checked per bucket: the most recent ones
const POOL = 1 << 22; // shingle hashes per storage pool (16 MB)
/** a ticket joins the cluster of its best verified candidate only if it is also this close to the representative */
const JOIN_REACH = 0.55;
/** two clusters linked by a verified pair merge only if their representatives are this close */
const MERGE_REACH = 0.5;

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
  for (let i = 0; i < K; i++)
    if (out[off + i] !== 0xffffffff) {
      firstFull = i;
      break;
    }
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
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
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
  private readonly joinReach: number;
  private readonly mergeReach: number;
  private readonly tables = Array.from({ length: BANDS }, () => new BandTable());
  private nextChunks: Int32Array[] = [];
  /** union-find parent; a root is its cluster's representative (oldest ticket) */
  private parent = new Int32Array(1024);
  /** last doc that looked at this one as a candidate (dedupes candidates across bands without a scan) */
  private stamp = new Int32Array(1024).fill(-1);
  /** shingle set of each doc: pools[pool[d]][off[d] .. off[d]+len[d]) */
  private pools: Uint32Array[] = [];
  private pool = new Uint16Array(1024);
  private off = new Int32Array(1024);
  private len = new Int32Array(1024);
  private poolFill = POOL;
  private n = 0;
  private readonly ids: string[] = [];
  private readonly who: string[] = [];
  /** exemplar text, kept for representatives only */
  private readonly texts = new Map<number, string>();
  private readonly sig = new Uint32Array(K);
  private readonly keys = new Uint32Array(BANDS);
  private readonly candDoc = new Int32Array(BANDS * MAX_CHAIN);
  private readonly candSim = new Float64Array(BANDS * MAX_CHAIN);
  private readonly tried = new Int32Array(BANDS * MAX_CHAIN);

  constructor(opts: TemplateOptions = {}) {
    this.threshold = opts.threshold ?? 0.6;
    this.minChars = opts.minChars ?? 10;
    this.joinReach = opts.joinReach ?? JOIN_REACH;
    this.mergeReach = opts.mergeReach ?? MERGE_REACH;
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
    if (doc >>> 14 >= this.nextChunks.length) this.nextChunks.push(new Int32Array(CHUNK * BANDS).fill(-1));
    if (doc >= this.parent.length) this.grow();
    this.ids.push(ticket.id);
    this.who.push(complainantKey(ticket));
    const sh = shingleHashes(s);
    this.store(doc, sh);
    const sig = this.sig;
    ophSign(sh, sig, 0);

    // candidates from the LSH buckets, each verified with exact Jaccard
    const t = this.threshold;
    let nCand = 0;
    for (let b = 0; b < BANDS; b++) {
      let h = 0x9747b28c ^ b;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
      const key = h >>> 0 || 1;
      this.keys[b] = key;
      let cand = this.tables[b]!.get(key);
      for (let walked = 0; cand !== -1 && walked < MAX_CHAIN; walked++) {
        if (this.stamp[cand] !== doc) {
          this.stamp[cand] = doc;
          const j = this.jaccardAtLeast(doc, cand, t);
          if (j >= 0) {
            // insertion by similarity, most similar first (at most BANDS × MAX_CHAIN entries)
            let i = nCand++;
            while (i > 0 && this.candSim[i - 1]! < j) {
              this.candSim[i] = this.candSim[i - 1]!;
              this.candDoc[i] = this.candDoc[i - 1]!;
              i--;
            }
            this.candSim[i] = j;
            this.candDoc[i] = cand;
          }
        }
        cand = this.nextChunks[cand >>> 14]![(cand & (CHUNK - 1)) * BANDS + b]!;
      }
    }

    // Join the cluster of the most similar verified candidate that is within JOIN_REACH of its representative; every
    // other verified cluster merges in if the two representatives are within MERGE_REACH. (Ordering candidates by the
    // number of bands they collide in and verifying one per cluster was measured too: no faster at 1 M, and recall
    // 0.954 instead of 0.963.)
    let root = doc;
    this.parent[doc] = doc;
    let nTried = 0;
    for (let i = 0; i < nCand; i++) {
      const r = this.find(this.candDoc[i]!);
      if (r === root) continue;
      let done = false;
      for (let k = 0; k < nTried; k++)
        if (this.tried[k] === r) {
          done = true;
          break;
        }
      if (done) continue;
      this.tried[nTried++] = r;
      const reach = root === doc ? this.joinReach : this.mergeReach;
      if (r !== this.candDoc[i] && this.jaccardAtLeast(root, r, reach) < 0) continue;
      // the older representative stays: cluster ids are stable as tickets arrive
      const keep = r < root ? r : root;
      const drop = r < root ? root : r;
      this.parent[drop] = keep;
      this.texts.delete(drop);
      root = keep;
    }
    if (root === doc) this.texts.set(doc, raw.length > 500 ? raw.slice(0, 500) : raw);

    const nexts = this.nextChunks[doc >>> 14]!;
    const nOff = (doc & (CHUNK - 1)) * BANDS;
    for (let b = 0; b < BANDS; b++) {
      const table = this.tables[b]!;
      nexts[nOff + b] = table.get(this.keys[b]!);
      table.set(this.keys[b]!, doc);
    }
    return doc;
  }

  private grow(): void {
    const m = this.parent.length * 2;
    const g = <T extends Int32Array | Uint16Array>(a: T, fill?: number): T => {
      const x = new (a.constructor as new (n: number) => T)(m);
      if (fill !== undefined) x.fill(fill);
      x.set(a);
      return x;
    };
    this.parent = g(this.parent);
    this.stamp = g(this.stamp, -1);
    this.pool = g(this.pool);
    this.off = g(this.off);
    this.len = g(this.len);
  }

  private store(doc: number, sh: Uint32Array): void {
    const cur = this.pools[this.pools.length - 1];
    if (!cur || this.poolFill + sh.length > cur.length) {
      this.pools.push(new Uint32Array(Math.max(POOL, sh.length)));
      this.poolFill = 0;
    }
    const p = this.pools.length - 1;
    this.pools[p]!.set(sh, this.poolFill);
    this.pool[doc] = p;
    this.off[doc] = this.poolFill;
    this.len[doc] = sh.length;
    this.poolFill += sh.length;
  }

  private find(d: number): number {
    const p = this.parent;
    while (p[d] !== d) {
      const g = p[p[d]!]!;
      p[d] = g;
      d = g;
    }
    return d;
  }

  /** Exact Jaccard of two stored docs, or -1 as soon as it cannot reach `min` (sizes, then a bounded merge). */
  private jaccardAtLeast(x: number, y: number, min: number): number {
    const la = this.len[x]!;
    const lb = this.len[y]!;
    // J ≥ min ⇔ |A∩B| ≥ min·(|A|+|B|)/(1+min)
    const need = Math.ceil((min * (la + lb)) / (1 + min) - 1e-9);
    if ((la < lb ? la : lb) < need) return -1;
    const A = this.pools[this.pool[x]!]!;
    const B = this.pools[this.pool[y]!]!;
    let i = this.off[x]!;
    let j = this.off[y]!;
    const ie = i + la;
    const je = j + lb;
    // slack: misses still allowed before the intersection can no longer reach `need`
    let slackA = la - need;
    let slackB = lb - need;
    let inter = 0;
    while (i < ie && j < je) {
      const u = A[i]!;
      const v = B[j]!;
      if (u === v) {
        inter++;
        i++;
        j++;
      } else if (u < v) {
        i++;
        if (--slackA < 0) return -1;
      } else {
        j++;
        if (--slackB < 0) return -1;
      }
    }
    if (inter < need) return -1;
    return inter / (la + lb - inter);
  }

  /** Exact Jaccard (char 3-shingles, digits folded) between two added documents (by index). */
  similarity(a: number, b: number): number {
    if (this.len[a] === 0 && this.len[b] === 0) return 1;
    return Math.max(0, this.jaccardAtLeast(a, b, 0));
  }

  /** Cluster (its representative's document index) of a document. */
  clusterOf(doc: number): number {
    return this.find(doc);
  }

  /** Current clusters with at least `minSize` tickets, largest first. */
  clusters(minSize = 3): MineTemplate[] {
    const root = new Int32Array(this.n);
    const size = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) size[(root[i] = this.find(i))]!++;
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const r = root[i]!;
      if (size[r]! < minSize) continue;
      let arr = members.get(r);
      if (!arr) members.set(r, (arr = []));
      arr.push(i);
    }
    const out: MineTemplate[] = [];
    for (const [r, docs] of members) {
      out.push({
        cluster_id: `tpl-${this.ids[r]}`,
        size: docs.length,
        complainants: new Set(docs.map((d) => this.who[d]!)).size,
        exemplar: this.texts.get(r) ?? '',
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
