/**
 * Records pre-fill's full output on real texts, one JSON line per text, so that a speed change can be shown to change
 * no result: run it before and after, then `cmp` (or `diff`) the two files.
 * Sets: 黑猫 (all), online-shopping (first 10,000), car-complaints titles (all), CFPB (first 3,000), Fuzhou 12345 (all),
 * 外卖 (first 3,000), the generated text-speed corpus (10,000), each with the shipped tagger and once without it (黑猫).
 * Run: npx tsx bench/prefill-golden.ts OUT.jsonl [DATA_DIR]
 */
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { prefill, prefillTicket } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus } from './text-corpus.js';

const out = process.argv[2];
if (!out) throw new Error('usage: prefill-golden.ts OUT.jsonl [DATA_DIR]');
const dir = process.argv[3] ?? join(process.cwd(), '../shared/data');
const load = async (f: string, n = Infinity) =>
  existsSync(join(dir, f)) ? (await loadTif([join(dir, f)])).tickets.slice(0, n) : [];
const sets: [string, TifTicket[]][] = [
  ['heimao', await load('heimao-furnishing.tif.jsonl.gz')],
  ['shopping', await load('online-shopping.tif.jsonl.gz', 10000)],
  ['car', await load('car-complaints.tif.jsonl.gz')],
  ['cfpb', await load('cfpb-samples.tif.jsonl.gz', 3000)],
  ['fuzhou', await load('fuzhou-12345.tif.jsonl.gz')],
  ['waimai', await load('waimai.tif.jsonl.gz', 3000)],
  ['generated', makeCorpus(10000, 11)],
];
const w = createWriteStream(out);
let n = 0;
for (const [name, ts] of sets) {
  for (const t of ts) w.write(JSON.stringify({ set: name, id: t.id, p: prefillTicket(t) }) + '\n');
  n += ts.length;
}
for (const t of sets[0]![1]) {
  const p = prefill(t.text ?? '', t.title, { refDate: t.received_at.slice(0, 10), tagger: null });
  w.write(JSON.stringify({ set: 'heimao-no-tagger', id: t.id, p }) + '\n');
}
w.end();
console.log(`${n} texts (+ ${sets[0]![1].length} without the tagger) → ${out}`);
