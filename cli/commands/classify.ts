/** `xiezhi classify --model MODEL FILE` — TIF on stdout with `predicted: {label, confidence[, not_sure]}` added. */
import { parse, progress, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, readTif, tifWriter } from '../../server/platform/tif/index.js';
import { loadModel, predict } from '../../server/modules/text/index.js';

const USAGE = 'xiezhi classify --model MODEL FILE';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { model: { type: 'string' } }, USAGE);
  const model = loadModel(requireOpt(values.model, 'model', USAGE));
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputError(`give exactly one FILE\nusage: ${USAGE}`);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); }); // reader closed early (| head)
  const out = tifWriter('-');
  const bar = progress('classify');
  for await (const r of readTif(file)) {
    if ('error' in r) {
      console.error(`line ${r.line}: rejected (${r.error})`);
      continue;
    }
    const p = predict(model, r.ticket);
    const predicted: Record<string, unknown> = { label: p.label, confidence: p.confidence, model: model.version, field: model.label };
    if (p.not_sure) predicted.not_sure = true;
    if (p.top.length > 1) predicted.alternatives = p.top.slice(1);
    await out.write({ ...r.ticket, predicted });
    bar.tick();
  }
  bar.done();
  await out.close();
  return 0;
}
