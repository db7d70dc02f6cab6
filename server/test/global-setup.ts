/**
 * Database tests run on the embedded PGlite by default and on the server named by DATABASE_URL when set.
 * PGlite: migrate once into a template and dump it; each test file loads the dump (skips initdb + migrations).
 * Server: each test file gets its own schema (isolation without truncation), dropped at the end of the run.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { migrate, openDb } from '../platform/db/index.js';
import { seedOrganisation } from '../modules/access/index.js';

export const TEMPLATE = 'test-results/pglite-template.tar';

export default async function setup() {
  mkdirSync('test-results', { recursive: true });
  if (process.env.DATABASE_URL) {
    const db = await openDb({ url: process.env.DATABASE_URL });
    const r = await db.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'xt\\_%'");
    for (const s of r.rows) await db.exec(`DROP SCHEMA IF EXISTS ${s.nspname} CASCADE`);
    // pg_partman's registry of month-partitioned tables (migration 0230) outlives the dropped test schemas
    if ((await db.query<{ ok: boolean }>("SELECT to_regclass('partman.part_config') IS NOT NULL AS ok")).rows[0]!.ok) {
      await db.query("DELETE FROM partman.part_config WHERE parent_table LIKE 'xt\\_%'");
    }
    await db.close();
    return;
  }
  const db = await openDb({});
  await migrate(db);
  await seedOrganisation(db);
  const blob = await (db as unknown as { dump: () => Promise<Blob> }).dump();
  writeFileSync(TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await db.close();
}
