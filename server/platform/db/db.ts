/**
 * The one database port of the platform: parameterised SQL ($1, $2 …) on either the embedded PGlite (default) or a
 * PostgreSQL server (DATABASE_URL). Both speak the same SQL; keep it PostgreSQL-15 compatible (PGlite is 18).
 * Only repositories (server/modules/<m>/repository.ts) and platform code may import this.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /**
   * Server only: one SELECT read through a server-side cursor (DECLARE … FETCH `batch`) in a read-only repeatable-read
   * transaction on one connection, `batch` rows at a time. One plan and one snapshot for the whole result, no re-seek
   * per page; memory is one batch. Ending the iteration early (break, a client gone) rolls back and frees the
   * connection. Absent on PGlite and on a connection inside a transaction: callers page with `query` instead.
   */
  stream?<T = Record<string, unknown>>(sql: string, params: unknown[], batch: number): AsyncGenerator<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` on every NOTIFY on `channel` (a wake-up, not a message bus: payloads are not relied on). Returns
   * the function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Runs `fn` only if no other process runs the job called `name` right now (a PostgreSQL advisory lock, held on one
   * connection for the duration); returns `skipped` otherwise. On PGlite one process owns the data directory, so the
   * lock is process-local.
   */
  singleton<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
  /** where a server connection is now (multi-host URLs: which host, whether a standby, failovers so far) */
  describe?(): { host: string | null; standby: boolean | null; failovers: number };
  /** multi-host prefer-standby: a pool that fell back to a primary moves to a standby if one answers now (true: moved) */
  revisit?(): Promise<boolean>;
}

export interface OpenOptions {
  /** postgres://… — a server; otherwise PGlite */
  url?: string;
  /** PGlite data directory; undefined = in memory */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tests clone a migrated template this way) */
  loadDataDir?: Blob;
  /** server: search_path to use (tests isolate by schema) */
  schema?: string;
}

export async function openDb(opts: OpenOptions = {}): Promise<Db> {
  if (opts.url) {
    const { openPg } = await import('./pg.js');
    return openPg(opts.url, opts.schema);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.dataDir, opts.loadDataDir);
}
