/**
 * The risk model's running state: tickets folded one at a time into per-person aggregates, population norms, the
 * identity graph and synchronised co-filing pairs. Batch scoring is "ingest everything, then evaluate every person";
 * the incremental scorer is "ingest one, evaluate that person" — the same code, so the two never disagree.
 */
import type { TifTicket } from '../../../../shared/tif.js';
import { type Hasher, isRepresentativeOrg, keyedHasher } from './identity.js';
import { IdentityGraph, identify } from './graph.js';
import {
  AGENCY_RE,
  LAWFUL_AGENT_RE,
  type Outcome,
  PUNITIVE_RE,
  jaccard,
  outcomeOf,
  parseQuantities,
  problemClassOf,
  productKindOf,
  sketchOf,
} from './text.js';

export interface TicketRec {
  id: string;
  t: number;
  kind: string;
  resp: string | null;
  category: string;
  sameKey: string | null;
  punitive: boolean;
  qty: number;
  qtyRaw: string | null;
  pkind: string | null;
  reasonable: number;
  outcome: Outcome | null;
  agency: boolean;
  cluster: number;
  /** normalised text length (short texts need more repeats to count as a template) */
  textLen: number;
  nameHash: string | null;
  evidence: string[] | null;
}

export interface Cluster {
  exemplar: Uint32Array;
  tickets: number[];
}

export interface PersonState {
  idx: number;
  displayId: string;
  tickets: TicketRec[];
  names: Set<string>;
  isOrg: boolean;
  clusters: Cluster[];
  byCategory: Map<string, number>;
  bySameKey: Map<string, number>;
  /** max of importable counts seen in `extra` (snapshots, so max not sum); see proceedingCounts for the total */
  ext: { disclosure: number; reviews: number; lawsuits: number; discipline: number };
  /** 关联程序 recorded by officers on this person's tickets (extra.proceedings): each one, with its ticket and date */
  procs: RecordedProceeding[];
  /** co-filing partner → distinct respondents co-filed within the window */
  partners: Map<number, Set<string>>;
}

export interface RecordedProceeding {
  kind: 'disclosure' | 'review' | 'lawsuit' | 'discipline';
  on: string;
  ticket: string;
}
const PROC_KINDS = new Set(['disclosure', 'review', 'lawsuit', 'discipline']);

export interface RiskOptions {
  key?: string;
  /** co-filing window for "synchronised filing" (hours) */
  syncHours?: number;
  /** respondents busier than this within the window are not evidence of coordination (group disputes, big chains) */
  syncMaxPersons?: number;
  /** ticket id → evidence flags from the evidence module (AI labels, reused images) */
  evidence?: Map<string, string[]>;
}

/** Histogram of per-person counts (per category): the population norm the volume criterion compares with. */
export class CountHistogram {
  /** dense arrays (a sparse write would turn them into slow dictionary arrays); counts above 4095 share the last bin */
  private readonly bins = new Map<string, { h: number[]; n: number }>();
  move(cat: string, from: number, to: number): void {
    let b = this.bins.get(cat);
    if (!b) this.bins.set(cat, (b = { h: [0], n: 0 }));
    const f = Math.min(from, 4095),
      t = Math.min(to, 4095);
    while (b.h.length <= t) b.h.push(0);
    if (from > 0) b.h[f]!--;
    else b.n++;
    b.h[t]!++;
  }
  population(cat: string): number {
    return this.bins.get(cat)?.n ?? 0;
  }
  quantile(cat: string, q: number): number {
    const b = this.bins.get(cat);
    if (!b || !b.n) return 0;
    const target = q * b.n;
    let acc = 0;
    for (let i = 0; i < b.h.length; i++) {
      acc += b.h[i]!;
      if (acc >= target) return i;
    }
    return b.h.length - 1;
  }
}

const EXT_FIELDS: Record<keyof PersonState['ext'], string[]> = {
  disclosure: ['disclosure_requests', 'info_disclosure_requests', 'gov_info_requests', '政府信息公开申请数量'],
  reviews: ['reviews', 'administrative_reviews', 'review_count', '复议数量', '行政复议数量'],
  lawsuits: ['lawsuits', 'litigation', 'lawsuit_count', '诉讼数量', '行政诉讼数量'],
  discipline: ['discipline_reports', 'jiwei_reports', '纪检监察举报数量'],
};

