/**
 * Planner statistics on the embedded database. A PostgreSQL server keeps them current with autovacuum; PGlite runs
 * no background workers, so without this a table filled by a demo city or an import is planned as if it were almost
 * empty: at 200k tickets the similar-case warm-up's `id > $1 ORDER BY id LIMIT 250` became a sequential scan and
 * sort of the whole table (3.1 s a page instead of 25 ms after ANALYZE), and every page held the event loop.
 *
 * The rule is autovacuum's own (analyze when the rows changed since the last analyze exceed 50 + 10 % of the table),
 * applied table by table, so a call on a database whose statistics are current costs one catalog query.
 */
import type { Db } from './db.js';

export const ANALYZE_BASE = 50;
export const ANALYZE_SCALE = 0.1;

/** Below this a never-analyzed table is left alone: a fresh database's few seeded rows plan fine on defaults. */
export const UNANALYZED_BYTES = 64 * 1024;

/**
 * Whether a table needs ANALYZE: `tuples` rows at its last analyze (null: never analyzed), `changed` rows modified
 * since (counted in this process), `bytes` its size on disk.
 */
export function needsAnalyze(tuples: number | null, changed: number, bytes: number): boolean {
  if (tuples === null) return changed > ANALYZE_BASE || bytes > UNANALYZED_BYTES;
  return changed > ANALYZE_BASE + ANALYZE_SCALE * tuples;
}

/**
 * ANALYZE the tables of the application schema whose statistics are stale (PGlite only; a server's autovacuum does
 * this). Returns the tables analyzed.
 */
export async function refreshStatistics(db: Db): Promise<string[]> {
  if (db.kind !== 'pglite') return [];
  // reltuples is -1 until a table's first ANALYZE (PostgreSQL 14+); the change counter is kept in memory, so it also
  // catches a load made earlier in this process (the demo city, an import)
  const { rows } = await db.query<{ rel: string; tuples: number | null; changed: number; bytes: number }>(
    `SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS rel,
            CASE WHEN c.reltuples >= 0 THEN c.reltuples::float8 END AS tuples,
            s.n_mod_since_analyze::float8 AS changed, pg_relation_size(s.relid)::float8 AS bytes
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE c.relkind = 'r'`,
  );
  const stale = rows
    .filter((r) => needsAnalyze(r.tuples === null ? null : Number(r.tuples), Number(r.changed), Number(r.bytes)))
    .map((r) => r.rel);
  for (const rel of stale) await db.query(`ANALYZE ${rel}`);
  return stale;
}
