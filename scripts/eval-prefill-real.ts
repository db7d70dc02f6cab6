/**
 * Field-level precision / recall of pre-fill on the hand-checked REAL set (server/modules/text/eval/prefill-real.jsonl:
 * 210 texts from ../shared/data — 黑猫, 车质网, Fuzhou 12345, CFPB, 外卖 and shopping reviews — each with the business,
 * product, amounts, dates, order number and demands as they appear in the text, written and checked by hand).
 * A business or product counts when its span overlaps a place where the text names it (any of the gold spellings);
 * amounts, dates and demands are compared as sets of values. Also: reliability of the confidences (expected
 * calibration error over 5 bins) and speed.
 * Run: npx tsx scripts/eval-prefill-real.ts [--errors FIELD] [--no-tagger] [--tagger MODEL]
 */
import { readFileSync } from 'node:fs';
import { loadTaggerFile, prefill, type Prefill, type PrefillField } from '../server/modules/text/index.js';

type Gold = {
  business: string[];
  product: string | null;
  amounts: number[];
  dates: string[];
  order_no: string | null;
  demands: string[];
};
type Ex = { file: string; id: string; received_at: string; title?: string | null; text: string; gold: Gold };
const set = readFileSync(new URL('../server/modules/text/eval/prefill-real.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Ex);
const arg = (k: string) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : undefined);
const showErrors = arg('--errors');
const taggerFile = arg('--tagger');
const tagger = process.argv.includes('--no-tagger') ? null : taggerFile ? loadTaggerFile(taggerFile) : undefined;

const FIELDS = ['business', 'product', 'amounts', 'dates', 'order_no', 'demands'] as const;
type F = (typeof FIELDS)[number];
const counts = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
  F,
  { tp: number; fp: number; fn: number }
>;
const byFile: Record<string, { named: number; found: number; spurious: number; unnamed: number }> = {};
const calib: Record<string, [number, boolean][]> = { business: [], product: [], amounts: [], dates: [], demands: [] };

const lower = (s: string) => s.toLowerCase();
/** does the field's span overlap a place where `text` says one of `names`? */
function overlapsName(field: PrefillField<string>, e: Ex, names: string[]): boolean {
  const src = field.source === 'title' ? (e.title ?? '') : e.text;
  const s = lower(src);
  for (const n of names) {
    const k = lower(n);
    for (let i = s.indexOf(k); i >= 0; i = s.indexOf(k, i + 1))
      if (field.start < i + k.length && field.end > i) return true;
  }
  return false;
}

const t0 = process.cpuUsage();
const results: Prefill[] = set.map((e) =>
  prefill(e.text, e.title ?? undefined, {
    refDate: e.received_at.slice(0, 10),
    ...(tagger !== undefined ? { tagger } : {}),
  }),
);
const cpu = process.cpuUsage(t0);
set.forEach((e, i) => {
  const p = results[i]!;
  const g = e.gold;
  const file = e.file.replace('.tif.jsonl.gz', '');
  const bf = (byFile[file] ??= { named: 0, found: 0, spurious: 0, unnamed: 0 });
  // single span fields
  for (const f of ['business', 'product'] as const) {
    const want = f === 'business' ? g.business : g.product ? [g.product] : [];
    const got = p[f];
    const ok = !!got && want.length > 0 && overlapsName(got, e, want);
    if (got) calib[f]!.push([got.confidence, ok]);
    if (ok) counts[f].tp++;
    else {
      if (got) counts[f].fp++;
      if (want.length) counts[f].fn++;
      if (showErrors === f && (got || want.length))
        console.log(
          `${e.id} ${f}: want ${JSON.stringify(want)} got ${JSON.stringify(got?.value)}@${got?.start} (${got?.via ?? ''}) | ${(e.title ?? '').slice(0, 30)} | ${e.text.slice(0, 90).replace(/\n/g, ' ')}`,
        );
    }
    if (f === 'business') {
      if (want.length) {
        bf.named++;
        if (ok) bf.found++;
      } else {
        bf.unnamed++;
        if (got) bf.spurious++;
      }
    }
  }
  // order number
  {
    const got = p.order_no?.value;
    const want = g.order_no;
    if (got && want && got === want) counts.order_no.tp++;
    else {
      if (got) counts.order_no.fp++;
      if (want) counts.order_no.fn++;
      if (showErrors === 'order_no' && (got || want)) console.log(`${e.id} order_no: want ${want} got ${got}`);
    }
  }
  // list fields
  const lists: [F, unknown[], PrefillField<unknown>[]][] = [
    ['amounts', g.amounts, p.amounts],
    ['dates', g.dates, p.dates],
    ['demands', g.demands, p.demands],
  ];
  for (const [f, wantL, gotL] of lists) {
    const want = new Set(wantL.map(String));
    const seen = new Set<string>();
    for (const h of gotL) {
      const v = String(h.value);
      if (seen.has(v)) continue;
      seen.add(v);
      const ok = want.has(v);
      calib[f]!.push([h.confidence, ok]);
      if (ok) counts[f].tp++;
      else counts[f].fp++;
    }
    for (const w of want) if (!seen.has(w)) counts[f].fn++;
    if (showErrors === f && ([...want].some((w) => !seen.has(w)) || [...seen].some((v) => !want.has(v))))
      console.log(
        `${e.id} ${f}: want ${[...want]} got ${[...seen]} | ${(e.title ?? '').slice(0, 30)} | ${e.text.slice(0, 120).replace(/\n/g, ' ')}`,
      );
  }
});

const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** expected calibration error over 5 equal-width confidence bins */
function ece(pairs: [number, boolean][]): { ece: number; bins: { conf: string; n: number; accuracy: number }[] } {
  const bins = Array.from({ length: 5 }, () => ({ n: 0, c: 0, ok: 0 }));
  for (const [c, ok] of pairs) {
    const b = bins[Math.min(4, Math.floor(c * 5))]!;
    b.n++;
    b.c += c;
    if (ok) b.ok++;
  }
  const n = pairs.length || 1;
  let e = 0;
  for (const b of bins) if (b.n) e += (b.n / n) * Math.abs(b.ok / b.n - b.c / b.n);
  return {
    ece: r3(e),
    bins: bins
      .map((b, i) => ({ conf: `${i / 5}-${(i + 1) / 5}`, n: b.n, accuracy: b.n ? r3(b.ok / b.n) : 0 }))
      .filter((b) => b.n),
  };
}
const table: Record<string, unknown> = {};
console.log(`field      precision  recall   f1     (tp/fp/fn)   ECE`);
for (const f of FIELDS) {
  const c = counts[f];
  const P = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const R = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const F1 = P + R ? (2 * P * R) / (P + R) : 0;
  const cal = calib[f] ? ece(calib[f]!) : undefined;
  table[f] = {
    precision: r3(P),
    recall: r3(R),
    f1: r3(F1),
    ...c,
    ...(cal ? { ece: cal.ece, reliability: cal.bins } : {}),
  };
  console.log(
    `${f.padEnd(10)} ${P.toFixed(3).padStart(9)} ${R.toFixed(3).padStart(7)} ${F1.toFixed(3).padStart(6)}   ${`${c.tp}/${c.fp}/${c.fn}`.padEnd(11)}  ${cal?.ece ?? ''}`,
  );
}
console.log('business by source: named → found (recall); texts naming no business → spurious business');
for (const [f, b] of Object.entries(byFile))
  console.log(
    `  ${f.padEnd(20)} ${b.found}/${b.named} = ${b.named ? (b.found / b.named).toFixed(3) : '-'}   spurious ${b.spurious}/${b.unnamed}`,
  );
const cpuS = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    examples: set.length,
    tagger: tagger === null ? 'none' : (taggerFile ?? 'default'),
    cpu_ms: Math.round(cpuS * 1000),
    fields: table,
    business_by_source: byFile,
  }),
);
