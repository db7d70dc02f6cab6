import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.js';
import { restrictUmask, tightenPermissions } from '../config/permissions.js';
import { lockDataDir } from './dir-lock.js';

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  // Same value shapes as server/platform/db/pg.ts: dates as 'YYYY-MM-DD', int8 and numeric as numbers.
  const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  if (dataDir) {
    // the files PGlite creates from now on get 0600, and what initdb unpacked with 0666 is tightened (docs/SECURITY.md)
    restrictUmask();
    tightenPermissions(dataDir);
  }
  const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), parsers });
  try {
    await pg.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  if (dataDir) tightenPermissions(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const base = wrap(pg);
  const running = new Set<string>();
  return {
    kind: 'pglite',
    query: base.query,
    async exec(sql) {
      await pg.exec(sql);
    },
    async tx(fn) {
      return pg.transaction(async (t) => fn(wrap(t)));
    },
    async listen(channel, onNotify) {
      return pg.listen(channel, () => onNotify());
    },
    async singleton(name, fn) {
      if (running.has(name)) return { ran: false };
      running.add(name);
      try {
        return { ran: true, value: await fn() };
      } finally {
        running.delete(name);
      }
    },
    async close() {
      await pg.close();
      if (dataDir) tightenPermissions(dataDir);
      unlock();
    },
    // exposed for test templates
    ...({ dump: (compression: 'none' | 'gzip' = 'none') => pg.dumpDataDir(compression) } as object),
  };
}
