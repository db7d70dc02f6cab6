import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';
import { isConnectionLoss, isMultiHost, MultiHostPool, parsePgUrl, unavailable } from './multihost.js';

// int8 (counts, bigserial ids) as JavaScript numbers, like PGlite; our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as number (amounts)
pg.types.setTypeParser(1700, (v) => Number(v));
// date as 'YYYY-MM-DD' string, like we use everywhere (PGlite is configured the same way in queries via ::text)
pg.types.setTypeParser(1082, (v) => v);

/** Where connections come from: one fixed server, or whichever of several hosts suits (multihost.ts). */
interface PoolSource {
  get(): Promise<pg.Pool>;
  /** forget a pool whose server went away (a fixed server keeps its pool: pg drops broken clients itself) */
  drop(pool: pg.Pool): void;
  clientConfig(): Promise<pg.ClientConfig>;
  end(): Promise<void>;
  describe(): { host: string | null; standby: boolean | null; failovers: number };
  revisit(): Promise<boolean>;
}

function fixedSource(url: string, options: pg.PoolConfig): PoolSource {
  const pool = new pg.Pool({ connectionString: url, ...options });
  pool.on('error', () => undefined); // an idle client lost its server: pg removes it; the next query reconnects
  return {
    get: async () => pool,
    drop: () => undefined,
    clientConfig: async () => ({ connectionString: url }),
    end: () => pool.end(),
    describe: () => ({ host: null, standby: null, failovers: 0 }),
    revisit: async () => false,
  };
}

function multiSource(url: string, options: pg.PoolConfig): PoolSource {
  const m = new MultiHostPool(parsePgUrl(url), options, Number(process.env.XIEZHI_FAILOVER_WAIT_MS ?? 30_000));
  return {
    get: () => m.get(),
    drop: (p) => m.drop(p),
    clientConfig: () => m.clientConfig(),
    end: () => m.end(),
    describe: () => ({
      host: m.current ? `${m.current.host}:${m.current.port}` : null,
      standby: m.current?.standby ?? null,
      failovers: m.failovers,
    }),
    revisit: () => m.revisit(),
  };
}

export type PgDb = Db & { describe(): ReturnType<PoolSource['describe']> };

export async function openPg(url: string, schema?: string): Promise<PgDb> {
  const options: pg.PoolConfig = { max: 8, ...(schema ? { options: `-c search_path=${schema},public` } : {}) };
  const src = isMultiHost(url) ? multiSource(url, options) : fixedSource(url, options);
  // a lost server becomes `unavailable` (503) and, with several hosts, sends the next query to look for the primary
  const lost = (pool: pg.Pool, e: unknown): never => {
    if (!isConnectionLoss(e)) throw e;
    src.drop(pool);
    throw unavailable(e);
  };
  const acquire = async () => {
    try {
      return await src.get();
    } catch (e) {
      throw isConnectionLoss(e) ? unavailable(e) : e;
    }
  };
  const wrap = (pool: pg.Pool, c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      try {
        const r = await c.query(sql, params as unknown[] | undefined);
        return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
      } catch (e) {
        return lost(pool, e);
      }
    },
  });
  const connect = async () => {
    const pool = await acquire();
    let c: pg.PoolClient;
    try {
      c = await pool.connect();
    } catch (e) {
      return lost(pool, e);
    }
    // pg listens for errors only on idle clients: a checked-out one whose server dies between two statements (a
    // transaction computing, a singleton job running) would emit an unhandled 'error' and end the process. The next
    // statement on it fails and is reported as `unavailable`; release() takes the listener off again.
    const onError = () => src.drop(pool);
    c.on('error', onError);
    const release = c.release.bind(c);
    c.release = (err?: Error | boolean) => {
      c.removeListener('error', onError);
      release(err);
    };
    return { pool, c };
  };
  await (await acquire()).query('select 1');
  return {
    kind: 'pg',
    async query<T>(sql: string, params?: unknown[]) {
      const pool = await acquire();
      return wrap(pool, pool).query<T>(sql, params);
    },
    async exec(sql) {
      const pool = await acquire();
      await wrap(pool, pool).query(sql);
    },
    async tx(fn) {
      const { pool, c } = await connect();
      let broken: Error | undefined;
      try {
        const q = wrap(pool, c);
        await q.query('BEGIN');
        const out = await fn(q);
        await q.query('COMMIT');
        return out;
      } catch (e) {
        if (isConnectionLoss(e)) broken = e as Error;
        else await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        // a client whose connection broke is destroyed, not handed to the next caller
        c.release(broken);
      }
    },
    async listen(channel, onNotify) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      let client: pg.Client | null = null;
      let stopped = false;
      const retry = () => {
        client = null;
        // wake the subscriber once: what was notified while we were away is picked up by its read
        if (!stopped) setTimeout(() => void connect().then(onNotify, retry), 1000);
      };
      const connect = async () => {
        const c = new pg.Client(await src.clientConfig());
        c.on('notification', () => onNotify());
        // the listener connection died (server restart, failover): reconnect; pollers keep working meanwhile
        c.on('error', () => {
          void c.end().catch(() => undefined);
          retry();
        });
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        if (stopped) await c.end();
        else client = c;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
    async singleton(name, fn) {
      const { pool, c } = await connect();
      const q = wrap(pool, c);
      let broken: Error | undefined;
      try {
        // per schema: test files share one database, each in its own schema
        const key = `${schema ?? 'public'}:${name}`;
        const got = (await q.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key])).rows[0]
          ?.ok;
        if (!got) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await q.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        }
      } catch (e) {
        if (isConnectionLoss(e)) broken = e as Error;
        throw e;
      } finally {
        c.release(broken);
      }
    },
    async *stream<T>(sql: string, params: unknown[], batch: number): AsyncGenerator<T[]> {
      const { pool, c } = await connect();
      const q = wrap(pool, c);
      let broken: Error | undefined;
      let open = false;
      try {
        await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        open = true;
        // the whole result is wanted: plan for all rows, not for the first 10 % (cursor_tuple_fraction's default)
        await q.query('SET LOCAL cursor_tuple_fraction = 1');
        await q.query(`DECLARE xz_stream NO SCROLL CURSOR FOR ${sql}`, params);
        const n = Math.max(1, Math.floor(batch));
        // the next batch is asked for before this one is handed over, so the server reads while the caller formats
        const fetch = () => {
          const p = q.query<T>(`FETCH ${n} FROM xz_stream`);
          p.catch(() => undefined); // a caller that stops early leaves one fetch behind: its failure is not unhandled
          return p;
        };
        let next = fetch();
        for (;;) {
          const rows = (await next).rows;
          if (rows.length < n) {
            if (rows.length) yield rows;
            break;
          }
          next = fetch();
          yield rows;
        }
        await q.query('COMMIT');
        open = false;
      } catch (e) {
        if (isConnectionLoss(e)) broken = e as Error;
        throw e;
      } finally {
        if (open && !broken) await c.query('ROLLBACK').catch(() => undefined);
        c.release(broken);
      }
    },
    describe: () => src.describe(),
    revisit: () => src.revisit(),
    async close() {
      await src.end();
    },
  };
}
