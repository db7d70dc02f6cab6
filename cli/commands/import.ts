/** `xiezhi import FILE... [--data DIR] [--source NAME] [--map MAPPING.json]` — last line: JSON counts. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openApp } from '../../server/app.js';
import { SYSTEM } from '../../server/modules/access/index.js';
import { importFile, type ColumnMap } from '../../server/modules/intake/index.js';
import { parse, progress } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'xiezhi import FILE... [--data DIR] [--source NAME] [--map MAPPING.json]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { data: { type: 'string' }, source: { type: 'string' }, map: { type: 'string' }, 'no-enrich': { type: 'boolean' } },
    USAGE,
  );
  if (!positionals.length) throw new InputError(`no file given\nusage: ${USAGE}`);
  let mapping: ColumnMap | undefined;
  if (values.map) {
    try {
      mapping = JSON.parse(readFileSync(values.map, 'utf8')) as ColumnMap;
    } catch (e) {
      throw new InputError(`--map ${values.map}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const app = await openApp({ dataDir: values.data });
  const total = { imported: 0, rejected: 0, skipped: 0 };
  try {
    for (const file of positionals) {
      const bar = progress(`import ${basename(file)}`);
      let shown = 0;
      const r = await importFile(app, {
        file,
        actor: SYSTEM,
        source: values.source ?? 'import',
        mapping,
        onRejected: (line, reason) => {
          if (shown++ < 20) process.stderr.write(`${file}:${line}: rejected: ${reason}\n`);
        },
        onProgress: (n) => bar.tick(n),
      });
      bar.done(shown > 20 ? `${file}: ${shown - 20} more rejected lines not shown` : undefined);
      total.imported += r.imported;
      total.rejected += r.rejected;
      total.skipped += r.skipped;
    }
  } finally {
    await app.close();
  }
  console.log(JSON.stringify(total));
  return 0;
}
