/**
 * Bulk loading into an empty table is several times faster without its secondary indexes: this drops them (saving
 * their exact definitions from the catalog, so nothing drifts from the migrations), runs the load, and rebuilds them.
 * Used by the demo loader; never on a table that is serving traffic.
 */
import type { Db } from './db.js';

export async function withoutSecondaryIndexes<T>(db: Db, tables: string[], fn: () => Promise<T>): Promise<T> {
  const defs = (
    await db.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = ANY($1::text[]) AND i.schemaname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [tables],
    )
  ).rows;
  for (const d of defs) await db.exec(`DROP INDEX IF EXISTS "${d.indexname}"`);
  try {
    return await fn();
  } finally {
    for (const d of defs) await db.exec(d.indexdef);
  }
}
