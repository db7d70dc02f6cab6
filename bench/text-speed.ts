/**
 * Single-process throughput of pre-fill and classification (one thread). Classification uses a model trained on the
 * online-shopping set when it is there, else on a generated corpus. Run: npx tsx bench/text-speed.ts [DATA_DIR]
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
prefillTicket(texts[0]!); // load gazetteer
let t0 = performance.now();
for (const t of texts) prefillTicket(t);
const prefillRate = texts.length / ((performance.now() - t0) / 1000);
t0 = performance.now();
const m = trainClassifier(tickets, 'product', { method: 'xiezhi' });
const trainS = (performance.now() - t0) / 1000;
t0 = performance.now();
for (const t of texts) predict(m, t);
const classifyRate = texts.length / ((performance.now() - t0) / 1000);
console.log(`prefill ${Math.round(prefillRate)} tickets/s; classify ${Math.round(classifyRate)} tickets/s; train product on ${m.training_size} texts ${trainS.toFixed(1)} s`);
console.log(JSON.stringify({ bench: 'text-speed', prefill_per_s: Math.round(prefillRate), classify_per_s: Math.round(classifyRate), train_n: m.training_size, train_s: Math.round(trainS * 10) / 10 }));
