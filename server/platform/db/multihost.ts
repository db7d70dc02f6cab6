/**
 * libpq's multi-host connection strings for node-postgres, which has none: `postgres://u@h1:p1,h2:p2/db?
 * target_session_attrs=read-write` tries the hosts in order and keeps the first whose `pg_is_in_recovery()` suits the
 * wanted session (a primary for read-write, a standby for standby / prefer-standby). A lost or demoted server drops
 * the pool; the next query looks for the primary again, waiting through a failover for up to `failoverWaitMs`.
 * Errors that mean "the server went away" become DomainError `unavailable` (HTTP 503): the caller retries with its
 * idempotency key (`retryUnavailable`), never blindly, because a COMMIT cut off mid-flight may or may not have landed.
 */
import pg from 'pg';
import { DomainError } from '../errors/index.js';
import { logEvent } from '../log/index.js';

export type SessionAttrs = 'any' | 'read-write' | 'primary' | 'standby' | 'prefer-standby';

export interface PgTarget {
  hosts: { host: string; port: number }[];
  attrs: SessionAttrs;
  /** everything but host and port: user, password, database, application_name, connect timeout */
  base: pg.ClientConfig;
}

/** how long a query may wait for a free pooled connection before the server counts as lost */
const POOL_WAIT_MS = 15_000;

const ATTRS: SessionAttrs[] = ['any', 'read-write', 'primary', 'standby', 'prefer-standby'];

/** True when the URL names several hosts or asks for a kind of session: then this module handles it, not pg. */
export const isMultiHost = (url: string) =>
  /^postgres(?:ql)?:\/\/(?:[^@/]*@)?[^/?]*,/.test(url) || /[?&]target_session_attrs=/.test(url);

