/**
 * `xiezhi reseal --data DIR` — key rotation: re-seals every sealed value under the new master key (XIEZHI_KEY or
 * XIEZHI_KEY_FILE), opening them with the old one (XIEZHI_OLD_KEY or XIEZHI_OLD_KEY_FILE; outside production the
 * development key file in DIR is taken as the old key when neither is set). Stop the server first on PGlite; on a
 * server (DATABASE_URL) it can run while the application is down or still holds both keys. Interrupted: run it again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../server/platform/audit/index.js';
import { loadConfig, readKeyFile } from '../../server/platform/config/index.js';
import { resealAll } from '../../server/platform/crypto/index.js';
import { migrate, openDb } from '../../server/platform/db/index.js';
import { parse } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'XIEZHI_KEY=new XIEZHI_OLD_KEY=old xiezhi reseal --data DIR';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { data: { type: 'string' } }, USAGE);
  if (!process.env.XIEZHI_KEY && !process.env.XIEZHI_KEY_FILE)
    throw new InputError(`the new key must be given (XIEZHI_KEY or XIEZHI_KEY_FILE)\nusage: ${USAGE}`);
  const cfg = loadConfig({ dataDir: values.data });
  const old =
    cfg.previousKeys[0] ??
    (!cfg.production && existsSync(join(cfg.dataDir, 'xiezhi.key'))
      ? readKeyFile(join(cfg.dataDir, 'xiezhi.key'), 'the key file in the data directory')
      : undefined);
  if (!old) throw new InputError(`the old key must be given (XIEZHI_OLD_KEY or XIEZHI_OLD_KEY_FILE)\nusage: ${USAGE}`);
  if (old === cfg.key) throw new InputError('the new key is the old key');
  if (!cfg.databaseUrl && !existsSync(join(cfg.dataDir, 'PG_VERSION')))
    throw new InputError(`${cfg.dataDir} holds no embedded database`);
  const db = await openDb(cfg.databaseUrl ? { url: cfg.migrationUrl ?? cfg.databaseUrl } : { dataDir: cfg.dataDir });
  try {
    await migrate(db);
    const t0 = Date.now();
    const r = await resealAll(db, {
      oldKey: old,
      newKey: cfg.key,
      onProgress: (c, n) => process.stderr.write(`\r${c}: ${n}   `),
    });
    process.stderr.write('\n');
    await audit(db, {
      actorId: process.env.USER ?? 'cli',
      actorRole: 'system',
      action: 'key.reseal',
      subjectType: 'key',
      subjectId: r.kid,
      detail: { previous: r.previous, columns: r.columns },
    });
    console.log(JSON.stringify({ ...r, seconds: Math.round((Date.now() - t0) / 100) / 10 }));
    if (cfg.keyFile?.startsWith(cfg.dataDir) || existsSync(join(cfg.dataDir, 'xiezhi.key')))
      console.error(`note: ${join(cfg.dataDir, 'xiezhi.key')} now holds a retired key; delete it`);
  } catch (e) {
    if ((e as Error).name === 'KeyMismatchError' || e instanceof InputError) throw new InputError((e as Error).message);
    throw e;
  } finally {
    await db.close();
  }
  return 0;
}
