/**
 * `xiezhi backup --data DIR --out FILE` — a gzip tarball of the embedded database that keeps the seal: sealed values
 * stay sealed, the master key is never in it (docs/SECURITY.md). Stop the server first (PGlite is single-process).
 * On a PostgreSQL server use pg_dump: the sealed columns stay sealed there too.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { audit } from '../../server/platform/audit/index.js';
import { backupPglite } from '../../server/platform/db/index.js';
import { parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';

const USAGE = 'xiezhi backup --data DIR --out FILE';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    { data: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    USAGE,
  );
  const dir = resolve(requireOpt(values.data ?? process.env.XIEZHI_DATA, 'data', USAGE));
  const out = resolve(requireOpt(values.out, 'out', USAGE));
  if (process.env.DATABASE_URL)
    throw new InputError(
      'DATABASE_URL is set: back up a PostgreSQL server with pg_dump (sealed values stay sealed in it)',
    );
  if (!existsSync(`${dir}/PG_VERSION`)) throw new InputError(`${dir} holds no embedded database`);
  if (existsSync(out) && !values.force) throw new InputError(`${out} exists (use --force to overwrite)`);
  if (out.startsWith(dir + '/')) throw new InputError('write the backup outside the data directory');
  const r = await backupPglite(dir, async (pg) => {
    const migrated = (await pg.query<{ r: string | null }>("SELECT to_regclass('audit_head')::text AS r")).rows[0]?.r;
    if (!migrated) return;
    const q = {
      query: async <T>(sql: string, params?: unknown[]) => {
        const x = await pg.query<T>(sql, params);
        return { rows: x.rows, rowCount: x.affectedRows ?? 0 };
      },
    };
    await audit(q, {
      actorId: process.env.USER ?? 'cli',
      actorRole: 'system',
      action: 'database.backup',
      subjectType: 'database',
      subjectId: dir,
      detail: { out },
    });
  });
  writeFileSync(out, r.archive, { mode: 0o600 });
  console.log(JSON.stringify({ backup: out, bytes: r.archive.length, files: r.files, left_out: r.dropped }));
  return 0;
}
