/** `xiezhi evaluate --label NAME --model MODEL FILE...` — last stdout line: JSON with accuracy, macro_f1, per_class. */
import { parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, loadTif } from '../../server/platform/tif/index.js';
import { evaluateModel, isHeldOut, loadModel } from '../../server/modules/text/index.js';
import { evaluateOnDatabase } from '../train-history.js';

const USAGE =
  'xiezhi evaluate --label NAME --model MODEL [--split all|test] FILE...\n       xiezhi evaluate --label NAME --model MODEL [--data DIR]   (no FILE: the held-out slice of the database history)';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { label: { type: 'string' }, model: { type: 'string' }, split: { type: 'string' }, data: { type: 'string' } },
    USAGE,
  );
  const label = requireOpt(values.label, 'label', USAGE);
  const model = loadModel(requireOpt(values.model, 'model', USAGE));
  if (!positionals.length) return evaluateOnDatabase({ label, model, data: values.data });
  const split = values.split ?? 'all';
  if (split !== 'all' && split !== 'test') throw new InputError('--split must be all or test');
  const { tickets } = await loadTif(positionals);
  const data = (split === 'test' ? tickets.filter((t) => isHeldOut(t.id)) : tickets).filter((t) => t.labels?.[label]);
  if (!data.length) throw new InputError(`no ticket has labels.${label}`);
  // the model predicts its own label; evaluating it against another label name is allowed (same value space)
  const r = evaluateModel({ ...model, label }, data);
  console.log(JSON.stringify({ label, model: model.version, method: model.method, ...r }));
  return 0;
}
