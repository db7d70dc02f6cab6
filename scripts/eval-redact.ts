/**
 * Precision and recall of phone/QQ detection by the intake redactor on real texts, against hand labels
 * (server/modules/text/eval/pii-labels.tsv: every run of 7+ digits in five real sets, labelled in context), with a
 * plain-regex baseline on the same candidates. ID numbers: the real sets hold none (the only 18-digit run is
 * "111111111111111111"), so ID detection is covered by the property tests only. Run: npx tsx scripts/eval-redact.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { findPii, foldWidth } from '../server/modules/text/index.js';

const dir = process.argv[2] ?? join(process.cwd(), '../shared/data');
const labels = readFileSync(new URL('../server/modules/text/eval/pii-labels.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [id, run, label] = l.split('\t');
    return { id: id!, run: run!, label: label! };
  });
const ids = new Set(labels.map((l) => l.id));
const { tickets } = await loadTif(
  ['fuzhou-12345', 'heimao-furnishing', 'car-complaints', 'waimai', 'online-shopping'].map((n) =>
    join(dir, `${n}.tif.jsonl.gz`),
  ),
);
const byId = new Map(tickets.filter((t) => ids.has(t.id)).map((t) => [t.id, t]));

const BASE_MOBILE = /1[3-9]\d{9}/; // what a quick grep would do
const BASE_LANDLINE = /0\d{2,3}-?\d{7,8}/;
type Counts = { tp: number; fp: number; fn: number };
const c = () => ({ tp: 0, fp: 0, fn: 0 });
const res = { phone: c(), mobile: c(), qq: c(), base_phone: c(), base_mobile: c() };
const add = (k: Counts, truth: boolean, said: boolean) => {
  if (truth && said) k.tp++;
  else if (said) k.fp++;
  else if (truth) k.fn++;
};
const seen = new Map<string, number>();
for (const l of labels) {
  const t = byId.get(l.id);
  if (!t) throw new Error(`ticket ${l.id} not in the data`);
  // the n-th occurrence of this run in this ticket (title first, then text, as the labels were made)
  const key = `${l.id}\0${l.run}`;
  const nth = seen.get(key) ?? 0;
  seen.set(key, nth + 1);
  let found: string[] = [];
  let k = 0;
  for (const s0 of [t.title ?? '', t.text ?? '']) {
    const s = foldWidth(s0);
    for (let i = s.indexOf(l.run); i >= 0; i = s.indexOf(l.run, i + 1)) {
      if (k++ !== nth) continue;
      found = findPii(s0)
        .filter((x) => x.start < i + l.run.length && x.end > i)
        .map((x) => x.kind);
    }
  }
  const phone = found.includes('mobile') || found.includes('landline');
  add(res.phone, l.label === 'mobile' || l.label === 'landline', phone);
  add(res.mobile, l.label === 'mobile', found.includes('mobile'));
  if (process.env.SHOW && (l.label === 'mobile' || l.label === 'landline') !== phone)
    console.log(`miss/false: ${l.id} ${l.run} ${l.label} -> ${found.join('+') || '-'}`);
  add(res.qq, l.label === 'qq', found.includes('qq'));
  const bm = BASE_MOBILE.test(l.run.replace(/\D/g, ''));
  add(res.base_mobile, l.label === 'mobile', bm);
  add(res.base_phone, l.label === 'mobile' || l.label === 'landline', bm || BASE_LANDLINE.test(l.run));
}
const pr = (k: Counts) => ({
  ...k,
  precision: Math.round((k.tp / (k.tp + k.fp || 1)) * 1000) / 1000,
  recall: Math.round((k.tp / (k.tp + k.fn || 1)) * 1000) / 1000,
});
console.log(
  `candidates ${labels.length} (mobile ${labels.filter((l) => l.label === 'mobile').length}, landline ${labels.filter((l) => l.label === 'landline').length}, qq ${labels.filter((l) => l.label === 'qq').length})`,
);
for (const [k, v] of Object.entries(res)) {
  const p = pr(v);
  console.log(`${k.padEnd(12)} precision ${p.precision}  recall ${p.recall}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`);
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(res).map(([k, v]) => [k, pr(v)]))));
