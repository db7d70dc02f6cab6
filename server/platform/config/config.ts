/**
 * Process configuration from the environment, validated once at start.
 * XIEZHI_KEY: master key for personal data. When unset, a random key is created in the data directory (file mode
 * 0600) so a demo works out of the box; production must set it (and keep it out of the database's backups).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  key: string;
  keySource: 'env' | 'file' | 'test';
}

export function loadConfig(opts: { dataDir?: string } = {}): Config {
  const dataDir = resolve(opts.dataDir ?? process.env.XIEZHI_DATA ?? '.xiezhi/data');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let key = process.env.XIEZHI_KEY;
  let keySource: Config['keySource'] = 'env';
  if (!key) {
    mkdirSync(dataDir, { recursive: true });
    const f = join(dataDir, 'xiezhi.key');
    if (!existsSync(f)) writeFileSync(f, randomBytes(32).toString('base64'), { mode: 0o600 });
    key = readFileSync(f, 'utf8').trim();
    keySource = 'file';
  }
  return { databaseUrl, dataDir, key, keySource };
}
