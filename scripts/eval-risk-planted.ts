/**
 * The abnormal-complainant score on REAL complaint texts with planted identities (scripts/risk-planted.ts):
 * precision@N (N = the planted repeat punitive claimants), honest heavy complainants in the top N, the share of each
 * role proposed at the threshold, the score's spread, and the baseline "rank by repeated punitive-damage claims".
 *
 *   npx tsx scripts/eval-risk-planted.ts [--seed 2] [--half B]      # measure (people built from half B's texts)
 *   npx tsx scripts/eval-risk-planted.ts --fit [--seed 1] [--half A] # fit the criterion weights (half A's texts)
 *
 * --fit prints the L2-regularised logistic fit of "planted profit-seeker" on the criterion strengths; the weights in
 * server/modules/risk/domain/catalog.ts were taken from it (rounded) — the measurement then runs on the other half.
 */
import type { MinePerson } from '../shared/tif.js';
import {
  CRITERIA,
  DECAY,
  PROPOSE_THRESHOLD,
  keyedHasher,
  normName,
  normPhone,
  scorePersons,
} from '../server/modules/risk/index.js';
import { plant, realTexts, type Role } from './risk-planted.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const fit = args.includes('--fit');
const seed = Number(opt('--seed', fit ? '1' : '2'));
const half = opt('--half', fit ? 'A' : 'B') as 'A' | 'B';

const t0 = performance.now();
const texts = await realTexts(half);
const { tickets, role, byPhone } = plant(texts, { seed });
const hash = keyedHasher(undefined);
// the model names a person without a source id by the keyed hash of phone + name (risk/domain/graph.ts)
const idOf = new Map<string, string>();
for (const [k, id] of byPhone) {
  const [phone, name] = k.split('|') as [string, string];
  idOf.set('h:' + hash('pn', normPhone(phone)! + '|' + (normName(name) ?? '')), id);
}
const s1 = performance.now();
const scored: MinePerson[] = scorePersons(tickets, { minScore: 0 });
const tScore = (performance.now() - s1) / 1000;
const roleOf = (mid: string): Role => role.get(idOf.get(mid) ?? '') ?? 'ordinary';

const count: Record<Role, number> = { profit: 0, honest: 0, oneoff: 0, household: 0, ordinary: 0 };
for (const r of role.values()) count[r]++;
const N = count.profit;

if (fit) {
  // rows: every assessed person (≥ 1 criterion); features: each criterion's strength (0 when it did not fire)
  const codes = CRITERIA.filter((c) => c.code !== 'other').map((c) => c.code);
  const X: number[][] = [];
  const y: number[] = [];
  for (const p of scored) {
    const s = new Map(p.criteria.map((c) => [c.code, (c as { strength?: number }).strength ?? 1]));
    X.push(codes.map((c) => s.get(c) ?? 0));
    y.push(roleOf(p.complainant_id) === 'profit' ? 1 : 0);
  }
  // Only criteria this set exercises (fired ≥ 10 times, ≥ 5 of them on planted persons) are fitted; the others keep the catalog's weight. Weights are
  // kept ≥ 0 (projected gradient): a criterion that fires can never lower a person's score (monotone, explainable).
  const fired = codes.map((_, j) => X.filter((x) => x[j]! > 0).length);
  const firedPos = codes.map((_, j) => X.filter((x, i) => x[j]! > 0 && y[i]).length);
  const free = fired.map((f, j) => f >= 10 && firedPos[j]! >= 5);
  const w = codes.map((c, j) => (free[j] ? 0 : CRITERIA.find((d) => d.code === c)!.weight));
  let b = 0;
  const lambda = 0.01;
  // z = b + Σ_k w·s sorted high to low × DECAY^k (score.ts): linear in w once the order is fixed, so each step
  // re-ranks every row's criteria under the current weights and takes the gradient of that linear form
  for (let it = 0; it < 4000; it++) {
    const gw = new Array(codes.length).fill(0) as number[];
    let gb = 0;
    for (let i = 0; i < X.length; i++) {
      const js = X[i]!.map((x, j) => [j, x * w[j]!] as const)
        .filter(([j]) => X[i]![j]! > 0)
        .sort((a, b) => b[1] - a[1]);
      const mult = new Map(js.map(([j], k) => [j, DECAY ** k]));
      const z = b + js.reduce((acc, [j, v]) => acc + v * mult.get(j)!, 0);
      const e = 1 / (1 + Math.exp(-z)) - y[i]!;
      gb += e;
      for (const [j] of js) gw[j]! += e * X[i]![j]! * mult.get(j)!;
    }
    b -= (0.5 * gb) / X.length;
    for (let j = 0; j < w.length; j++)
      if (free[j]) w[j] = Math.max(0, w[j]! - 0.5 * (gw[j]! / X.length + lambda * w[j]!));
  }
  console.log(`fit on seed ${seed}, half ${half}: ${X.length} assessed persons, ${y.filter(Boolean).length} planted`);
  console.log(
    JSON.stringify(
      {
        bias: +b.toFixed(2),
        weights: Object.fromEntries(
          codes.map((c, j) => [c, { w: +w[j]!.toFixed(2), fired: fired[j], fitted: free[j] }]),
        ),
      },
      null,
      1,
    ),
  );
  process.exit(0);
}

