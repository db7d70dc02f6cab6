/**
 * `xiezhi train --task prefill --out MODEL FILE...` — trains the pre-fill span tagger by distant supervision: the
 * businesses (respondent.name, labels.business) and products (labels.series) that the history confirms are found back
 * in each text and become span labels. Prints one JSON line: examples used, spans, and a held-out span check.
 */
import { parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, loadTif } from '../../server/platform/tif/index.js';
import {
  businessMatcher,
  distantExamples,
  isHeldOut,
  saveTagger,
  tagSpans,
  trainTagger,
  type TaggedExample,
} from '../../server/modules/text/index.js';

const USAGE = 'xiezhi train --task prefill --out MODEL [--epochs N] [--bits N] [--max-per-file N] FILE...';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      task: { type: 'string' },
      out: { type: 'string' },
      epochs: { type: 'string' },
      bits: { type: 'string' },
      'max-per-file': { type: 'string' },
    },
    USAGE,
  );
  const out = requireOpt(values.out, 'out', USAGE);
  if (!positionals.length) throw new InputError(`no input FILE\nusage: ${USAGE}`);
  const epochs = values.epochs ? Number(values.epochs) : 6;
  const bits = values.bits ? Number(values.bits) : 16;
  const cap = values['max-per-file'] ? Number(values['max-per-file']) : 5000;
  if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= 50))
    throw new InputError('--epochs must be an integer from 1 to 50');
  if (!(Number.isInteger(bits) && bits >= 14 && bits <= 22))
    throw new InputError('--bits must be an integer from 14 to 22');
  if (!(Number.isInteger(cap) && cap >= 1)) throw new InputError('--max-per-file must be a positive integer');
  const matcher = businessMatcher();
  const train: TaggedExample[] = [];
  const test: TaggedExample[] = [];
  const trainedOn: Record<string, number> = {};
  let rejected = 0;
  for (const f of positionals) {
    const r = await loadTif([f]);
    rejected += r.rejected;
    // each file contributes at most `cap` tickets (the simulated city would otherwise drown the real sets)
    const d = distantExamples(r.tickets.slice(0, cap), { matcher });
    trainedOn[f.split('/').pop()!] = d.used;
    for (const [i, e] of d.examples.entries()) (isHeldOut(`${f}#${i}`) ? test : train).push(e);
  }
  if (!train.length)
    throw new InputError(
      'no training example: no ticket names its respondent.name / labels.business / labels.series in its text',
    );
  const model = trainTagger(train, { epochs, bits, trained_on: trainedOn });
  // held-out check: exact span recall and precision on the distant labels of 20 % of the examples
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const e of test) {
    const got = tagSpans(model, e.text, e.hint);
    const key = (s: { start: number; end: number; kind: string }) => `${s.kind}:${s.start}:${s.end}`;
    const want = new Set(e.spans.map(key));
    for (const g of got) want.has(key(g)) ? tp++ : fp++;
    for (const w of e.spans) if (!got.some((g) => key(g) === key(w))) fn++;
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  model.metrics = {
    held_out_examples: test.length,
    span_precision: r3(tp / Math.max(1, tp + fp)),
    span_recall: r3(tp / Math.max(1, tp + fn)),
  };
  saveTagger(model, out);
  console.log(
    JSON.stringify({
      model: out,
      task: 'prefill',
      examples: train.length,
      trained_on: trainedOn,
      rejected,
      ...model.metrics,
    }),
  );
  return 0;
}
