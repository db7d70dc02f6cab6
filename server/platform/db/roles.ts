/**
 * Separate roles on the PostgreSQL server (opt-in: DATABASE_MIGRATION_URL). Migrations run as the owner role that
 * owns every table; the application connects as DATABASE_URL's role, which gets only the data rights it uses. It owns
 * nothing, so it cannot TRUNCATE, ALTER TABLE … DISABLE TRIGGER or DROP anything, and on the append-only tables
 * (audit_log, ticket_events) it may only INSERT and SELECT; the audit chain head is written by the SECURITY DEFINER
 * trigger alone. Re-run after every migration (idempotent), so tables added later are granted too.
 * PGlite has a single role and cannot make this separation (docs/SECURITY.md).
 */
import type { Queryable } from './db.js';

const APPEND_ONLY = ['audit_log', 'ticket_events', 'monitoring_steps'];
const OWNER_ONLY: string[] = [];
// the chain head is written by the SECURITY DEFINER trigger alone; the application may read it (audit verify)
const READ_ONLY = ['schema_migrations', 'audit_head', 'audit_floor'];
/** a month partition (pg_partman: name_pYYYY_MM, name_default) is granted like its table */
const tableOf = (t: string) => /^(.+)_(?:p\d{4}_\d{2}|default)$/.exec(t)?.[1] ?? t;

const ident = (s: string) => '"' + s.replace(/"/g, '""') + '"';

export function roleOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.username || 'postgres');
}

export async function grantApplicationRole(owner: Queryable, appRole: string): Promise<void> {
  const schema = (await owner.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  const me = (await owner.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
  if (me === appRole)
    throw new Error(
      `DATABASE_MIGRATION_URL and DATABASE_URL name the same role (${me}): the application role must not own the tables`,
    );
  const s = ident(schema);
  const r = ident(appRole);
  const tables = (
    await owner.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1', [schema])
  ).rows.map((x) => x.t);
  await owner.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  await owner.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${r}`);
  for (const t of tables) {
    const tt = `${s}.${ident(t)}`;
    await owner.query(`REVOKE ALL ON ${tt} FROM ${r}`);
    if (OWNER_ONLY.includes(t)) continue;
    if (APPEND_ONLY.includes(tableOf(t))) await owner.query(`GRANT SELECT, INSERT ON ${tt} TO ${r}`);
    else if (READ_ONLY.includes(t)) await owner.query(`GRANT SELECT ON ${tt} TO ${r}`);
    else await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${tt} TO ${r}`);
  }
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
}