export function respondentKey(t: TifTicket): string | null {
  const r = t.respondent;
  if (!r) return null;
  if (r.credit_code) return 'cc:' + r.credit_code.trim().toUpperCase();
  if (r.name) return 'n:' + r.name.replace(/[\s()（）]/g, '').toLowerCase();
  return null;
}

export class RiskState {
  readonly hash: Hasher;
  readonly persons: PersonState[] = [];
  readonly graph = new IdentityGraph();
  readonly hist = new CountHistogram();
  /** tickets per category|problem key and in total: the population share for "same kind" */
  readonly keyTickets = new Map<string, number>();
  keyTotal = 0;
  tickets = 0;
  punitiveTickets = 0;
  private keyToPerson = new Map<string, number>();
  private recentByResp = new Map<string, { t: number; p: number }[]>();
  private readonly syncMs: number;
  private readonly syncMax: number;
  readonly evidence: Map<string, string[]> | undefined;

  constructor(opts: RiskOptions = {}) {
    this.hash = keyedHasher(opts.key);
    this.syncMs = (opts.syncHours ?? 72) * 3_600_000;
    this.syncMax = opts.syncMaxPersons ?? 12;
    this.evidence = opts.evidence;
  }

  /** Folds one ticket in; returns the index of its person, or -1 for an anonymous ticket. */
  ingest(t: TifTicket): number {
    const id = identify(t, this.hash);
    if (!id.displayId) return -1;
    let p = -1;
    for (const k of id.personKeys) {
      const q = this.keyToPerson.get(k);
      if (q !== undefined) {
        p = q;
        break;
      }
    }
    if (p < 0) {
      p = this.graph.addPerson();
      this.persons.push({
        idx: p,
        displayId: id.displayId,
        tickets: [],
        names: new Set(),
        isOrg: false,
        clusters: [],
        byCategory: new Map(),
        bySameKey: new Map(),
        ext: { disclosure: 0, reviews: 0, lawsuits: 0, discipline: 0 },
        procs: [],
        partners: new Map(),
      });
    }
    for (const k of id.personKeys) if (!this.keyToPerson.has(k)) this.keyToPerson.set(k, p);
    const ps = this.persons[p]!;
    if (id.nameHash) ps.names.add(id.nameHash);
    if (isRepresentativeOrg(t.complainant?.name, t.extra)) ps.isOrg = true;
    for (const tok of id.tokens) this.graph.addToken(p, tok.kind, tok.hash);

    const text = ((t.title ?? '') + ' ' + (t.text ?? '')).trim();
    const labels = t.labels ?? {};
    const pk = productKindOf(text);
    const category =
      labels['goods_service'] ??
      labels['category'] ??
      labels['product'] ??
      (t.predicted?.label as string | undefined) ??
      pk?.name ??
      'unknown';
    const problem = labels['problem'] ?? labels['issue'] ?? problemClassOf(text);
    const sameKey = category !== 'unknown' && problem ? category + '|' + problem : null;
    const qtys = pk ? parseQuantities(text, pk) : [];
    let qty = 0,
      qtyRaw: string | null = null;
    for (const q of qtys)
      if (q.units > qty) {
        qty = q.units;
        qtyRaw = q.raw;
      }
    const rec: TicketRec = {
      id: t.id,
      t: Date.parse(t.received_at) || 0,
      kind: String(t.kind ?? 'unknown'),
      resp: respondentKey(t),
      category,
      sameKey,
      punitive: PUNITIVE_RE.test(text),
      qty,
      qtyRaw,
      pkind: pk?.name ?? null,
      reasonable: pk?.reasonable ?? 0,
      outcome: outcomeOf(t),
      agency: (AGENCY_RE.test(text) || t.extra?.['on_behalf_of'] != null) && !LAWFUL_AGENT_RE.test(text),
      cluster: -1,
      textLen: 0,
      nameHash: id.nameHash,
      evidence: this.evidenceOf(t),
    };
    this.tickets++;
    if (rec.punitive) this.punitiveTickets++;
    const prevCat = ps.byCategory.get(category) ?? 0;
    ps.byCategory.set(category, prevCat + 1);
    this.hist.move(category, prevCat, prevCat + 1);
    this.hist.move('*', ps.tickets.length, ps.tickets.length + 1);
    if (sameKey) {
      ps.bySameKey.set(sameKey, (ps.bySameKey.get(sameKey) ?? 0) + 1);
      this.keyTickets.set(sameKey, (this.keyTickets.get(sameKey) ?? 0) + 1);
      this.keyTotal++;
    }
    if (t.extra) this.readExt(ps, t.extra, t.id);
    const { len, sketch: sk } = sketchOf(text);
    rec.textLen = len;
    if (sk) rec.cluster = this.assignCluster(ps, sk, ps.tickets.length);
    ps.tickets.push(rec);
    if (rec.resp) this.coFile(p, rec.resp, rec.t);
    return p;
  }

