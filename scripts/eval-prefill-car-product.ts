/**
 * Held-out product check on real 车质网 titles: every car-complaints text outside the hand-checked set
 * (server/modules/text/eval/prefill-real.jsonl) whose series label (奥迪Q7, 现代ix25 …) is written in it; the product
 * pre-fill finds is right when its span overlaps the series. Prints recall and precision as JSON.
 * Run: npx tsx scripts/eval-prefill-car-product.ts [--data DIR]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTif } from '../server/platform/tif/index.js';
import { prefill } from '../server/modules/text/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--data');
const data = at > 0 ? process.argv[at + 1]! : join(root, '../shared/data');
const handChecked = new Set(
  readFileSync(join(root, 'server/modules/text/eval/prefill-real.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id),
);
const { tickets } = await loadTif([join(data, 'car-complaints.tif.jsonl.gz')]);
let n = 0;
let given = 0;
let right = 0;
for (const t of tickets) {
  const series = t.labels?.series;
  const text = t.text ?? '';
  if (handChecked.has(t.id) || !series || !text.includes(series)) continue;
  n++;
  const p = prefill(text, t.title).product;
  if (!p) continue;
  given++;
  const s = text.indexOf(series);
  if (
    p.start !== undefined && p.end !== undefined ? p.start < s + series.length && p.end > s : p.value.includes(series)
  )
    right++;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({ texts: n, product_given: given, right, recall: r3(right / n), precision: r3(right / given) }),
);
