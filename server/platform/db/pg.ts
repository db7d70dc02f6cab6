import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';

// int8 (counts, bigserial ids) as JavaScript numbers, like PGlite; our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as number (amounts)
pg.types.setTypeParser(1700, (v) => Number(v));
// date as 'YYYY-MM-DD' string, like we use everywhere (PGlite is configured the same way in queries via ::text)
pg.types.setTypeParser(1082, (v) => v);

export async function openPg(url: string, schema?: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  await pool.query('select 1');
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await c.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
  });
  const base = wrap(pool);
  return {
    kind: 'pg',
    query: base.query,
    async exec(sql) {
      await pool.query(sql);
    },
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    async listen(channel, onNotify) {
      let client: pg.Client | null = null;
      let stopped = false;
      const connect = async () => {
        const c = new pg.Client({ connectionString: url });
        c.on('notification', () => onNotify());
        c.on('error', () => {
          // the listener connection died (server restart): reconnect; pollers keep working meanwhile
          client = null;
          if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
        });
        await c.connect();
        if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
        await c.query(`LISTEN ${channel}`);
        client = c;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
    async singleton(name, fn) {
      const c = await pool.connect();
      try {
        // per schema: test files share one database, each in its own schema
        const key = `${schema ?? 'public'}:${name}`;
        const got = (await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key])).rows[0]?.ok;
        if (!got) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await c.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        }
      } finally {
        c.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
