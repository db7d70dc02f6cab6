/**
 * Evaluates the abnormal-complainant model on a simulated city against its ground truth.
 *
 *   node bin/xiezhi.js simulate --tickets 200000 --seed 1 --out /tmp/sim.jsonl.gz --truth /tmp/truth.json
 *   npx tsx scripts/eval-risk.ts /tmp/sim.jsonl.gz /tmp/truth.json [--templates] [--incremental N]
 *
 * Prints precision/recall at the proposal threshold (positives: professional + colluding), a PR table at several
 * thresholds, honest-heavy persons in the top 1 % of scores, marks without evidence, timing, and a final JSON line.
 * --templates also runs the text module's clusterTemplates and passes its clusters in (slower).
 */
import { readFileSync } from 'node:fs';
import type { MinePerson, SimTruth, TifTicket } from '../shared/tif.js';
import { loadTif } from '../server/platform/tif/index.js';
import { IncrementalRiskScorer, PROPOSE_THRESHOLD, scorePersons } from '../server/modules/risk/index.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (files.length < 2) {
  console.error(
    'usage: npx tsx scripts/eval-risk.ts TICKETS.tif.jsonl[.gz] TRUTH.json [--templates] [--incremental N]',
  );
  process.exit(2);
}
const [ticketFile, truthFile] = files as [string, string];
const incIdx = args.indexOf('--incremental');
const incN = incIdx >= 0 ? Number(args[incIdx + 1] ?? 20000) : 20000;

const t0 = performance.now();
const { tickets } = await loadTif([ticketFile]);
const tLoad = performance.now() - t0;
const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as SimTruth;
const role = new Map(truth.persons.map((p) => [p.complainant_id, p.role]));
const isPos = (id: string): boolean => role.get(id) === 'professional' || role.get(id) === 'colluding';

let templates;
let tTemplates = 0;
if (args.includes('--templates')) {
  const { clusterTemplates } = await import('../server/modules/text/index.js');
  const s = performance.now();
  templates = clusterTemplates(tickets);
  tTemplates = performance.now() - s;
}

const mem0 = process.memoryUsage().heapUsed;
const s1 = performance.now();
const cpu1 = process.cpuUsage();
const scored: MinePerson[] = scorePersons(tickets, { minScore: 0, templates });
const tScore = performance.now() - s1;
const cpuScore = process.cpuUsage(cpu1);
const cpuSec = (cpuScore.user + cpuScore.system) / 1e6;
const heapMb = Math.round((process.memoryUsage().heapUsed - mem0) / 1e6);

const persons = new Set<string>();
for (const t of tickets) if (t.complainant?.id) persons.add(t.complainant.id);
const score = new Map(scored.map((p) => [p.complainant_id, p.score]));
const positives = [...persons].filter(isPos);

function at(thr: number): {
  thr: number;
  marked: number;
  tp: number;
  precision: number;
  recall: number;
  honest: number;
} {
  const marked = scored.filter((p) => p.score >= thr);
  const tp = marked.filter((p) => isPos(p.complainant_id)).length;
  const honest = marked.filter((p) => role.get(p.complainant_id) === 'honest_heavy').length;
  return {
    thr,
    marked: marked.length,
    tp,
    precision: marked.length ? tp / marked.length : 1,
    recall: positives.length ? tp / positives.length : 1,
    honest,
  };
}
const main = at(PROPOSE_THRESHOLD);
const table = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(at);

// top 1 % of all persons by score (persons without criteria score 0 and rank last)
const ranked = [...persons].map((id) => [id, score.get(id) ?? 0] as const).sort((a, b) => b[1] - a[1]);
const top = ranked.slice(0, Math.max(1, Math.ceil(ranked.length * 0.01)));
const honestTop = top.filter(([id, s]) => s > 0 && role.get(id) === 'honest_heavy').length;
const noEvidence = scored.filter(
  (p) => p.score >= PROPOSE_THRESHOLD && (!p.criteria.length || p.criteria.some((c) => !c.evidence)),
).length;

const byRole: Record<string, { n: number; marked: number }> = {};
for (const p of truth.persons) {
  if (!persons.has(p.complainant_id)) continue;
  const r = (byRole[p.role] ??= { n: 0, marked: 0 });
  r.n++;
  if ((score.get(p.complainant_id) ?? 0) >= PROPOSE_THRESHOLD) r.marked++;
}
const codeCount: Record<string, number> = {};
for (const p of scored)
  if (p.score >= PROPOSE_THRESHOLD) for (const c of p.criteria) codeCount[c.code] = (codeCount[c.code] ?? 0) + 1;
const missed = positives.filter((id) => (score.get(id) ?? 0) < PROPOSE_THRESHOLD);
const fps = scored.filter((p) => p.score >= PROPOSE_THRESHOLD && !isPos(p.complainant_id));