  private evidenceOf(t: TifTicket): string[] | null {
    const fromOpts = this.evidence?.get(t.id);
    const fromExtra = t.extra?.['evidence_flags'];
    const out = [...(fromOpts ?? []), ...(Array.isArray(fromExtra) ? fromExtra.map(String) : [])];
    return out.length ? out : null;
  }

  private readExt(ps: PersonState, ex: Record<string, unknown>, ticketId: string): void {
    // proceedings recorded on the platform are events (summed); the imported counts below are snapshots (max)
    if (Array.isArray(ex['proceedings'])) {
      for (const p of ex['proceedings'] as { kind?: unknown; on?: unknown }[]) {
        if (typeof p?.kind === 'string' && PROC_KINDS.has(p.kind) && typeof p.on === 'string')
          ps.procs.push({ kind: p.kind as RecordedProceeding['kind'], on: p.on, ticket: ticketId });
      }
    }
    for (const [k, fields] of Object.entries(EXT_FIELDS) as [keyof PersonState['ext'], string[]][]) {
      for (const f of fields) {
        const v = Number(ex[f]);
        if (Number.isFinite(v) && v > ps.ext[k]) ps.ext[k] = v;
      }
    }
  }

  /** Leader clustering of a person's texts: join the first cluster whose exemplar is ≥ 0.5 Jaccard-similar. */
  private assignCluster(ps: PersonState, sk: Uint32Array, ticketIdx: number): number {
    for (let c = 0; c < ps.clusters.length; c++) {
      const cl = ps.clusters[c]!;
      if (jaccard(cl.exemplar, sk) >= 0.5) {
        cl.tickets.push(ticketIdx);
        return c;
      }
    }
    ps.clusters.push({ exemplar: sk, tickets: [ticketIdx] });
    return ps.clusters.length - 1;
  }

  /**
   * Synchronised filing: pairs of persons filing against the same respondent within the window. Respondents that
   * many persons are filing against at once (a group dispute, a big platform) carry no signal and are skipped.
   */
  private coFile(p: number, resp: string, t: number): void {
    let list = this.recentByResp.get(resp);
    if (!list) this.recentByResp.set(resp, (list = []));
    while (list.length && list[0]!.t < t - this.syncMs) list.shift();
    const others = new Set<number>();
    for (const e of list) if (e.p !== p && Math.abs(e.t - t) <= this.syncMs) others.add(e.p);
    if (others.size > 0 && others.size <= this.syncMax) {
      for (const q of others) {
        this.pair(p, q, resp);
        this.pair(q, p, resp);
      }
    }
    if (list.length < 4 * this.syncMax) list.push({ t, p });
  }

  private pair(p: number, q: number, resp: string): void {
    const m = this.persons[p]!.partners;
    let s = m.get(q);
    if (!s) {
      if (m.size >= 256) return;
      m.set(q, (s = new Set()));
    }
    if (s.size < 32) s.add(resp);
  }
}

/** Per-kind counts of a person: the larger of the imported snapshot and the proceedings recorded on the platform. */
export function proceedingCounts(ps: PersonState): PersonState['ext'] {
  const n = (k: RecordedProceeding['kind']) => ps.procs.filter((p) => p.kind === k).length;
  return {
    disclosure: Math.max(ps.ext.disclosure, n('disclosure')),
    reviews: Math.max(ps.ext.reviews, n('review')),
    lawsuits: Math.max(ps.ext.lawsuits, n('lawsuit')),
    discipline: Math.max(ps.ext.discipline, n('discipline')),
  };
}
