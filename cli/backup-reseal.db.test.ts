/**
 * The at-rest CLI on a real embedded data directory: permissions, backup without the key and with the seal kept,
 * restore refusing the wrong key, re-seal under a new key, and `audit verify` failing on a tampered log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { openApp } from '../server/app.js';
import { fileTicket } from '../server/modules/intake/index.js';
import { attach } from '../server/modules/attachments/index.js';
import { SYSTEM } from '../server/modules/access/index.js';
import { looseFiles } from '../server/platform/config/index.js';
import { filterTar, openDb } from '../server/platform/db/index.js';

const root = mkdtempSync(join(tmpdir(), 'xz-rest-cli-'));
const dir = join(root, 'data');
const KEY = 'backup-test-master-key-0123456789';
const NEW_KEY = 'rotated-master-key-0123456789abcdef';
const PHONE = '13987654321';
let ticketId = '';
const env = { ...process.env };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  const app = await openApp({ dataDir: dir, key: KEY, today: '2026-11-23' });
  const r = await fileTicket(app, SYSTEM, {
    kind: 'complaint',
    channel: 'web',
    title: '手机无法开机',
    text: '新买的手机三天就无法开机，要求换货。',
    complainant: { name: '王小明', phone: PHONE, id_number: '310101199202021234' },
    respondent: { name: '上海某数码有限公司', address: '上海市黄浦区南京东路1号' },
  } as never);
  ticketId = (r as { id: string }).id;
  await attach(app, SYSTEM, ticketId, {
    filename: 'chat.txt',
    content: Buffer.from(`客服电话 ${PHONE}`),
    purpose: 'evidence',
  });
  await app.db.query('CHECKPOINT');
  await app.close();
}, 120_000);
afterAll(() => {
  process.env = env;
  rmSync(root, { recursive: true, force: true });
});

describe('at rest on disk', () => {
  it('keeps the data directory 0700 and every file in it 0600', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(looseFiles(dir)).toEqual([]);
  });
  it('never writes the complainant phone in clear to any file of the data directory', () => {
    const hits: string[] = [];
    const walk = (p: string) => {
      for (const e of readdirSync(p, { withFileTypes: true })) {
        const f = join(p, e.name);
        if (e.isDirectory()) walk(f);
        else if (readFileSync(f).includes(Buffer.from(PHONE))) hits.push(f);
      }
    };
    walk(dir);
    expect(hits).toEqual([]);
  });
});

describe('backup and restore', () => {
  const file = join(root, 'backup.tar.gz');
  it('backs up with the seal kept and without the key file', async () => {
    writeFileSync(join(dir, 'xiezhi.key'), KEY, { mode: 0o600 }); // a development key kept in the directory
    expect(await main(['backup', '--data', dir, '--out', file])).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const tar = gunzipSync(readFileSync(file));
    const names: string[] = [];
    filterTar(tar, (n) => (names.push(n), true));
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => n.endsWith('.key'))).toEqual([]);
    expect(tar.includes(Buffer.from(KEY))).toBe(false);
    expect(tar.includes(Buffer.from(PHONE))).toBe(false);
    expect(await main(['backup', '--data', dir, '--out', file])).toBe(2); // refuses to overwrite
  });
  it('restores into a new directory; opens with the key and refuses another key', async () => {
    const dir2 = join(root, 'restored');
    expect(await main(['restore', '--data', dir2, file])).toBe(0);
    expect(looseFiles(dir2)).toEqual([]);
    expect(existsSync(join(dir2, 'xiezhi.key'))).toBe(false);
    expect(await main(['restore', '--data', dir2, file])).toBe(2); // not empty
    await expect(openApp({ dataDir: dir2, key: 'a-different-key-0123456789' })).rejects.toThrow(
      /not this database's key/,
    );
    const app = await openApp({ dataDir: dir2, key: KEY });
    const t = (
      await app.db.query<{ complainant_enc: string }>('SELECT complainant_enc FROM tickets WHERE id = $1', [ticketId])
    ).rows[0]!;
    expect(app.sealer.open<{ phone: string }>(t.complainant_enc).phone).toBe(PHONE);
    const backup = (
      await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'database.backup'")
    ).rows[0]!;
    expect(backup.n).toBe(1); // the backup records itself (the refused second one wrote nothing)
    await app.close();
  });
});

describe('reseal and audit verify', () => {
  it('re-seals under the new key, after which only the new key opens the directory', async () => {
    process.env.XIEZHI_KEY = NEW_KEY;
    process.env.XIEZHI_OLD_KEY = KEY;
    expect(await main(['reseal', '--data', dir])).toBe(0);
    delete process.env.XIEZHI_OLD_KEY;
    delete process.env.XIEZHI_KEY;
    await expect(openApp({ dataDir: dir, key: KEY })).rejects.toThrow(/retired/);
    const app = await openApp({ dataDir: dir, key: NEW_KEY });
    const a = (
      await app.db.query<{ content_enc: Uint8Array }>('SELECT content_enc FROM attachments WHERE ticket_id = $1', [
        ticketId,
      ])
    ).rows[0]!;
    expect(app.sealer.kidOf(a.content_enc)).toBe(app.sealer.kid);
    expect(app.sealer.openBytes(a.content_enc).toString()).toContain(PHONE);
    await app.close();
  });
  it('verifies the chain, and exits 1 naming the entry once one is changed', async () => {
    expect(await main(['audit', 'verify', '--data', dir])).toBe(0);
    const db = await openDb({ dataDir: dir });
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query("UPDATE audit_log SET purpose = 'forged' WHERE seq = 2");
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await db.close();
    expect(await main(['audit', 'verify', '--data', dir])).toBe(1);
    expect(await main(['audit', 'verify', '--data', join(root, 'nothing')])).toBe(2);
  });
});
