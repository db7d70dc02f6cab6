/**
 * Dispatch on real addresses: server/modules/dispatch/eval/addresses-real.jsonl (hand-checked heimao and online-
 * shopping items; every Fuzhou 12345 item, true place by provenance) is joined with the real tickets in DATA_DIR by
 * source + id, each ticket goes through dispatch() with the fields intake gives it, and the result is compared with
 * the true province/city/district. The simulated city is an extra line (its tickets carry the planted district).
 *
 *   npm run eval:dispatch            # = npx tsx scripts/eval-dispatch.ts ../shared/data
 *
 * Bars (issue 9): non-Shanghai businesses placed in a Shanghai district = 0; Shanghai addresses in the right
 * district ≥ 0.95; real Shanghai tickets that get a district ≥ 0.8. Prints a table and a final JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { dispatch, districtName, type DispatchResult } from '../server/modules/dispatch/index.js';
import { simulateCity } from '../server/modules/simulation/index.js';
import { prefill } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';

interface Gold {
  source: string;
  id: string;
  truth: {
    shanghai: boolean;
    province: string;
    city: string | null;
    district: string | null;
    district_code?: string | null;
  };
  check: 'hand' | 'provenance';
  note?: string;
}

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error(
    'usage: npx tsx scripts/eval-dispatch.ts DATA_DIR   (the folder with *.tif.jsonl.gz, e.g. ../shared/data)',
  );
  process.exit(2);
}
const goldFile = join(import.meta.dirname, '../server/modules/dispatch/eval/addresses-real.jsonl');
const gold = readFileSync(goldFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Gold);

const bySource = new Map<string, Map<string, TifTicket>>();
for (const src of new Set(gold.map((g) => g.source))) {
  const file = join(dir, `${src}.tif.jsonl.gz`);
  if (!existsSync(file)) {
    console.error(`missing ${file}`);
    process.exit(2);
  }
  const { tickets } = await loadTif([file]);
  bySource.set(src, new Map(tickets.map((t) => [t.id, t])));
}

// as intake does: the ticket's own fields, else the business pre-fill (text/index.ts) finds in the text
const usePrefill = !process.argv.includes('--no-prefill');
const cache = new Map<TifTicket, DispatchResult>();
const run = (t: TifTicket): DispatchResult => {
  const hit = cache.get(t);
  if (hit) return hit;
  const r = t.respondent ?? {};
  const kind = t.kind ?? (t.labels as Record<string, string> | undefined)?.kind ?? 'complaint';
  const pf = usePrefill ? prefill(t.text ?? '', t.title) : undefined;
  const d = dispatch({
    kind,
    respondentAddress: r.address,
    respondentName: r.name ?? pf?.business?.value,
    respondentCreditCode: r.credit_code,
    platform: r.platform,
    location: t.location,
    text: `${t.title ?? ''} ${t.text ?? ''}`,
    ruleVersion: 'order121',
  });
  cache.set(t, d);
  return d;
};
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

// ---- non-Shanghai businesses ----
const rows: string[] = [];
const out: Record<string, unknown> = {};
const conf: { c: number; ok: boolean }[] = [];
let missing = 0;
for (const src of [...new Set(gold.map((g) => g.source))]) {
  const items = gold.filter((g) => g.source === src);
  const outside = items.filter((g) => !g.truth.shanghai);
  const inside = items.filter((g) => g.truth.shanghai);
  let inSh = 0,
    referred = 0,
    cityRight = 0,
    cityWrong = 0,
    withCity = 0;
  const wrongCities: string[] = [];
  for (const g of outside) {
    const t = bySource.get(src)!.get(g.id);
    if (!t) {
      missing++;
      continue;
    }
    const d = run(t);
    if (d.district_code) {
      inSh++;
      wrongCities.push(`${g.id}→${districtName(d.district_code)}`);
    }
    if (d.suggested_action === 'refer_out') {
      referred++;
      const named = d.refer_to?.city ?? null;
      if (g.truth.city) {
        withCity++;
        if (named === g.truth.city) cityRight++;
        else if (named) {
          cityWrong++;
          wrongCities.push(`${g.id}:${named}≠${g.truth.city}`);
        }
      }
      conf.push({ c: d.confidence, ok: !named || !g.truth.city || named === g.truth.city });
    }
  }
  let placed = 0,
    right = 0,
    wrong = 0,
    knownDistrict = 0,
    rightOfKnown = 0;
  const wrongSh: string[] = [];
  for (const g of inside) {
    const t = bySource.get(src)!.get(g.id);
    if (!t) {
      missing++;
      continue;
    }
    const d = run(t);
    const truth = g.truth.district_code ?? null;
    if (truth) knownDistrict++;
    if (d.district_code) {
      placed++;
      if (truth) {
        if (d.district_code === truth) {
          right++;
          rightOfKnown++;
        } else {
          wrong++;
          wrongSh.push(`${g.id}:${districtName(d.district_code)}≠${g.truth.district}`);
        }
      }
      conf.push({ c: d.confidence, ok: !truth || d.district_code === truth });
    }
  }
  if (outside.length) {
    rows.push(
      `${src.padEnd(18)} outside SH ${String(outside.length).padStart(4)} | placed in SH ${inSh} (${pct(inSh, outside.length)}) | referral ${referred} (${pct(referred, outside.length)}) | city named right ${cityRight}/${withCity}, wrong ${cityWrong}`,
    );
    if (wrongCities.length) rows.push(`    wrong: ${wrongCities.slice(0, 12).join('  ')}`);
  }
  if (inside.length) {
    rows.push(
      `${src.padEnd(18)} Shanghai   ${String(inside.length).padStart(4)} | got a district ${placed} (${pct(placed, inside.length)}) | right district ${right}/${right + wrong} placed with known truth (${pct(right, right + wrong)}) | of ${knownDistrict} naming a place below the city: ${rightOfKnown} right (${pct(rightOfKnown, knownDistrict)})`,
    );
    if (wrongSh.length) rows.push(`    wrong: ${wrongSh.join('  ')}`);
  }
  out[src] = {
    outside: outside.length,
    placed_in_shanghai: inSh,
    referral: ratio(referred, outside.length),
    city_right: cityRight,
    city_wrong: cityWrong,
    with_city: withCity,
    shanghai: inside.length,
    got_district: ratio(placed, inside.length),
    right_district: ratio(right, right + wrong),
    known_district: knownDistrict,
    right_of_known: ratio(rightOfKnown, knownDistrict),
  };
}

// ---- totals and the bars ----
const tot = (k: string) =>
  Object.values(out).reduce((s: number, o) => s + Number((o as Record<string, number>)[k] ?? 0), 0);
const nonShPlaced = tot('placed_in_shanghai');
const nonSh = tot('outside');
let shPlaced = 0,
  shRight = 0,
  shWrong = 0,
  shAll = 0,
  shKnown = 0,
  shKnownPlaced = 0;
for (const g of gold.filter((x) => x.truth.shanghai)) {
  const t = bySource.get(g.source)!.get(g.id);
  if (!t) continue;
  const d = run(t);
  shAll++;
  if (g.truth.district_code) shKnown++;
  if (d.district_code) {
    shPlaced++;
    if (g.truth.district_code) {
      shKnownPlaced++;
      if (d.district_code === g.truth.district_code) shRight++;
      else shWrong++;
    }
  }
}

// ---- confidence: does it mean something? ----
const buckets = [
  [0.9, 1.01],
  [0.75, 0.9],
  [0.6, 0.75],
  [0, 0.6],
] as const;
const calib = buckets.map(([lo, hi]) => {
  const b = conf.filter((x) => x.c >= lo && x.c < hi);
  return { range: `${lo}–${Math.min(hi, 1)}`, n: b.length, correct: ratio(b.filter((x) => x.ok).length, b.length) };
});

// ---- the simulated city (extra, not a bar) ----
const sim = simulateCity({ tickets: 5000, seed: 7, end: '2026-10-31' });
let sTot = 0,
  sNone = 0,
  sShTruth = 0,
  sShRight = 0,
  sOutTruth = 0,
  sOutInSh = 0,
  sOutRefer = 0,
  sNoBiz = 0;
for (const t of sim.tickets) {
  sTot++;
  const d = run(t);
  const truth = (t.extra as Record<string, unknown> | undefined)?.district_code as string | undefined;
  if (!d.district_code) sNone++;
  if (!truth) sNoBiz++;
  else if (truth.startsWith('31')) {
    sShTruth++;
    if (d.district_code === truth.slice(0, 6)) sShRight++;
  } else {
    sOutTruth++;
    if (d.district_code) sOutInSh++;
    if (d.suggested_action === 'refer_out') sOutRefer++;
  }
}

console.log('Dispatch on real addresses (gold: server/modules/dispatch/eval/addresses-real.jsonl)\n');
for (const r of rows) console.log(r);
console.log(
  `\nBAR non-Shanghai placed in a Shanghai district: ${nonShPlaced}/${nonSh} (${pct(nonShPlaced, nonSh)})  [bar 0]`,
);
console.log(
  `BAR Shanghai addresses in the right district: ${shRight}/${shRight + shWrong} placed (${pct(shRight, shRight + shWrong)})  [bar ≥ 95%]; recall ${shRight}/${shKnown} (${pct(shRight, shKnown)})`,
);
console.log(
  `BAR real Shanghai tickets that get a district: ${shPlaced}/${shAll} (${pct(shPlaced, shAll)}) [bar ≥ 80%]; of those naming a place below the city: ${shKnownPlaced}/${shKnown} (${pct(shKnownPlaced, shKnown)})`,
);
console.log(
  `confidence vs correct (placed or referred): ${calib.map((c) => `${c.range}: n=${c.n} ${c.correct ?? '—'}`).join(' | ')}`,
);
console.log(
  `simulated city (5,000 tickets, seed 7, extra): no district ${pct(sNone, sTot)}; no business place planted ${pct(sNoBiz, sTot)}; Shanghai business → right district ${pct(sShRight, sShTruth)}; out-of-town business → placed in Shanghai ${pct(sOutInSh, sOutTruth)} (platform sellers: the platform's domicile), referral ${pct(sOutRefer, sOutTruth)}`,
);
if (missing) console.log(`(${missing} gold ids not found in ${dir})`);
console.log(
  JSON.stringify({
    non_shanghai: nonSh,
    non_shanghai_placed_in_shanghai: nonShPlaced,
    shanghai: shAll,
    shanghai_got_district: ratio(shPlaced, shAll),
    shanghai_known: shKnown,
    shanghai_known_got_district: ratio(shKnownPlaced, shKnown),
    shanghai_right_district: ratio(shRight, shRight + shWrong),
    calibration: calib,
    sources: out,
    sim: {
      tickets: sTot,
      no_district: ratio(sNone, sTot),
      sh_right: ratio(sShRight, sShTruth),
      out_in_sh: ratio(sOutInSh, sOutTruth),
      out_refer: ratio(sOutRefer, sOutTruth),
    },
  }),
);
