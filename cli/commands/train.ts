/** `xiezhi train --label NAME --out MODEL FILE...` — trains a text classifier for `labels.NAME`. */
import { parse, progress, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, loadTif } from '../../server/platform/tif/index.js';
import { isHeldOut, saveModel, trainClassifier, type Method } from '../../server/modules/text/index.js';
import { trainFromDatabase } from '../train-history.js';

const USAGE =
  'xiezhi train --label NAME --out MODEL [--method xiezhi|baseline] [--split all|train] [--bits N] FILE...\n       xiezhi train --label NAME --out MODEL [--data DIR]   (no FILE: from the database — confirmed labels and officer corrections)';

export async function run(argv: string[]): Promise<number> {
  // `--task prefill` trains the pre-fill span tagger instead of a label classifier
  const task = argv.find((a, i) => argv[i - 1] === '--task') ?? argv.find((a) => a.startsWith('--task='))?.slice(7);
  if (task === 'prefill') return (await import('./train-prefill.js')).run(argv);
  if (task !== undefined && task !== 'classify') throw new InputError(`--task must be prefill or classify`);
  argv = argv.filter((a, i) => !(a === '--task' || argv[i - 1] === '--task' || a.startsWith('--task=')));
  const { values, positionals } = parse(
    argv,
    {
      label: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      method: { type: 'string' },
      split: { type: 'string' },
      bits: { type: 'string' },
    },
    USAGE,
  );
  const label = requireOpt(values.label, 'label', USAGE);
  const out = requireOpt(values.out, 'out', USAGE);
  const method = (values.method ?? 'xiezhi') as Method;
  if (method !== 'xiezhi' && method !== 'baseline') throw new InputError(`--method must be xiezhi or baseline`);
  const split = values.split ?? 'all';
  if (split !== 'all' && split !== 'train')
    throw new InputError('--split must be all or train (train leaves out the 20 % held-out split, by hash of id)');
  const bits = values.bits ? Number(values.bits) : undefined;
  if (bits !== undefined && !(Number.isInteger(bits) && bits >= 12 && bits <= 24))
    throw new InputError('--bits must be an integer from 12 to 24');
  if (!positionals.length) return trainFromDatabase({ label, out, data: values.data, method, bits });
  if (values.data) throw new InputError('give either FILE... or --data DIR (the database), not both');
  const { tickets, rejected } = await loadTif(positionals);
  const data = split === 'train' ? tickets.filter((t) => !isHeldOut(t.id)) : tickets;
  const bar = progress(`train ${label}`);
  let model;
  try {
    model = trainClassifier(data, label, {
      method,
      bits,
      onProgress: (s) => process.stderr.isTTY && process.stderr.write(`\r${s}\x1b[K`),
    });
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  bar.done();
  saveModel(model, out);
  console.log(
    JSON.stringify({
      model: out,
      version: model.version,
      label,
      method,
      classes: model.classes.length,
      training_size: model.training_size,
      rejected,
      calibration: { accuracy: model.metrics.accuracy, macro_f1: model.metrics.macro_f1 },
      threshold: Math.round(model.threshold * 1000) / 1000,
    }),
  );
  return 0;
}
