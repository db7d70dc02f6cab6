/**
 * Validation-fold experiments for a classifier choice, never touching the test rows: the eval split's training part
 * (scripts/eval-classify.ts) is cut again by isHeldOut('val:'+id, 20) into train / validation. Prints macro-F1,
 * accuracy and training CPU; CONF=1 adds the confusion matrix, SHOW=gold,predicted lists such texts.
 * Run: OPTS='{"lr":0.5}' [SET=online-shopping-product] [CONF=1] npx tsx scripts/classify-val.ts
 * (TEST=1 trains on the whole training part and scores the test rows: for the final figure only.)
 */
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { evaluateModel, isHeldOut, trainClassifier, predict } from '../server/modules/text/index.js';
import { REAL_SETS, prepareSet } from './real-sets.js';
const set = process.env.SET ?? 'online-shopping-product';
const spec = REAL_SETS.find((s) => s.name === set)!;
const { tickets } = await loadTif([join('../shared/data', spec.file)]);
const data = prepareSet(tickets, spec);
const train = data.filter((t) => !isHeldOut(t.id));
const test = data.filter((t) => isHeldOut(t.id));
const useTest = process.env.TEST === '1';
const tr = useTest ? train : train.filter((t) => !isHeldOut(`val:${t.id}`, 20));
const va = useTest ? test : train.filter((t) => isHeldOut(`val:${t.id}`, 20));
const opts = JSON.parse(process.env.OPTS ?? '{}');
const c0 = process.cpuUsage();
const m = trainClassifier(tr, 'y', opts);
const c1 = process.cpuUsage(c0);
const r = evaluateModel(m, va);
console.log(
  set,
  useTest ? 'TEST' : 'val',
  JSON.stringify(opts),
  'macroF1',
  r.macro_f1,
  'acc',
  r.accuracy,
  'cpu',
  ((c1.user + c1.system) / 1e6).toFixed(2),
  'n',
  tr.length,
  va.length,
);
if (process.env.CONF) {
  const cls = m.classes;
  const M = cls.map(() => cls.map(() => 0));
  for (const t of va) {
    const p = predict(m, t, 1).label;
    M[cls.indexOf(t.labels!.y!)]![cls.indexOf(p)]!++;
  }
  console.log('      ' + cls.map((c) => c.padStart(4)).join(''));
  cls.forEach((c, i) =>
    console.log(c.padEnd(4, '　'), M[i]!.map((x) => String(x).padStart(5)).join(''), r.per_class[c]?.f1),
  );
}
if (process.env.SHOW) {
  const [g, p] = process.env.SHOW.split(',');
  let k = 0;
  for (const t of va) {
    const pr = predict(m, t, 2);
    if (t.labels!.y === g && pr.label === p && k++ < 25) console.log(pr.confidence, pr.top[1]?.label, t.text);
  }
}
