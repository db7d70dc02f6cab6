/**
 * The whole classifier comparison from one command: for each real data set, the scikit-learn-style baseline
 * (TF-IDF word + char 1–3 grams, logistic regression C = 1) and xiezhi's method, trained on the same deterministic
 * split (80 % by hash of id) and scored on the held-out 20 %. Prints a table, then one JSON line.
 * Run: npx tsx scripts/eval-text.ts [DATA_DIR]   (default ../shared/data)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { evaluateModel, isHeldOut, trainClassifier, type Method } from '../server/modules/text/index.js';

const dataDir = process.argv[2] ?? join(process.cwd(), '../shared/data');
const SETS = [
  { file: 'online-shopping.tif.jsonl.gz', label: 'product' },
  { file: 'fuzhou-12345.tif.jsonl.gz', label: 'kind' },
  { file: 'cfpb-samples.tif.jsonl.gz', label: 'product' },
  { file: 'waimai.tif.jsonl.gz', label: 'sentiment' },
];
const rows: Record<string, unknown>[] = [];
console.log('data set                      label      method    n_test  accuracy  macro_f1  train_s  classify/s');
for (const s of SETS) {
  const path = join(dataDir, s.file);
  if (!existsSync(path)) {
    console.log(`${s.file}: not found, skipped`);
    continue;
  }
  const { tickets } = await loadTif([path]);
  const train = tickets.filter((t) => !isHeldOut(t.id));
  const test = tickets.filter((t) => isHeldOut(t.id) && t.labels?.[s.label]);
  for (const method of ['baseline', 'xiezhi'] as Method[]) {
    const t0 = performance.now();
    const m = trainClassifier(train, s.label, { method });
    const trainS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const r = evaluateModel(m, test);
    const rate = test.length / ((performance.now() - t1) / 1000);
    const row = {
      set: s.file.replace('.tif.jsonl.gz', ''),
      label: s.label,
      method,
      n_train: m.training_size,
      n_test: r.n,
      accuracy: r.accuracy,
      macro_f1: r.macro_f1,
      train_s: Math.round(trainS * 10) / 10,
      classify_per_s: Math.round(rate),
      not_sure_rate: r.not_sure_rate,
      accuracy_when_sure: r.accuracy_when_sure,
    };
    rows.push(row);
    console.log(
      `${row.set.padEnd(29)} ${s.label.padEnd(10)} ${method.padEnd(9)} ${String(r.n).padStart(6)}  ${r.accuracy.toFixed(4).padStart(8)}  ${r.macro_f1.toFixed(4).padStart(8)}  ${String(row.train_s).padStart(7)}  ${String(row.classify_per_s).padStart(10)}`,
    );
  }
}
console.log(JSON.stringify({ split: 'held out = fmix32(fnv1a(id)) % 100 < 20', results: rows }));
