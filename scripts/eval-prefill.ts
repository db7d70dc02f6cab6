/**
 * Field-level precision / recall of pre-fill on the evaluation set (server/modules/text/eval/prefill-set.jsonl).
 * Run: npx tsx scripts/eval-prefill.ts [--errors FIELD]   Last line: JSON with per-field figures and speed.
 */
import { readFileSync } from 'node:fs';
import { prefill, type Prefill } from '../server/modules/text/index.js';

type Ex = {
  id: string;
  style: string;
  ref_date: string;
  title?: string;
  text: string;
  expected: Record<string, unknown>;
};
const set = readFileSync(new URL('../server/modules/text/eval/prefill-set.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Ex);
const showErrors = process.argv.includes('--errors') ? process.argv[process.argv.indexOf('--errors') + 1] : undefined;

const SINGLE = [
  'business',
  'address',
  'district',
  'street',
  'platform',
  'product',
  'order_no',
  'purchase_date',
  'quantity',
] as const;
const LISTS = ['amounts', 'phones', 'id_numbers', 'demands', 'legal_basis'] as const;
const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
for (const f of [...SINGLE, ...LISTS]) counts[f] = { tp: 0, fp: 0, fn: 0 };

/** Spans of names: a prediction that contains or is contained in the expected value, at 60 %+ of its length, counts. */
const near = (a: string, b: string) =>
  a === b || ((a.includes(b) || b.includes(a)) && Math.min(a.length, b.length) / Math.max(a.length, b.length) >= 0.6);

function single(p: Prefill, f: (typeof SINGLE)[number]): unknown {
  if (f === 'district' || f === 'street')
    return (p.address as { parts?: Record<string, string> } | undefined)?.parts?.[f];
  return (p as unknown as Record<string, { value: unknown } | undefined>)[f]?.value;
}

const t0 = performance.now();
const results = set.map((e) => prefill(e.text, e.title, { refDate: e.ref_date }));
const ms = performance.now() - t0;
set.forEach((e, i) => {
  const p = results[i]!;
  for (const f of SINGLE) {
    const want = e.expected[f];
    const got = single(p, f);
    const ok =
      want !== undefined && got !== undefined && (typeof want === 'string' ? near(String(got), want) : got === want);
    if (ok) counts[f]!.tp++;
    else {
      if (got !== undefined) counts[f]!.fp++;
      if (want !== undefined) counts[f]!.fn++;
      if (showErrors === f)
        console.log(`${e.id} ${f}: want ${JSON.stringify(want)} got ${JSON.stringify(got)} | ${e.text.slice(0, 80)}`);
    }
  }
  for (const f of LISTS) {
    const want = new Set(((e.expected[f] as unknown[]) ?? []).map(String));
    const got = new Set(((p as unknown as Record<string, { value: unknown }[]>)[f] ?? []).map((h) => String(h.value)));
    for (const g of got) want.has(g) ? counts[f]!.tp++ : counts[f]!.fp++;
    for (const w of want) if (!got.has(w)) counts[f]!.fn++;
    if (showErrors === f && (want.size !== got.size || [...want].some((w) => !got.has(w))))
      console.log(`${e.id} ${f}: want ${[...want]} got ${[...got]} | ${e.text.slice(0, 80)}`);
  }
});
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const table: Record<string, { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }> = {};
console.log('field          precision recall  f1     (tp/fp/fn)');
for (const [f, c] of Object.entries(counts)) {
  const P = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const R = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const F = P + R ? (2 * P * R) / (P + R) : 0;
  table[f] = { precision: r3(P), recall: r3(R), f1: r3(F), ...c };
  console.log(
    `${f.padEnd(14)} ${P.toFixed(3).padStart(9)} ${R.toFixed(3).padStart(6)} ${F.toFixed(3).padStart(6)}   ${c.tp}/${c.fp}/${c.fn}`,
  );
}
console.log(JSON.stringify({ examples: set.length, ms_total: Math.round(ms), fields: table }));
