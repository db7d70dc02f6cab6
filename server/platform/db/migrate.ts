/**
 * Forward-only migrations: server/migrations/NNNN_name.sql, applied in name order, each in its own transaction,
 * recorded in schema_migrations. Never edit a migration after it has landed; add a new one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './db.js';

const DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  if (db.kind === 'pg') await db.query('SELECT pg_advisory_lock(7315)');
  try {
    const done = new Set(
      (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const files = readdirSync(DIR)
      .filter((f) => /^\d{4}_.+\.sql$/.test(f))
      .sort();
    const applied: string[] = [];
    for (const f of files) {
      const v = f.replace(/\.sql$/, '');
      if (done.has(v)) continue;
      const sql = readFileSync(join(DIR, f), 'utf8');
      await db.tx(async (q) => {
        // PGlite's query() takes one statement: split on the statement separator used in our files.
        for (const stmt of splitStatements(sql)) await q.query(stmt);
        await q.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
      });
      applied.push(v);
    }
    return applied;
  } finally {
    if (db.kind === 'pg') await db.query('SELECT pg_advisory_unlock(7315)');
  }
}

/** Splits a migration into statements at `;` line ends, keeping $$-quoted function bodies whole. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    cur += line + '\n';
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*(--.*)?$/.test(line)) {
      if (cur.replace(/--[^\n]*/g, '').trim()) out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.replace(/--[^\n]*/g, '').trim()) out.push(cur.trim());
  return out;
}