// model: rank by score; persons without a criterion score 0 and rank after everyone assessed
const ranked = [...scored].sort((a, b) => b.score - a.score);
const topN = ranked.slice(0, N);
const precisionAtN = topN.filter((p) => roleOf(p.complainant_id) === 'profit').length / N;
const honestTop = topN.filter((p) => roleOf(p.complainant_id) === 'honest').length;
const proposed = scored.filter((p) => p.score >= PROPOSE_THRESHOLD);
const listed: Record<Role, number> = { profit: 0, honest: 0, oneoff: 0, household: 0, ordinary: 0 };
for (const p of proposed) listed[roleOf(p.complainant_id)]++;

// baseline: rank people by how many of their complaints demand punitive damages (ties: the larger share first)
const PUN = /(三倍|3倍|十倍|10倍|退一赔三|退一赔十|假一赔[三十]|惩罚性赔偿|第五十五条|第一百四十八条)/;
const per = new Map<string, { n: number; p: number }>();
for (const t of tickets) {
  const k = `${t.complainant!.phone}|${t.complainant!.name}`;
  const e = per.get(k) ?? { n: 0, p: 0 };
  e.n++;
  if (PUN.test(t.text ?? '')) e.p++;
  per.set(k, e);
}
const base = [...per.entries()].sort((a, b) => b[1].p - a[1].p || b[1].p / b[1].n - a[1].p / a[1].n);
const bTop = base.slice(0, N).map(([k]) => role.get(byPhone.get(k)!)!);
const bPrec = bTop.filter((r) => r === 'profit').length / N;
const bHonest = bTop.filter((r) => r === 'honest').length;
// the baseline's own "listing": three or more punitive demands
const bListed: Record<Role, number> = { profit: 0, honest: 0, oneoff: 0, household: 0, ordinary: 0 };
for (const [k, e] of base) if (e.p >= 3) bListed[role.get(byPhone.get(k)!)!]++;

const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(1)}%)`;
const scores = proposed.map((p) => p.score).sort((a, b) => a - b);
const q = (x: number) =>
  scores.length ? scores[Math.min(scores.length - 1, Math.floor(x * scores.length))]!.toFixed(2) : '-';
const distinct = new Set(proposed.map((p) => p.score.toFixed(2))).size;
console.log(
  `real texts (half ${half}): ${texts.length}; planted population seed ${seed}: ${tickets.length} tickets, ${role.size} people (${Object.entries(
    count,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
);
console.log(
  `model   precision@${N} ${precisionAtN.toFixed(3)}, honest in top ${N}: ${honestTop}; proposed at ${PROPOSE_THRESHOLD}: profit ${pct(listed.profit, count.profit)}, honest ${pct(listed.honest, count.honest)}, one-off punitive ${pct(listed.oneoff, count.oneoff)}, household ${pct(listed.household, count.household)}, ordinary ${pct(listed.ordinary, count.ordinary)}`,
);
console.log(
  `        proposed scores: min ${q(0)}, p25 ${q(0.25)}, median ${q(0.5)}, p75 ${q(0.75)}, max ${q(1)}; ${distinct} distinct values (2 d.p.) among ${proposed.length}`,
);
console.log(
  `baseline (rank by punitive claims) precision@${N} ${bPrec.toFixed(3)}, honest in top ${N}: ${bHonest}; ≥ 3 punitive claims: profit ${pct(bListed.profit, count.profit)}, honest ${pct(bListed.honest, count.honest)}, one-off ${pct(bListed.oneoff, count.oneoff)}, ordinary ${pct(bListed.ordinary, count.ordinary)}`,
);
if (process.env.RISK_DEBUG) {
  for (const p of topN.filter((x) => roleOf(x.complainant_id) !== 'profit'))
    console.log('TOP-N NOT PLANTED', roleOf(p.complainant_id), p.score, p.criteria.map((c) => c.code).join(','));
  for (const p of proposed.filter((x) => roleOf(x.complainant_id) !== 'profit').slice(0, 10))
    console.log(
      'PROPOSED',
      roleOf(p.complainant_id),
      p.score,
      p.criteria.map((c) => `${c.code}: ${c.evidence.slice(0, 80)}`).join(' | '),
    );
  const missed = [...role.entries()]
    .filter(([, r]) => r === 'profit')
    .map(([id]) => id)
    .filter((id) => !proposed.some((p) => idOf.get(p.complainant_id) === id));
  console.log('MISSED profit', missed.length, missed.slice(0, 10).join(' '));
}
console.log(
  JSON.stringify({
    bench: 'risk-planted',
    seed,
    half,
    tickets: tickets.length,
    people: role.size,
    planted: N,
    precision_at_n: +precisionAtN.toFixed(3),
    honest_in_top_n: honestTop,
    proposed: listed,
    population: count,
    baseline: { precision_at_n: +bPrec.toFixed(3), honest_in_top_n: bHonest, three_or_more: bListed },
    score_quantiles: { min: q(0), p25: q(0.25), median: q(0.5), p75: q(0.75), max: q(1) },
    distinct_scores: distinct,
    score_seconds: +tScore.toFixed(1),
    total_seconds: +((performance.now() - t0) / 1000).toFixed(1),
  }),
);
