/**
 * `xiezhi train --label NAME --out MODEL [--data DIR]` with no FILE: trains from the bureau's database (confirmed
 * labels and officer corrections), evaluates on the held-out slice, writes MODEL and registers the version (not
 * active: an admin switches it on at /admin/models). `xiezhi evaluate --label NAME --model MODEL [--data DIR]` with
 * no FILE scores a model on that same held-out slice, next to the active version.
 */
import { openApp } from '../server/app.js';
import { activeVersion, labelledHistory, trainFromHistory } from '../server/modules/assist/index.js';
import { SYSTEM } from '../server/modules/access/index.js';
import { progress } from '../server/platform/cli/index.js';
import { InputError } from '../server/platform/tif/index.js';
import { DomainError } from '../server/platform/errors/index.js';
import { evaluateModel, saveModel, type ClassifierModel, type Method } from '../server/modules/text/index.js';

async function withApp<T>(
  dataDir: string | undefined,
  fn: (app: Awaited<ReturnType<typeof openApp>>) => Promise<T>,
): Promise<T> {
  const app = await openApp({ dataDir, enrich: false });
  try {
    return await fn(app);
  } catch (e) {
    if (e instanceof DomainError) throw new InputError(e.message);
    throw e;
  } finally {
    await app.close();
  }
}

export async function trainFromDatabase(o: {
  label: string;
  out: string;
  data?: string;
  method: Method;
  bits?: number;
}): Promise<number> {
  const bar = progress(`train ${o.label} from history`);
  const r = await withApp(o.data, (app) =>
    trainFromHistory(app, SYSTEM.id, o.label, { file: o.out, train: { method: o.method, bits: o.bits } }),
  );
  bar.done();
  saveModel(r.model, o.out);
  const e = r.registered.evaluation;
  console.log(
    JSON.stringify({
      model: o.out,
      registered: r.registered.id,
      label: o.label,
      classes: r.model.classes.length,
      train_n: r.train_n,
      test_n: r.test_n,
      corrections: r.corrections,
      corrected_ids: r.corrected_ids.slice(0, 50),
      held_out: { accuracy: e.accuracy, macro_f1: e.macro_f1, not_sure_rate: e.not_sure_rate },
    }),
  );
  return 0;
}

export async function evaluateOnDatabase(o: { label: string; model: ClassifierModel; data?: string }): Promise<number> {
  const out = await withApp(o.data, async (app) => {
    const h = await labelledHistory(app.db, o.label);
    if (!h.test.length) throw new InputError(`no held-out ticket in the database has labels.${o.label}`);
    const act = await activeVersion(app.db, o.label);
    const r = evaluateModel({ ...o.model, label: o.label }, h.test);
    const a = act ? evaluateModel({ ...act.model, label: o.label }, h.test) : null;
    return {
      label: o.label,
      model: o.model.version,
      method: o.model.method,
      slice: 'held-out 20 % of the bureau history',
      ...r,
      active: a && act ? { id: act.id, version: act.model.version, macro_f1: a.macro_f1, accuracy: a.accuracy } : null,
    };
  });
  console.log(JSON.stringify(out));
  return 0;
}
