/**
 * Regenerates the shipped default models (models/*.model.json.gz) for kind, goods_service and problem from the
 * simulated city (`xiezhi simulate`), reproducibly: fixed seeds, fixed sizes, hashed features at 2^16 buckets and int8 weights so
 * each model stays small. Evaluates each on a second simulated city (another seed) and writes models/manifest.json.
 * Run: npx tsx scripts/train-default-models.ts [--tickets N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTif } from '../server/platform/tif/index.js';
import { evaluateModel, saveModel, trainClassifier } from '../server/modules/text/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = process.argv.indexOf('--tickets');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 30000;
const dir = mkdtempSync(join(tmpdir(), 'xiezhi-models-'));
const sim = (seed: number, n: number) => {
  const out = join(dir, `sim-${seed}.jsonl`);
  execFileSync(process.execPath, [join(root, 'bin/xiezhi.js'), 'simulate', '--tickets', String(n), '--seed', String(seed), '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
};
try {
  const train = (await loadTif([sim(7, N)])).tickets;
  const test = (await loadTif([sim(8, Math.round(N / 3))])).tickets;
  const manifest: Record<string, unknown> = {};
  for (const label of ['kind', 'goods_service', 'problem']) {
    const t0 = Date.now();
    const m = trainClassifier(train, label, { method: 'xiezhi', bits: 16, epochs: 4 });
    const file = join(root, 'models', `${label}.model.json.gz`);
    const r = evaluateModel(m, test);
    m.metrics = r;
    saveModel(m, file);
    manifest[label] = {
      file: `models/${label}.model.json.gz`, version: m.version, classes: m.classes.length, training_size: m.training_size, bytes: statSync(file).size,
      train_seconds: (Date.now() - t0) / 1000, test: { source: `simulate --seed 8 --tickets ${Math.round(N / 3)}`, accuracy: r.accuracy, macro_f1: r.macro_f1, not_sure_rate: r.not_sure_rate },
    };
    console.log(label, JSON.stringify(manifest[label]));
  }
  writeFileSync(join(root, 'models', 'manifest.json'), JSON.stringify({ generated_by: 'scripts/train-default-models.ts', training: `simulate --seed 7 --tickets ${N}`, models: manifest }, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
