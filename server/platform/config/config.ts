/**
 * Process configuration from the environment, validated once at start.
 *
 * The master key for personal data comes from XIEZHI_KEY (the value) or XIEZHI_KEY_FILE (a file holding it), never
 * from the database. In production (NODE_ENV=production or XIEZHI_ENV=production) the server refuses to start when
 * the key file lies inside the data directory or beside it (same parent directory: one backup of that directory would
 * carry both the ciphertext and its key), and refuses to invent a key. Outside production, with neither set, a random
 * key is created in the data directory (mode 0600) so a demo works out of the box — but only for a new directory: a
 * directory that already holds a database and no key is an error, never a fresh key that cannot open it.
 *
 * XIEZHI_OLD_KEY / XIEZHI_OLD_KEY_FILE: the previous master key, read by `xiezhi reseal`.
 * DATABASE_MIGRATION_URL: the owner role that runs migrations on the PostgreSQL server, when the application's
 * DATABASE_URL role is to hold no DDL rights (server/platform/db/roles.ts).
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { tightenPermissions } from './permissions.js';
import { InputError } from '../tif/read.js';

export interface Config {
  databaseUrl?: string;
  /** a streaming replica for analytical reads (DATABASE_REPLICA_URL); the primary when unset */
  replicaUrl?: string;
  migrationUrl?: string;
  dataDir: string;
  key: string;
  keySource: 'env' | 'file' | 'generated' | 'test';
  keyFile?: string;
  production: boolean;
  previousKeys: string[];
}

/** a user's configuration mistake: the CLI prints its message on one line and exits 2 */
export class ConfigError extends InputError {}

type Env = Record<string, string | undefined>;

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' || env.XIEZHI_ENV === 'production';
}

const inside = (dir: string, p: string) => {
  const r = relative(dir, p);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Where a key file may not lie in production: in the data directory or directly beside it. */
export function keyBesideData(keyFile: string, dataDir: string): boolean {
  const k = resolve(keyFile);
  const d = resolve(dataDir);
  return inside(d, k) || dirname(k) === dirname(d);
}

export function readKeyFile(file: string, what = 'XIEZHI_KEY_FILE'): string {
  if (!existsSync(file)) throw new ConfigError(`${what}: no such file ${file}`);
  const st = statSync(file);
  if (!st.isFile()) throw new ConfigError(`${what}: not a file: ${file}`);
  if (st.mode & 0o077) chmodSync(file, 0o600); // the key is readable by its owner only
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 16) throw new ConfigError(`${what}: the key in ${file} is shorter than 16 characters`);
  return key;
}

export function loadConfig(opts: { dataDir?: string; env?: Env } = {}): Config {
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.dataDir ?? env.XIEZHI_DATA ?? '.xiezhi/data');
  const databaseUrl = env.DATABASE_URL || undefined;
  const migrationUrl = env.DATABASE_MIGRATION_URL || undefined;
  const production = isProduction(env);
  tightenPermissions(dataDir);
  const previousKeys: string[] = [];
  if (env.XIEZHI_OLD_KEY) previousKeys.push(env.XIEZHI_OLD_KEY);
  if (env.XIEZHI_OLD_KEY_FILE) previousKeys.push(readKeyFile(resolve(env.XIEZHI_OLD_KEY_FILE), 'XIEZHI_OLD_KEY_FILE'));
  const replicaUrl = databaseUrl ? env.DATABASE_REPLICA_URL || undefined : undefined;
  const base = { databaseUrl, replicaUrl, migrationUrl, dataDir, production, previousKeys };

  if (env.XIEZHI_KEY) {
    if (env.XIEZHI_KEY.length < 16) throw new ConfigError('XIEZHI_KEY must be at least 16 characters');
    return { ...base, key: env.XIEZHI_KEY, keySource: 'env' };
  }
  if (env.XIEZHI_KEY_FILE) {
    const keyFile = resolve(env.XIEZHI_KEY_FILE);
    if (production && keyBesideData(keyFile, dataDir)) {
      throw new ConfigError(
        `refusing to start in production: the key file ${keyFile} lies in or beside the data directory ${dataDir}; keep it on another volume (see docs/SECURITY.md)`,
      );
    }
    return { ...base, key: readKeyFile(keyFile), keySource: 'file', keyFile };
  }
  const keyFile = join(dataDir, 'xiezhi.key');
  if (production) {
    throw new ConfigError(
      `refusing to start in production without a master key: set XIEZHI_KEY or XIEZHI_KEY_FILE (a file outside ${dataDir})${existsSync(keyFile) ? `; ${keyFile} lies beside the data and is not used in production` : ''}`,
    );
  }
  if (existsSync(keyFile)) return { ...base, key: readKeyFile(keyFile), keySource: 'file', keyFile };
  if (!databaseUrl && existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new ConfigError(
      `${dataDir} holds a database but no key: set XIEZHI_KEY or XIEZHI_KEY_FILE to the key it was sealed with`,
    );
  }
  writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return { ...base, key: readFileSync(keyFile, 'utf8').trim(), keySource: 'generated', keyFile };
}
