/** A fresh, migrated database for one test file, on PGlite or on the PostgreSQL server (see global-setup.ts). */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../platform/db/index.js';
import { openApp, type App } from '../app.js';
import { seedDemoAccounts } from '../modules/access/index.js';

export const TEST_KEY = 'test-key-not-for-production-0123456789';

export async function testDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `xt_${randomBytes(6).toString('hex')}`;
    const admin = await openDb({ url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    return openDb({ url, schema });
  }
  const buf = readFileSync('test-results/pglite-template.tar');
  return openDb({ loadDataDir: new Blob([buf]) });
}

/** An app on a fresh database with the demo accounts, "today" fixed. */
export async function testApp(today = '2026-11-23'): Promise<App & { closeDb: () => Promise<void> }> {
  const db = await testDb();
  const app = await openApp({ db, key: TEST_KEY, today });
  await seedDemoAccounts(db);
  return Object.assign(app, { closeDb: () => db.close() });
}
