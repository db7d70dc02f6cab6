/**
 * `xiezhi restore --data DIR FILE` — loads a backup made by `xiezhi backup` into a new, empty data directory (0700).
 * The backup carries no key: start the restored database with the key it was sealed with (XIEZHI_KEY or
 * XIEZHI_KEY_FILE); a different key is refused at start (the keyring names the key ids it knows).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb, restorePglite } from '../../server/platform/db/index.js';
import { parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'xiezhi restore --data DIR FILE';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' } }, USAGE);
  const dir = resolve(requireOpt(values.data, 'data', USAGE));
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputError(`give exactly one backup FILE\nusage: ${USAGE}`);
  if (!existsSync(file)) throw new InputError(`no such file: ${file}`);
  try {
    await restorePglite(dir, readFileSync(file));
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  const db = await openDb({ dataDir: dir });
  let kids: string[] = [];
  try {
    const has = (await db.query<{ r: string | null }>("SELECT to_regclass('seal_keys')::text AS r")).rows[0]?.r;
    if (has)
      kids = (await db.query<{ kid: string }>('SELECT kid FROM seal_keys WHERE retired_at IS NULL')).rows.map(
        (r) => r.kid,
      );
  } finally {
    await db.close();
  }
  console.log(
    JSON.stringify({
      restored: dir,
      sealed_with: kids,
      note: 'start it with the key of that key id (XIEZHI_KEY or XIEZHI_KEY_FILE); the backup holds no key',
    }),
  );
  return 0;
}
