/**
 * The score: a logistic model over the fired criteria that a clerk can recompute by hand from the criteria list.
 * Each criterion brings points = weight × strength (strength ∈ (0, 1] from its own counts and shares). The criteria
 * are sorted by points; the strongest counts in full, the second half, the third a quarter, and so on:
 *   score = σ(BIAS + p₁ + p₂/2 + p₃/4 + …)
 * The criteria are not independent witnesses — templated letters, repeated punitive demands and sheer volume are
 * facets of one way of filing — so adding them all at full weight (what the model did before) made every
 * professional 1.00. Weights and bias were fitted (L2 logistic, weights ≥ 0) on real complaint texts with planted
 * identities, seed 1 / texts of half A: `npx tsx scripts/eval-risk-planted.ts --fit`; measured on seed 2 / half B
 * (docs/BENCHMARKS.md). Only persons with at least one conduct criterion get a score (volume alone marks nobody).
 */
import type { MinePerson, MineTemplate, TifTicket } from '../../../../shared/tif.js';
import { CRITERIA_BY_CODE, type CriterionCode } from './catalog.js';
import { type SharedTemplates, evaluatePerson } from './criteria.js';
import { linkedPersons } from './criteria-links.js';
import type { Fired } from './fired.js';
import { type PersonState, type RiskOptions, RiskState } from './state.js';

/** Intercept (fitted): a person with one weak criterion stays well below the proposal threshold. */
export const BIAS = -1.3;
/** Each further criterion counts this much less than the one before it (see above). */
export const DECAY = 0.5;
/** People who wrote once or twice are never assessed on their own (a two-ticket identity only inside a group). */
export const MIN_TICKETS = 3;
/** Above this many tickets the live scorer re-assesses a person every 10th ticket only. */
export const HEAVY_PERSON = 300;
/** Score at or above which the model proposes the person for review (it never lists anyone by itself). */
export const PROPOSE_THRESHOLD = 0.5;

export const pointsOf = (f: { code: CriterionCode; strength: number }): number =>
  CRITERIA_BY_CODE[f.code].weight * f.strength;

/** The log-odds: BIAS + Σ points sorted high to low, the k-th (from 0) multiplied by DECAY^k. */
export function logOddsOf(
  fired: { code: CriterionCode; strength: number }[],
  weight: (f: { code: CriterionCode; strength: number }) => number = pointsOf,
  bias = BIAS,
): number {
  const pts = fired.map(weight).sort((a, b) => b - a);
  let z = bias;
  for (let k = 0, m = 1; k < pts.length; k++, m *= DECAY) z += pts[k]! * m;
  return z;
}

export function scoreOf(fired: { code: CriterionCode; strength: number }[]): number {
  return 1 / (1 + Math.exp(-logOddsOf(fired)));
}

export interface ScoreOptions extends RiskOptions {
  templates?: MineTemplate[];
  /** persons below this score are left out (default: the proposal threshold; 0 = everyone with a criterion) */
  minScore?: number;
}

