/**
 * 类案推送: an in-memory BM25 index over jieba tokens with incremental add/remove, and posting-list pruning (terms in
 * more than `maxDfShare` of the corpus are skipped unless the query has nothing rarer), so a query touches a bounded
 * number of postings even on millions of tickets. Results carry a human-readable `why`.
 */
import type { TifTicket } from '../../../../shared/tif.js';
import { normalize } from './normalize.js';
import { tokenize } from './tokenize.js';

export interface SimilarDoc {
  id: string;
  text: string;
  respondent?: string;
}
export interface SimilarHit {
  id: string;
  score: number;
  /** e.g. "same business 某某超市; shared keywords: 预付卡, 跑路, 退款; near-identical text" */
  why: string;
  shared_keywords: string[];
  same_business: boolean;
  near_identical: boolean;
}
export interface SimilarQuery {
  text: string;
  respondent?: string;
  k?: number;
  /** ids to leave out (the ticket itself) */
  exclude?: string[];
}

const K1 = 1.2;
const B = 0.75;
const MAX_TERMS = 64; // distinct query terms considered (the rarest)
const MAX_POSTINGS = 60_000; // postings scored per query in total

class Postings {
  docs = new Int32Array(4);
  tfs = new Uint16Array(4);
  n = 0;
  push(doc: number, tf: number): void {
    if (this.n === this.docs.length) {
      const d = new Int32Array(this.n * 2);
      d.set(this.docs);
      this.docs = d;
      const t = new Uint16Array(this.n * 2);
      t.set(this.tfs);
      this.tfs = t;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n++] = Math.min(tf, 65535);
  }
}

export function businessKey(name: string | undefined): string {
  if (!name) return '';
  return normalize(name)
    .replace(/[\s()（）·.,，]/g, '')
    .replace(/(有限责任公司|股份有限公司|有限公司|公司)$/, '');
}

export class SimilarIndex {
  private readonly terms = new Map<string, number>();
  private readonly termStr: string[] = [];
  private readonly postings: Postings[] = [];
  private readonly df: number[] = [];
  private ids: string[] = [];
  private docLen: number[] = [];
  private docTerms: Int32Array[] = [];
  private docBiz: string[] = [];
  private alive: boolean[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byBiz = new Map<string, number[]>();
  private totalLen = 0;
  private live = 0;
  private acc = new Float32Array(1024);

  get size(): number {
    return this.live;
  }

  /** Adds (or replaces) a document. */
  add(doc: SimilarDoc): void {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const toks = tokenize(doc.text);
    const tf = new Map<number, number>();
    for (const w of toks) {
      let t = this.terms.get(w);
      if (t === undefined) {
        t = this.termStr.length;
        this.terms.set(w, t);
        this.termStr.push(w);
        this.postings.push(new Postings());
        this.df.push(0);
      }
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    const d = this.ids.length;
    this.ids.push(doc.id);
    this.docLen.push(toks.length);
    this.docTerms.push(Int32Array.from(tf.keys()).sort());
    const biz = businessKey(doc.respondent);
    this.docBiz.push(biz);
    this.alive.push(true);
    this.byId.set(doc.id, d);
    if (biz) {
      let arr = this.byBiz.get(biz);
      if (!arr) this.byBiz.set(biz, (arr = []));
      arr.push(d);
    }
    for (const [t, c] of tf) {
      this.postings[t]!.push(d, c);
      this.df[t]!++;
    }
    this.totalLen += toks.length;
    this.live++;
    if (this.acc.length < this.ids.length) {
      const a = new Float32Array(this.acc.length * 2);
      this.acc = a;
    }
  }

  addTicket(t: TifTicket): void {
    this.add({ id: t.id, text: [t.title, t.text].filter(Boolean).join('。'), respondent: t.respondent?.name });
  }

  /** Removes a document (tombstone; postings are skipped at query time). */
  remove(id: string): boolean {
    const d = this.byId.get(id);
    if (d === undefined) return false;
    this.byId.delete(id);
    this.alive[d] = false;
    for (const t of this.docTerms[d]!) this.df[t]!--;
    this.totalLen -= this.docLen[d]!;
    this.live--;
    return true;
  }

  query(q: SimilarQuery): SimilarHit[] {
    const k = q.k ?? 10;
    const N = Math.max(1, this.live);
    const avgdl = this.totalLen / N || 1;
    const qTerms = [...new Set(tokenize(q.text))]
      .map((w) => this.terms.get(w))
      .filter((t): t is number => t !== undefined && this.df[t]! > 0);
    qTerms.sort((a, b) => this.df[a]! - this.df[b]!);
    const use = qTerms.slice(0, MAX_TERMS);
    const idf = (t: number) => Math.log(1 + (N - this.df[t]! + 0.5) / (this.df[t]! + 0.5));
    const acc = this.acc;
    const touched: number[] = [];
    let budget = MAX_POSTINGS;
    for (const t of use) {
      const p = this.postings[t]!;
      // rarest first: common terms are cut once the budget is spent (they change the ranking least)
      if (p.n > budget && touched.length > 0) continue;
      const w = idf(t);
      const n = Math.min(p.n, budget);
      budget -= n;
      for (let i = p.n - n; i < p.n; i++) {
        const d = p.docs[i]!;
        if (!this.alive[d]) continue;
        const f = p.tfs[i]!;
        const s = (w * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.docLen[d]!) / avgdl));
        if (acc[d] === 0) touched.push(d);
        acc[d]! += s;
      }
    }
    const biz = businessKey(q.respondent);
    const bizDocs = biz ? (this.byBiz.get(biz) ?? []) : [];
    // same business: a boost worth a strong keyword, so a same-business case with related text ranks first
    const bizBoost = use.length ? idf(use[0]!) : 1;
    for (const d of bizDocs) {
      if (!this.alive[d]) continue;
      if (acc[d] === 0) touched.push(d);
      acc[d]! += bizBoost;
    }
    const exclude = new Set(q.exclude ?? []);
    const top: { d: number; s: number }[] = [];
    for (const d of touched) {
      const s = acc[d]!;
      acc[d] = 0;
      if (exclude.has(this.ids[d]!)) continue;
      if (top.length < k) {
        top.push({ d, s });
        if (top.length === k) top.sort((a, b) => b.s - a.s);
      } else if (s > top[k - 1]!.s) {
        top[k - 1] = { d, s };
        for (let i = k - 1; i > 0 && top[i]!.s > top[i - 1]!.s; i--) [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
      }
    }
    top.sort((a, b) => b.s - a.s);
    const qSet = new Set(qTerms);
    return top.map(({ d, s }) => {
      const dt = this.docTerms[d]!;
      const shared = [...dt].filter((t) => qSet.has(t));
      const jac = shared.length / Math.max(1, qSet.size + dt.length - shared.length);
      const keywords = shared
        .sort((a, b) => this.df[a]! - this.df[b]!)
        .slice(0, 5)
        .map((t) => this.termStr[t]!);
      const sameBiz = !!biz && this.docBiz[d] === biz;
      const near = jac >= 0.8;
      const why = [
        sameBiz ? `same business (${q.respondent})` : '',
        near ? `near-identical text (${Math.round(jac * 100)}% shared words)` : '',
        keywords.length ? `shared keywords: ${keywords.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return {
        id: this.ids[d]!,
        score: Math.round(s * 1000) / 1000,
        why,
        shared_keywords: keywords,
        same_business: sameBiz,
        near_identical: near,
      };
    });
  }
}