// incremental: replay the last N tickets one at a time after a batch warm-up
const sorted = [...tickets].sort((a, b) => a.received_at.localeCompare(b.received_at));
const inc = new IncrementalRiskScorer();
const cut = Math.max(0, sorted.length - incN);
for (let i = 0; i < cut; i++) inc.state.ingest(sorted[i]!);
const lat: number[] = [];
const latCpu: number[] = [];
for (let i = cut; i < sorted.length; i++) {
  const c = process.cpuUsage();
  const s = performance.now();
  inc.update(sorted[i] as TifTicket);
  lat.push(performance.now() - s);
  const d = process.cpuUsage(c);
  latCpu.push((d.user + d.system) / 1000);
}
lat.sort((a, b) => a - b);
latCpu.sort((a, b) => a - b);
const pctOf = (xs: number[], q: number): number =>
  Math.round((xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0) * 1000) / 1000;
const pct = (q: number): number => pctOf(lat, q);

const f = (x: number): string => x.toFixed(3);
console.log(
  `tickets ${tickets.length}, persons ${persons.size}, positives ${positives.length} (professional+colluding)`,
);
console.log(
  `threshold ${PROPOSE_THRESHOLD}: marked ${main.marked}, precision ${f(main.precision)}, recall ${f(main.recall)}, honest-heavy marked ${main.honest}`,
);
console.log(
  'by role:',
  Object.entries(byRole)
    .map(([k, v]) => `${k} ${v.marked}/${v.n}`)
    .join(', '),
);
{
  const ms = scored
    .filter((p) => p.score >= PROPOSE_THRESHOLD)
    .map((p) => p.score)
    .sort((a, b) => a - b);
  const q = (x: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(x * ms.length))]!.toFixed(2) : '-');
  console.log(
    `proposed scores: min ${q(0)}, p10 ${q(0.1)}, p25 ${q(0.25)}, median ${q(0.5)}, p75 ${q(0.75)}, max ${q(1)}; ${new Set(ms.map((x) => x.toFixed(2))).size} distinct values (2 d.p.) among ${ms.length}`,
  );
}
console.log(`honest-heavy in top 1% (${top.length} persons): ${honestTop}; marks without evidence: ${noEvidence}`);
console.log('criteria among marks:', JSON.stringify(codeCount));
console.log('thr    marked  tp     precision recall honest');
for (const r of table)
  console.log(
    `${r.thr.toFixed(1)}    ${String(r.marked).padEnd(7)} ${String(r.tp).padEnd(6)} ${f(r.precision)}     ${f(r.recall)}  ${r.honest}`,
  );
console.log(
  `timing: load ${(tLoad / 1000).toFixed(1)} s, templates ${(tTemplates / 1000).toFixed(1)} s, score ${(tScore / 1000).toFixed(1)} s wall / ${cpuSec.toFixed(1)} s CPU (${Math.round(tickets.length / (tScore / 1000))} tickets/s, heap +${heapMb} MB); incremental update wall p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms; CPU p50 ${pctOf(latCpu, 0.5)} ms, p99 ${pctOf(latCpu, 0.99)} ms`,
);
if (process.env.RISK_DEBUG) {
  for (const id of missed.slice(0, 8))
    console.log(
      'MISSED',
      id,
      role.get(id),
      JSON.stringify(
        scored.find((p) => p.complainant_id === id)?.criteria.map((c) => [c.code, c.evidence.slice(0, 90)]) ?? [],
      ),
      tickets.filter((t) => t.complainant?.id === id).length,
    );
  for (const p of fps.slice(0, 8))
    console.log(
      'FP',
      p.complainant_id,
      role.get(p.complainant_id) ?? 'ordinary',
      p.score,
      JSON.stringify(p.criteria.map((c) => [c.code, c.evidence.slice(0, 120)])),
    );
}
console.log(
  JSON.stringify({
    tickets: tickets.length,
    persons: persons.size,
    positives: positives.length,
    threshold: PROPOSE_THRESHOLD,
    precision: +f(main.precision),
    recall: +f(main.recall),
    marked: main.marked,
    honest_marked: main.honest,
    honest_top1pct: honestTop,
    marks_without_evidence: noEvidence,
    by_role: byRole,
    score_seconds: +(tScore / 1000).toFixed(2),
    score_cpu_seconds: +cpuSec.toFixed(2),
    templates_seconds: +(tTemplates / 1000).toFixed(2),
    incremental_ms: {
      p50: pct(0.5),
      p99: pct(0.99),
      max: pct(1),
      cpu_p50: pctOf(latCpu, 0.5),
      cpu_p99: pctOf(latCpu, 0.99),
    },
    pr: table.map((r) => ({ thr: r.thr, precision: +f(r.precision), recall: +f(r.recall) })),
  }),
);
