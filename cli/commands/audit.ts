/**
 * `xiezhi audit verify [--data DIR] [--expect SEQ:HASH]` — recomputes the audit log's hash chain (embedded database in
 * DIR, or DATABASE_URL). Prints one JSON line with the entry count and the head (anchor it: keep it outside the
 * database, pass it back with --expect later); on a broken chain names the first broken link and exits 1.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAuditChain } from '../../server/platform/audit/index.js';
import { openDb } from '../../server/platform/db/index.js';
import { parse } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'xiezhi audit verify [--data DIR] [--expect SEQ:HASH]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, expect: { type: 'string' } }, USAGE);
  if (positionals[0] !== 'verify' || positionals.length > 1)
    throw new InputError(`unknown subcommand ${JSON.stringify(positionals[0] ?? '')}\nusage: ${USAGE}`);
  let expect: { seq: number; hash: string } | undefined;
  if (values.expect) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(values.expect);
    if (!m) throw new InputError('--expect must be SEQ:HASH as printed by a previous verify (e.g. 1200:3fa4…)');
    expect = { seq: Number(m[1]), hash: m[2]! };
  }
  const url = process.env.DATABASE_URL;
  const dir = resolve(values.data ?? process.env.XIEZHI_DATA ?? '.xiezhi/data');
  if (!url && !existsSync(`${dir}/PG_VERSION`))
    throw new InputError(`${dir} holds no embedded database (give --data DIR or set DATABASE_URL)`);
  const db = await openDb(url ? { url } : { dataDir: dir });
  try {
    const has = (await db.query<{ r: string | null }>("SELECT to_regclass('audit_head')::text AS r")).rows[0]?.r;
    if (!has)
      throw new InputError(
        'this database has no audit chain yet (migration 0031): start the server once to migrate it',
      );
    const r = await verifyAuditChain(db, { expect });
    console.log(JSON.stringify(r));
    if (!r.ok) console.error(`audit chain broken at entry ${r.broken!.seq}: ${r.broken!.reason}`);
    return r.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
