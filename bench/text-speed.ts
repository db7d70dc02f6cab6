/**
 * Single-process throughput of pre-fill and classification (one thread), and training time of the `product` model on
 * the whole online-shopping set (generated corpus when the set is absent). Wall time and CPU time (process.cpuUsage)
 * are both reported: on a shared box CPU time is the honest figure. Run: npx tsx bench/text-speed.ts [DATA_DIR]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { predict, prefillTicket, trainClassifier } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus } from './text-corpus.js';

const dir = process.argv[2] ?? join(process.cwd(), '../shared/data');
const os = join(dir, 'online-shopping.tif.jsonl.gz');
let tickets: TifTicket[];
if (existsSync(os)) tickets = (await loadTif([os])).tickets;
else tickets = makeCorpus(44000, 5).map((t, i) => ({ ...t, labels: { product: String(i % 10) } }));
const texts = [...tickets.slice(0, 10000), ...makeCorpus(10000, 11)];

function timed<T>(f: () => T): { v: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = f();
  const c = process.cpuUsage(c0);
  return { v, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const r1 = (x: number) => Math.round(x * 10) / 10;

prefillTicket(texts[0]!); // load gazetteer
const pf = timed(() => {
  for (const t of texts) prefillTicket(t);
});
const tr = timed(() => trainClassifier(tickets, 'product', { method: 'xiezhi' }));
const m = tr.v;
predict(m, texts[0]!); // builds the prediction table once
const cl = timed(() => {
  for (const t of texts) predict(m, t);
});
const rate = (s: number) => Math.round(texts.length / s);
console.log('what                      wall         cpu');
console.log(`prefill tickets/s   ${String(rate(pf.wall)).padStart(10)}  ${String(rate(pf.cpu)).padStart(10)}`);
console.log(`classify tickets/s  ${String(rate(cl.wall)).padStart(10)}  ${String(rate(cl.cpu)).padStart(10)}`);
console.log(`train ${m.training_size} texts s ${String(r1(tr.wall)).padStart(7)}  ${String(r1(tr.cpu)).padStart(10)}`);
console.log(
  JSON.stringify({
    bench: 'text-speed',
    n: texts.length,
    prefill_per_s: { wall: rate(pf.wall), cpu: rate(pf.cpu) },
    classify_per_s: { wall: rate(cl.wall), cpu: rate(cl.cpu) },
    train_n: m.training_size,
    train_s: { wall: r1(tr.wall), cpu: r1(tr.cpu) },
  }),
);