export function sharedTemplateIndex(templates: MineTemplate[] | undefined): SharedTemplates | undefined {
  if (!templates?.length) return undefined;
  const m: SharedTemplates = new Map();
  for (const tp of templates)
    for (const id of tp.ticket_ids) m.set(id, { cluster: tp.cluster_id, complainants: tp.complainants });
  return m;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The criteria strongest first, each with the points it adds to the log-odds after the decay (they sum to z − BIAS). */
function toMine(ps: PersonState, fired: Fired[]): MinePerson {
  const ids = new Set<string>();
  for (const f of fired) for (const id of f.ticket_ids) ids.add(id);
  const ranked = [...fired].sort((a, b) => pointsOf(b) - pointsOf(a));
  return {
    complainant_id: ps.displayId,
    score: Math.round(scoreOf(fired) * 1e4) / 1e4,
    criteria: ranked.map((f, k) => ({
      code: f.code,
      label: f.label,
      evidence: f.evidence,
      evidence_en: f.evidence_en,
      strength: round2(f.strength),
      points: round2(pointsOf(f) * DECAY ** k),
    })),
    ticket_ids: [...ids],
  };
}

/** Batch: every person with ≥ 1 criterion and score ≥ minScore, highest score first. */
export function scorePersons(tickets: TifTicket[], opts: ScoreOptions = {}): MinePerson[] {
  const st = new RiskState(opts);
  const order = tickets
    .map((t, i) => [Date.parse(t.received_at) || 0, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, i] of order) st.ingest(tickets[i]!);
  return evaluateAll(st, opts);
}

export function evaluateAll(st: RiskState, opts: ScoreOptions = {}): MinePerson[] {
  const shared = sharedTemplateIndex(opts.templates);
  const min = opts.minScore ?? PROPOSE_THRESHOLD;
  // pass 1: every person on their own; pass 2: persons linked to a proposed identity are re-evaluated with it
  const first = new Map<number, Fired[]>();
  const proposed = new Map<number, number>();
  for (const ps of st.persons) {
    if (ps.tickets.length < MIN_TICKETS) continue;
    const fired = evaluatePerson(ps, st, shared);
    if (!fired.length) continue;
    first.set(ps.idx, fired);
    const s = scoreOf(fired);
    if (s >= PROPOSE_THRESHOLD) proposed.set(ps.idx, s);
  }
  // two-ticket identities are looked at only as members of a group with a proposed person
  for (const ps of st.persons) {
    if (ps.tickets.length !== MIN_TICKETS - 1 || ps.isOrg || !linkedPersons(ps, st).some((q) => proposed.has(q)))
      continue;
    const fired = evaluatePerson(ps, st, shared, proposed);
    if (fired.length) first.set(ps.idx, fired);
  }
  const out: MinePerson[] = [];
  for (const [idx, fired0] of first) {
    const ps = st.persons[idx]!;
    const fired = fired0.some((f) => f.code === 'collusion' || f.code === 'impersonation')
      ? evaluatePerson(ps, st, shared, proposed)
      : fired0;
    const mp = toMine(ps, fired);
    if (mp.score >= min) out.push(mp);
  }
  return out.sort((a, b) => b.score - a.score || a.complainant_id.localeCompare(b.complainant_id));
}

/**
 * Incremental scorer for live intake: `update(ticket)` folds one ticket in and re-evaluates only its person
 * (population norms move with every ticket, so a person's score is as of their latest ticket).
 */
export class IncrementalRiskScorer {
  readonly state: RiskState;
  private shared: SharedTemplates | undefined;
  /** persons currently at or above the threshold, with their score (for linked-identity evidence) */
  private proposed = new Map<number, number>();
  /** last assessment of very heavy persons, re-used between full re-evaluations (see update) */
  private cache = new Map<number, MinePerson>();
  constructor(private opts: ScoreOptions = {}) {
    this.state = new RiskState(opts);
    this.shared = sharedTemplateIndex(opts.templates);
  }
  setTemplates(t: MineTemplate[]): void {
    this.shared = sharedTemplateIndex(t);
  }
  /** Returns the person's current assessment (criteria may be empty), or null for an anonymous ticket. */
  update(t: TifTicket): MinePerson | null {
    const p = this.state.ingest(t);
    if (p < 0) return null;
    const ps = this.state.persons[p]!;
    const n = ps.tickets.length;
    // A person with hundreds of tickets is re-assessed in full every 10th ticket: their criteria move slowly, and
    // a full pass over ~1,000 tickets would cost several ms per ticket. The nightly batch is always complete.
    const cached = n > HEAVY_PERSON ? this.cache.get(p) : undefined;
    if (cached && n % 10 !== 0) return cached;
    const assess =
      n >= MIN_TICKETS || (n === MIN_TICKETS - 1 && linkedPersons(ps, this.state).some((q) => this.proposed.has(q)));
    const fired = assess ? evaluatePerson(ps, this.state, this.shared, this.proposed) : [];
    const s = fired.length ? scoreOf(fired) : 0;
    if (s >= PROPOSE_THRESHOLD) this.proposed.set(p, s);
    else this.proposed.delete(p);
    const out = fired.length
      ? toMine(ps, fired)
      : { complainant_id: ps.displayId, score: 0, criteria: [], ticket_ids: [] };
    if (n > HEAVY_PERSON) this.cache.set(p, out);
    return out;
  }
  /** Everyone currently above the threshold (a full pass; for the nightly list, not per ticket). */
  ranking(): MinePerson[] {
    return evaluateAll(this.state, this.opts);
  }
}
