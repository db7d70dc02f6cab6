/**
 * Real-data check of the template criterion (the real files carry no complainant ids, so persons are assigned):
 * every group of ≥ MIN near-identical texts (Jaccard ≥ 0.5 on character shingles) is filed by one synthetic
 * "filer"; every other ticket goes to people who wrote once or twice, and two extra single-ticket people copy a text
 * of each group (the same words, written once). Bars: filers get the 模板化诉求文本 criterion; once-or-twice writers
 * get nothing.
 *
 *   npx tsx bench/risk-real.ts ../shared/data/cfpb-samples.tif.jsonl.gz ../shared/data/car-complaints.tif.jsonl.gz [--min 10]
 */
import type { TifTicket } from '../shared/tif.js';
import { loadTif } from '../server/platform/tif/index.js';
import { jaccard, scorePersons, sketchOf } from '../server/modules/risk/index.js';

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--min');
const MIN = args.includes('--min') ? Number(args[args.indexOf('--min') + 1]) : 12;
const rows: string[] = [];
const summary: Record<string, unknown>[] = [];

for (const file of files) {
  const { tickets: all } = await loadTif([file]);
  const tickets = all.filter((t) => ((t.title ?? '') + (t.text ?? '')).trim().length > 0);
  // leader clustering of all texts, candidates bucketed by their smallest shingle hash values
  const exemplars: { sk: Uint32Array; members: number[] }[] = [];
  const bucket = new Map<number, number[]>();
  tickets.forEach((t, i) => {
    const { sketch } = sketchOf(((t.title ?? '') + ' ' + (t.text ?? '')).trim());
    if (!sketch) return;
    const cand = new Set<number>();
    for (const h of sketch.slice(0, 4)) for (const c of bucket.get(h) ?? []) cand.add(c);
    for (const c of cand)
      if (jaccard(exemplars[c]!.sk, sketch) >= 0.5) {
        exemplars[c]!.members.push(i);
        return;
      }
    exemplars.push({ sk: sketch, members: [i] });
    for (const h of sketch.slice(0, 4)) {
      const l = bucket.get(h);
      if (l) l.push(exemplars.length - 1);
      else bucket.set(h, [exemplars.length - 1]);
    }
  });
  const owner: string[] = new Array(tickets.length);
  const filers: string[] = [];
  const copies: TifTicket[] = [];
  let singles = 0;
  for (const [k, e] of exemplars.entries()) {
    if (e.members.length < MIN) continue;
    const f = `filer-${k}`;
    filers.push(f);
    for (const i of e.members) owner[i] = f;
    for (const j of [0, 1])
      copies.push({ ...tickets[e.members[j]!]!, id: `copy-${k}-${j}`, complainant: { id: `person-copy-${k}-${j}` } });
  }
  // the rest: people who wrote once or twice (pairs of consecutive leftover tickets share a person every third time)
  let p = 0;
  for (let i = 0; i < tickets.length; i++) {
    if (owner[i]) continue;
    owner[i] = `person-${p}`;
    if (p % 3 === 0) {
      const j = owner.findIndex((o, x) => x > i && !o);
      if (j > 0) owner[j] = `person-${p}`;
    }
    p++;
    singles++;
  }
  const withPersons: TifTicket[] = [...tickets.map((t, i) => ({ ...t, complainant: { id: owner[i]! } })), ...copies];
  const s = performance.now();
  const out = scorePersons(withPersons, { minScore: 0 });
  const ms = performance.now() - s;
  const got = new Map(out.map((x) => [x.complainant_id, x]));
  const filerTpl = filers.filter((f) => got.get(f)?.criteria.some((c) => c.code === 'template')).length;
  const filerProposed = filers.filter((f) => (got.get(f)?.score ?? 0) >= 0.5).length;
  const smallFlagged = out.filter((x) => x.complainant_id.startsWith('person-')).length;
  const name = file.split('/').pop()!;
  const small = p + copies.length;
  rows.push(
    `${name.padEnd(32)} ${String(tickets.length).padEnd(8)} ${String(filers.length).padEnd(7)} ${String(filerTpl).padEnd(9)} ${String(filerProposed).padEnd(9)} ${String(small).padEnd(8)} ${smallFlagged}   ${ms.toFixed(0)}`,
  );
  summary.push({
    file: name,
    tickets: tickets.length,
    filers: filers.length,
    filers_with_template: filerTpl,
    filers_proposed: filerProposed,
    small_persons: small,
    small_flagged: smallFlagged,
    ms: Math.round(ms),
  });
  for (const x of out.filter((y) => y.complainant_id.startsWith('person-')))
    console.log('FLAGGED', x.complainant_id, JSON.stringify(x.criteria));
  const ex = out.find((x) => x.complainant_id.startsWith('filer-'));
  if (ex)
    console.log(`example (${name}):`, ex.criteria.map((c) => `${c.label}: ${c.evidence.slice(0, 160)}`).join(' | '));
  void singles;
}
console.log('file                             tickets  filers  template  proposed  small    small_flagged  ms');
for (const r of rows) console.log(r);
console.log(JSON.stringify({ bench: 'risk-real', min_group: MIN, results: summary }));
