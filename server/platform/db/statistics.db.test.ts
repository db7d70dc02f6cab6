/**
 * Planner statistics on the embedded database (PGlite runs no autovacuum): a table filled in bulk is analyzed, so a
 * keyset page walks the primary key instead of sorting the whole table; a database whose statistics are current is
 * left alone. On the server refreshStatistics does nothing (autovacuum's job).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import { needsAnalyze, refreshStatistics } from './statistics.js';
import type { Db } from './index.js';

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await db.query('CREATE TABLE stat_probe (id text PRIMARY KEY, dup text, body text)');
}, 120_000);
afterAll(async () => {
  await db.query('DROP TABLE IF EXISTS stat_probe');
  await db.close();
});

const plan = async () =>
  (
    await db.query<{ 'QUERY PLAN': string }>(
      "EXPLAIN SELECT id FROM stat_probe WHERE dup IS NULL AND id > 'T5' ORDER BY id LIMIT 250",
    )
  ).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');

describe('refreshStatistics', () => {
  it('follows autovacuum’s rule table by table', () => {
    expect(needsAnalyze(null, 0, 8192)).toBe(false); // a fresh, nearly empty table
    expect(needsAnalyze(null, 51, 0)).toBe(true);
    expect(needsAnalyze(null, 0, 10 << 20)).toBe(true); // loaded by an earlier process, never analyzed
    expect(needsAnalyze(10_000, 1_000, 0)).toBe(false);
    expect(needsAnalyze(10_000, 1_051, 0)).toBe(true);
  });

  it('analyzes a table filled in bulk, then the keyset page uses the primary key', async () => {
    await db.query(
      `INSERT INTO stat_probe SELECT 'T' || lpad(g::text, 7, '0'), CASE WHEN g % 3 = 0 THEN 'x' END, repeat('投诉', 40)
         FROM generate_series(1, 60000) g`,
    );
    // without statistics the planner takes the 60,000 rows for a few hundred and sorts the whole table
    if (db.kind === 'pglite') expect(await plan()).toMatch(/Sort/);
    const analyzed = await refreshStatistics(db);
    if (db.kind === 'pg') {
      expect(analyzed).toEqual([]);
      return;
    }
    expect(analyzed.some((t) => t.endsWith('stat_probe'))).toBe(true);
    const after = await plan();
    expect(after).toMatch(/Index Scan using stat_probe_pkey/);
    expect(after).not.toMatch(/Sort/);
    // current statistics: nothing more to do (the insert's counters may reach the statistics view only after the
    // first ANALYZE, which costs at most one more)
    await refreshStatistics(db);
    expect((await refreshStatistics(db)).some((t) => t.endsWith('stat_probe'))).toBe(false);
  }, 120_000);
});
