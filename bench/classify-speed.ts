/**
 * In-process classify throughput, one thread, CPU time: the `product` model of the whole online-shopping set (trained
 * once and kept in .xiezhi/classify-speed.model.json.gz, so repeated runs measure prediction only, on the model as its
 * file stores it), over the same 20,000 texts as bench/text-speed.ts (10k real reviews + 10k generated tickets),
 * six rounds (the first includes JIT warm-up). Run: npx tsx bench/classify-speed.ts [DATA_DIR] [--fresh]
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { loadModel, predict, saveModel, trainClassifier } from '../server/modules/text/index.js';
import { makeCorpus } from './text-corpus.js';

const dir =
  process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(process.cwd(), '../shared/data');
const tickets = (await loadTif([join(dir, 'online-shopping.tif.jsonl.gz')])).tickets;
const texts = [...tickets.slice(0, 10000), ...makeCorpus(10000, 11)];
mkdirSync('.xiezhi', { recursive: true });
const file = '.xiezhi/classify-speed.model.json.gz';
if (process.argv.includes('--fresh') || !existsSync(file)) saveModel(trainClassifier(tickets, 'product'), file);
const m = loadModel(file);
predict(m, texts[0]!); // builds the prediction table once
const rates: number[] = [];
for (let r = 0; r < 6; r++) {
  const c0 = process.cpuUsage();
  for (const t of texts) predict(m, t);
  const c = process.cpuUsage(c0);
  rates.push(Math.round(texts.length / ((c.user + c.system) / 1e6)));
}
console.log(
  JSON.stringify({
    bench: 'classify-speed',
    n: texts.length,
    per_s_cpu: rates,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  }),
);
