/**
 * Re-seals every sealed value under a new master key. Sealed columns are found by name (every column named *_enc in
 * the schema: text values `v2:<kid>:…`, bytea values `XZ2<kid>…`), so a module that adds a sealed column is covered
 * without touching this file. Rows are updated in pages by primary key, each page in its own transaction, and only
 * rows not yet under the new key are touched: an interrupted re-seal is simply run again with both keys.
 */
import type { Db } from '../db/index.js';
import { openKeyring, retireOtherKeys, rotateKeyring } from './keyring.js';
import { makeSealer, type Sealer } from './crypto.js';

export interface ResealReport {
  kid: string;
  previous: string;
  columns: { table: string; column: string; resealed: number }[];
}

export async function sealedColumns(db: Db): Promise<{ table: string; column: string; type: string; pk: string[] }[]> {
  const cols = (
    await db.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name LIKE '%\\_enc' ORDER BY table_name, column_name`,
    )
  ).rows;
  const out = [];
  for (const c of cols) {
    const pk = (
      await db.query<{ attname: string }>(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
        [c.table_name],
      )
    ).rows.map((r) => r.attname);
    if (!pk.length) throw new Error(`sealed column ${c.table_name}.${c.column_name}: the table has no primary key`);
    out.push({ table: c.table_name, column: c.column_name, type: c.data_type, pk });
  }
  return out;
}

export async function resealAll(
  db: Db,
  o: { oldKey: string; newKey: string; page?: number; onProgress?: (table: string, n: number) => void },
): Promise<ResealReport> {
  const old = await openKeyring(db, o.oldKey);
  const next = await db.tx((q) => rotateKeyring(q, old, o.newKey));
  const both = makeSealer(o.newKey, { macKey: old.macKey, previous: [o.oldKey] });
  const report: ResealReport = { kid: next.kid, previous: old.kid, columns: [] };
  const page = o.page ?? 500;
  for (const c of await sealedColumns(db)) {
    const binary = c.type === 'bytea';
    const pkSel = c.pk.map((k) => `"${k}"`).join(', ');
    // values not yet under the new key
    const notNew = binary
      ? `substring("${c.column}" FROM 4 FOR 4) <> decode($1, 'hex')`
      : `NOT starts_with("${c.column}", $1)`;
    const marker = binary ? next.kid : `v2:${next.kid}:`;
    let n = 0;
    for (;;) {
      const rows = (
        await db.query<Record<string, unknown>>(
          `SELECT ${pkSel}, "${c.column}" AS v FROM "${c.table}" WHERE "${c.column}" IS NOT NULL AND ${notNew} ORDER BY ${pkSel} LIMIT ${page}`,
          [marker],
        )
      ).rows;
      if (!rows.length) break;
      await db.tx(async (q) => {
        for (const r of rows) {
          const v = binary ? both.sealBytes(both.openBytes(r.v as Uint8Array)) : both.seal(both.open(r.v as string));
          const where = c.pk.map((k, i) => `"${k}" = $${i + 2}`).join(' AND ');
          await q.query(`UPDATE "${c.table}" SET "${c.column}" = $1 WHERE ${where}`, [v, ...c.pk.map((k) => r[k])]);
        }
      });
      n += rows.length;
      o.onProgress?.(`${c.table}.${c.column}`, n);
    }
    report.columns.push({ table: c.table, column: c.column, resealed: n });
  }
  await retireOtherKeys(db, next.kid);
  return report;
}

export type { Sealer };
