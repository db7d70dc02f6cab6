/**
 * On the PostgreSQL server with DATABASE_MIGRATION_URL (issue 11 §3): migrations run as the owner role, the
 * application role works normally but cannot TRUNCATE the audit log, disable its triggers, delete from it, move the
 * chain head or change the schema. Runs only with DATABASE_URL (PGlite has one role: docs/SECURITY.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from './app.js';
import { openDb, type Db } from './platform/db/index.js';
import { audit, verifyAuditChain } from './platform/audit/index.js';
import { SYSTEM } from './modules/access/index.js';
import { fileTicket } from './modules/intake/index.js';

const url = process.env.DATABASE_URL;
const tmp = mkdtempSync(join(tmpdir(), 'xz-roles-'));

describe.skipIf(!url)('separate migration and application roles', () => {
  const u = new URL(url ?? 'postgres://x@localhost/x');
  const dbName = u.pathname.slice(1);
  const owner = `${dbName}_owner`;
  const appRole = `${dbName}_app`;
  const schema = `xt_roles_${randomBytes(4).toString('hex')}`;
  const as = (role: string) => {
    const x = new URL(u.toString());
    x.username = role;
    x.password = '';
    x.searchParams.set('options', `-c search_path=${schema}`);
    return x.toString();
  };
  let admin: Db;
  let app: App;
  const env = { ...process.env };
  afterAll(async () => {
    await app?.close();
    process.env = env;
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('migrates as the owner and runs the application with data rights only', async () => {
    admin = await openDb({ url: url! });
    await admin.exec(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN CREATE ROLE ${appRole} LOGIN; END IF;
    END $$`);
    await admin.exec(`CREATE SCHEMA ${schema} AUTHORIZATION ${owner}`);
    process.env.DATABASE_URL = as(appRole);
    process.env.DATABASE_MIGRATION_URL = as(owner);
    process.env.XIEZHI_KEY = 'roles-test-master-key-0123456789';
    app = await openApp({ dataDir: tmp, today: '2026-11-23' });
    expect((await app.db.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u).toBe(appRole);
    const t = await fileTicket(app, SYSTEM, {
      kind: 'complaint',
      channel: 'web',
      title: '退款纠纷',
      text: '商家拒绝退款。',
      complainant: { name: '赵六', phone: '13700001111' },
      respondent: { name: '上海某商贸有限公司', address: '上海市静安区南京西路1号' },
    } as never);
    expect((t as { id: string }).id).toBeTruthy();
    await audit(app.db, {
      actorId: 'admin',
      actorRole: 'admin',
      action: 'personal_data.view',
      subjectType: 'ticket',
      subjectId: (t as { id: string }).id,
    });
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });

  it('refuses the application role TRUNCATE, DISABLE TRIGGER, DELETE, the chain head and DDL', async () => {
    const refused = async (sql: string, why: RegExp) => expect(app.db.query(sql)).rejects.toThrow(why);
    await refused('TRUNCATE audit_log', /permission denied/);
    await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only', /must be owner/);
    await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/);
    await refused('DELETE FROM audit_log', /permission denied/);
    await refused("UPDATE audit_log SET purpose = 'x'", /permission denied/);
    await refused("UPDATE audit_head SET hash = 'x'", /permission denied/);
    await refused('TRUNCATE ticket_events', /permission denied/);
    await refused('DROP TABLE tickets', /must be owner/);
    await refused('CREATE TABLE t (a int)', /permission denied/);
    // and the owner itself is stopped by the triggers
    const o = await openDb({ url: as(owner) });
    try {
      await expect(o.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await o.close();
    }
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });
});