export function parsePgUrl(url: string): PgTarget {
  const m = /^postgres(?:ql)?:\/\/(?:([^@/]*)@)?([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/.exec(url);
  if (!m) throw new Error(`not a postgres:// URL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  const [, auth, hostList, db, query] = m;
  const hosts = (hostList ?? '')
    .split(',')
    .filter(Boolean)
    .map((h) => {
      const hm = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(h);
      if (!hm) throw new Error(`bad host in database URL: ${h}`);
      return { host: decodeURIComponent(hm[1]!.replace(/^\[|\]$/g, '')), port: hm[2] ? Number(hm[2]) : 5432 };
    });
  if (!hosts.length) hosts.push({ host: 'localhost', port: 5432 });
  const params = new URLSearchParams(query ?? '');
  const attrs = (params.get('target_session_attrs') ?? 'any') as SessionAttrs;
  if (!ATTRS.includes(attrs)) throw new Error(`target_session_attrs must be one of ${ATTRS.join(', ')} (got ${attrs})`);
  const [user, password] = (auth ?? '').split(':').map((s) => decodeURIComponent(s));
  const base: pg.ClientConfig = {
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(db ? { database: decodeURIComponent(db) } : {}),
    connectionTimeoutMillis: Number(params.get('connect_timeout') ?? 2) * 1000,
    ...(params.get('application_name') ? { application_name: params.get('application_name')! } : {}),
    ...(params.get('options') ? { options: params.get('options')! } : {}),
  };
  return { hosts, attrs, base };
}

const LOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '25006',
]);
const LOST_TEXT =
  /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client was closed|timeout exceeded when trying to connect/i;

/** The server went away, is not accepting connections, or is (now) read-only: another may take over. */
export function isConnectionLoss(e: unknown): boolean {
  if (e instanceof DomainError) return e.code === 'unavailable';
  const err = e as { code?: string; message?: string } | null;
  if (!err) return false;
  if (typeof err.code === 'string' && (LOST_CODES.has(err.code) || err.code.startsWith('08'))) return true;
  return LOST_TEXT.test(err.message ?? '');
}

export const unavailable = (e: unknown) =>
  e instanceof DomainError
    ? e
    : new DomainError(
        'unavailable',
        {
          zh: `数据库暂不可用，请稍后用同一幂等键重试 (database unavailable: ${(e as Error).message?.slice(0, 120)})`,
          en: `The database is briefly unavailable; please retry with the same idempotency key (${(e as Error).message?.slice(0, 120)}).`,
        },
        { retry_after_s: 1 },
      );

/**
 * Runs `fn` again while it fails with `unavailable`, for up to `budgetMs`. Only for work that is idempotent by key
 * (a filing with its client key, a 12345 transfer by work-order number): a retry after a COMMIT that did land finds
 * the stored row instead of writing a second one.
 */
export async function retryUnavailable<T>(fn: () => Promise<T>, budgetMs = 25_000, pauseMs = 250): Promise<T> {
  const until = Date.now() + budgetMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!isConnectionLoss(e) || Date.now() + pauseMs > until) throw isConnectionLoss(e) ? unavailable(e) : e;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}

/** Which host suits `attrs` now: one round over the hosts, in order; null when none does. */
export async function pickHost(t: PgTarget): Promise<{ host: string; port: number; standby: boolean } | null> {
  let fallback: { host: string; port: number; standby: boolean } | null = null;
  for (const h of t.hosts) {
    const c = new pg.Client({ ...t.base, host: h.host, port: h.port });
    c.on('error', () => undefined);
    try {
      await c.connect();
      // like libpq: read-write also needs default_transaction_read_only off (pg_auto_failover keeps a standby it is
      // promoting read-only until the switch is complete)
      const s = (
        await c.query<{ r: boolean; ro: string }>(
          "SELECT pg_is_in_recovery() AS r, current_setting('default_transaction_read_only') AS ro",
        )
      ).rows[0]!;
      const standby = s.r;
      const found = { ...h, standby };
      if (t.attrs === 'any') return found;
      if (t.attrs === 'read-write' && !standby && s.ro === 'off') return found;
      if (t.attrs === 'primary' && !standby) return found;
      if ((t.attrs === 'standby' || t.attrs === 'prefer-standby') && standby) return found;
      if (t.attrs === 'prefer-standby') fallback ??= found;
    } catch {
      // down or refusing: try the next host
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return fallback;
}

/**
 * A pg.Pool on whichever host suits the target now. `get()` resolves (and waits through a failover); `drop(pool)`
 * forgets a pool whose server went away so the next `get()` looks again.
 */
export class MultiHostPool {
  private pool: pg.Pool | null = null;
  private resolving: Promise<pg.Pool> | null = null;
  private closed = false;
  /** the host the pool is on (for health and metrics) */
  current: { host: string; port: number; standby: boolean } | null = null;
  failovers = 0;

  constructor(
    readonly target: PgTarget,
    private readonly poolOptions: pg.PoolConfig,
    private readonly failoverWaitMs = 30_000,
  ) {}

  async get(): Promise<pg.Pool> {
    if (this.pool) return this.pool;
    if (this.closed) throw new Error('database closed');
    return (this.resolving ??= this.resolve().finally(() => (this.resolving = null)));
  }

  /** A client's connection config on the current host (LISTEN connections live outside the pool). */
  async clientConfig(): Promise<pg.ClientConfig> {
    await this.get();
    return { ...this.target.base, host: this.current!.host, port: this.current!.port, ...this.extra() };
  }

  drop(pool: pg.Pool) {
    if (this.pool !== pool) return;
    const was = this.current;
    this.pool = null;
    this.current = null;
    this.failovers++;
    logEvent('warn', 'db.lost', {
      host: `${was?.host}:${was?.port}`,
      attrs: this.target.attrs,
      failovers: this.failovers,
    });
    void pool.end().catch(() => undefined);
  }

  /**
   * prefer-standby on a primary (its standby was promoted, or none answered when it looked): if a standby answers now,
   * move there. The old pool ends gracefully (queries on it finish). False when nothing changed.
   */
  async revisit(): Promise<boolean> {
    if (this.target.attrs !== 'prefer-standby' || !this.pool || this.current?.standby !== false || this.resolving)
      return false;
    const h = await pickHost(this.target);
    if (!h?.standby || this.closed || !this.pool) return false;
    const old = this.pool;
    const pool = this.makePool(h);
    this.pool = pool;
    this.current = h;
    logEvent('info', 'db.connected', {
      host: `${h.host}:${h.port}`,
      standby: true,
      attrs: this.target.attrs,
      failovers: this.failovers,
      back_to_standby: true,
    });
    void old.end().catch(() => undefined);
    return true;
  }

  async end() {
    this.closed = true;
    const p = this.pool;
    this.pool = null;
    await p?.end();
  }

  private extra(): pg.ClientConfig {
    const o = this.poolOptions as pg.ClientConfig;
    return o.options ? { options: o.options } : {};
  }

  private makePool(h: { host: string; port: number }): pg.Pool {
    // connect_timeout is for finding a host; the pool's timeout also covers waiting for a free client, which
    // under a burst (filings held through a failover) takes seconds without anything being wrong with the server
    const pool = new pg.Pool({
      ...this.target.base,
      ...this.poolOptions,
      host: h.host,
      port: h.port,
      connectionTimeoutMillis: POOL_WAIT_MS,
    });
    // an idle client whose server died emits here; without a listener the process would crash
    pool.on('error', () => this.drop(pool));
    return pool;
  }

  private async resolve(): Promise<pg.Pool> {
    const until = Date.now() + this.failoverWaitMs;
    for (;;) {
      const h = await pickHost(this.target);
      if (h) {
        const pool = this.makePool(h);
        this.pool = pool;
        this.current = h;
        if (this.failovers)
          logEvent('info', 'db.connected', {
            host: `${h.host}:${h.port}`,
            standby: h.standby,
            attrs: this.target.attrs,
            failovers: this.failovers,
          });
        return pool;
      }
      if (Date.now() > until)
        throw unavailable(
          new Error(
            `no ${this.target.attrs} server among ${this.target.hosts.map((x) => `${x.host}:${x.port}`).join(',')}`,
          ),
        );
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
