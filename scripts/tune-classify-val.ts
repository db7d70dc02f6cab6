/**
 * Validation-fold tuning for one real set: carves `val:` 15 % out of the training split (the held-out 20 % test is
 * never read) and prints macro-F1 + CPU for a few trainer settings. Run: npx tsx scripts/tune-classify-val.ts SET
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTif } from '../server/platform/tif/index.js';
import { evaluateModel, isHeldOut, trainClassifier } from '../server/modules/text/index.js';
import { REAL_SETS, prepareSet } from './real-sets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = REAL_SETS.find((s) => s.name === (process.argv[2] ?? 'online-shopping-product'))!;
const data = prepareSet((await loadTif([join(root, '../shared/data', spec.file)])).tickets, spec);
const train = data.filter((t) => !isHeldOut(t.id));
const fit = train.filter((t) => !isHeldOut(`val:${t.id}`, 15));
const val = train.filter((t) => isHeldOut(`val:${t.id}`, 15));
const configs: [string, Parameters<typeof trainClassifier>[2]][] = [
  ['preset', {}],
  ['no naive-Bayes expert', { nbWeights: [0] }],
  ['bits 20', { bits: 20 }],
  ['balance 0.75', { balancePower: 0.75 }],
  ['lr 0.5', { lr: 0.5 }],
  ['average', { average: true, epochs: 3 }],
  ['words 1-2 bits 20', { bits: 20, features: { word: [1, 2] } }],
  ['l2 3e-6', { l2: 3e-6 }],
];
for (const [name, opts] of configs) {
  const c0 = process.cpuUsage();
  const m = trainClassifier(fit, 'y', opts);
  const c = process.cpuUsage(c0);
  const r = evaluateModel(m, val);
  console.log(name.padEnd(18), r.macro_f1.toFixed(4), ((c.user + c.system) / 1e6).toFixed(2));
  if (name === 'preset') console.log(JSON.stringify(r.per_class));
}
