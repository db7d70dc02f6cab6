/**
 * Issue 11 §2–3 on a real database: evidence files and documents are sealed at rest, rows from before are sealed on
 * start, the audit chain verifies and breaks where it is tampered with, exports and shares are found by the records
 * they covered, the admin searches the audit, and a re-seal moves every sealed value to a new key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testApp, TEST_KEY } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import { sealLegacyAttachments } from './modules/attachments/index.js';
import { sealLegacyDocuments } from './modules/workflow/index.js';
import { audit, auditSearch, verifyAuditChain } from './platform/audit/index.js';
import { openKeyring, resealAll, sealedColumns } from './platform/crypto/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tok: Record<string, string> = {};
const PHONE = '13912345678';

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tok[user]}` } });
  return {
    status: r.statusCode,
    body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body,
    raw: r.rawPayload,
  };
}

const complaint = {
  kind: 'complaint',
  title: '健身卡无法退费',
  text: '我在健身房办了年卡3000元，现在门店关门联系不上，要求退款。',
  complainant: {
    name: '李秀英',
    phone: PHONE,
    id_number: '310101199001011234',
    address: '上海市松江区岳阳街道某小区1号',
  },
  respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
};
let ticketId = '';

beforeAll(async () => {
  app = await testApp('2026-11-23');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'analyst', 'admin', 'supervisor']) {
    const r = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u, password: DEMO_PASSWORD },
    });
    tok[u] = r.json().token;
  }
  const f = await http.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { ...complaint, client_key: 'rest-1' },
  });
  expect(f.statusCode).toBe(201);
  ticketId = f.json().id;
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('sealed at rest', () => {
  it('stores evidence files sealed and serves them back intact', async () => {
    const content = Buffer.from(`%PDF-1.4 收据 联系电话 ${PHONE}`);
    const up = await call('officer', 'POST', `/api/tickets/${ticketId}/attachments`, {
      filename: 'receipt.pdf',
      content_base64: content.toString('base64'),
    });
    expect(up.status).toBe(201);
    const row = (
      await app.db.query<{ content: Uint8Array | null; content_enc: Uint8Array }>(
        'SELECT content, content_enc FROM attachments WHERE id = $1',
        [up.body.id],
      )
    ).rows[0]!;
    expect(row.content).toBeNull();
    expect(Buffer.from(row.content_enc).includes(Buffer.from(PHONE))).toBe(false);
    expect(app.sealer.kidOf(row.content_enc)).toBe(app.sealer.kid);
    const down = await call('officer', 'GET', `/api/tickets/${ticketId}/attachments/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(down.raw).equals(content)).toBe(true);
  });

  it('stores decision documents sealed and renders them for those who may read them', async () => {
    const a = await call('officer', 'POST', `/api/tickets/${ticketId}/actions`, { action: 'accept' });
    expect(a.status).toBe(200);
    const docId = a.body.documents[0].id as string;
    const row = (
      await app.db.query<{ html: string | null; html_enc: string }>(
        'SELECT html, html_enc FROM documents WHERE id = $1',
        [docId],
      )
    ).rows[0]!;
    expect(row.html).toBeNull();
    expect(row.html_enc).toMatch(new RegExp(`^v2:${app.sealer.kid}:`));
    expect(row.html_enc).not.toContain('李秀英');
    const d = await call('officer', 'GET', `/api/tickets/${ticketId}/documents/${docId}`);
    expect(d.status).toBe(200);
    expect(d.body).toContain('受理');
  });

  it('seals rows stored in clear before sealing existed', async () => {
    const aid = randomUUID();
    const did = randomUUID();
    await app.db.query(
      `INSERT INTO attachments (ticket_id, id, purpose, filename, size, sha256, content) VALUES ($1, $2, 'evidence', 'old.txt', 5, 'x', $3)`,
      [ticketId, aid, Buffer.from('clear')],
    );
    await app.db.query(
      `INSERT INTO documents (ticket_id, id, kind, number, title, html) VALUES ($1, $2, 'acceptance_decision', 'N', 'T', '<p>李秀英</p>')`,
      [ticketId, did],
    );
    await sealLegacyAttachments(app.db, app.sealer);
    await sealLegacyDocuments(app.db, app.sealer);
    const clear = (
      await app.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM attachments WHERE content IS NOT NULL) + (SELECT count(*) FROM documents WHERE html IS NOT NULL) AS n',
      )
    ).rows[0]!;
    expect(Number(clear.n)).toBe(0);
    const d = await call('officer', 'GET', `/api/tickets/${ticketId}/documents/${did}`);
    expect(d.body).toBe('<p>李秀英</p>');
  });
});

describe('audit that cannot be dodged', () => {
  it('finds every exported ticket and every shared entry by its record', async () => {
    const csv = await call('analyst', 'GET', '/api/analytics/export.csv?purpose=' + encodeURIComponent('季度分析'));
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(ticketId);
    const found = await auditSearch(app.db, { subjectId: ticketId, action: 'analytics.export' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ actor_role: 'analyst', purpose: '季度分析', subject_type: 'ticket' });

    const person = (
      await app.db.query<{ complainant_key: string }>('SELECT complainant_key FROM tickets WHERE id = $1', [ticketId])
    ).rows[0]!.complainant_key;
    const entryId = randomUUID();
    await app.db.query(
      `INSERT INTO abnormal_entries (id, person_key, district_code, state, score, criteria, entry, ticket_ids) VALUES ($1, $2, NULL, 'listed', 0.9, '[]', '{}', ARRAY[$3])`,
      [entryId, person, ticketId],
    );
    const share = await call('admin', 'GET', '/api/partner/abnormal?purpose=' + encodeURIComponent('联合惩戒核查'));
    expect(share.status).toBe(200);
    const shared = await auditSearch(app.db, { subjectId: entryId });
    expect(shared.items.map((e) => e.action)).toContain('abnormal.share');
    expect(shared.items.find((e) => e.action === 'abnormal.share')).toMatchObject({
      purpose: '联合惩戒核查',
      subject_type: 'abnormal',
    });
  });

  it('answers the admin with the latest page, filters by actor, action, subject and time, and names a bad date', async () => {
    const latest = await call('admin', 'GET', '/api/admin/audit');
    expect(latest.status).toBe(200);
    expect(latest.body.items.length).toBeGreaterThan(3);
    const seqs = latest.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    const byActor = await call(
      'admin',
      'GET',
      '/api/admin/audit?actor=analyst&action=analytics.export&from=2020-01-01&to=2099-12-31',
    );
    expect(byActor.body.items.length).toBe(1);
    expect((await call('admin', 'GET', '/api/admin/audit?action=abnormal.&subject_id=' + ticketId)).body.items).toEqual(
      [],
    );
    expect((await call('admin', 'GET', '/api/admin/audit?from=2000-01-01&to=2000-01-02')).body.items).toEqual([]);
    const bad = await call('admin', 'GET', '/api/admin/audit?from=2026-13-45');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    expect((await call('officer', 'GET', '/api/admin/audit')).status).toBe(403);
    const v = await call('admin', 'GET', '/api/admin/audit/verify');
    expect(v.body).toMatchObject({ ok: true });
    expect(v.body.entries).toBeGreaterThan(3);
  });

  it('chains concurrent writers without a fork, and the chain verifies', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit(app.db, {
          actorId: 'w' + i,
          actorRole: 'system',
          action: 'ticket.action',
          subjectType: 'ticket',
          subjectId: ticketId,
        }),
      ),
    );
    const v = await verifyAuditChain(app.db, { page: 7 });
    expect(v.ok).toBe(true);
    expect(v.entries).toBeGreaterThan(45);
    expect(v.head.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log', async () => {
    await expect(app.db.query('UPDATE audit_log SET purpose = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(app.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(app.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });

  it('reports the first broken link when an entry is changed or removed behind the triggers', async () => {
    const anchor = (await verifyAuditChain(app.db)).head;
    await app.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await app.db.query(`UPDATE audit_log SET detail = '{"rows": 0}' WHERE seq = 5`);
      expect((await verifyAuditChain(app.db)).broken).toMatchObject({
        seq: 5,
        reason: expect.stringMatching(/content/),
      });
      await app.db.query('DELETE FROM audit_log WHERE seq = 5');
      expect((await verifyAuditChain(app.db)).broken).toMatchObject({
        seq: 5,
        reason: expect.stringMatching(/missing/),
      });
      // a full rewrite is self-consistent; only the anchored head tells
      await app.db.query('DELETE FROM audit_log WHERE seq = $1', [anchor.seq]);
      const v = await verifyAuditChain(app.db, { expect: anchor });
      expect(v.ok).toBe(false);
    } finally {
      await app.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  });
});

describe('key rotation', () => {
  it('re-seals every sealed column under the new key; the old key is refused afterwards, person links survive', async () => {
    const newKey = 'the-new-master-key-0123456789abcdef';
    const before = (
      await app.db.query<{ complainant_key: string; phone_hash: string }>(
        'SELECT complainant_key, phone_hash FROM tickets WHERE id = $1',
        [ticketId],
      )
    ).rows[0]!;
    const cols = (await sealedColumns(app.db)).map((c) => `${c.table}.${c.column}`);
    expect(cols).toEqual(
      expect.arrayContaining(['attachments.content_enc', 'documents.html_enc', 'tickets.complainant_enc']),
    );
    const r = await resealAll(app.db, { oldKey: TEST_KEY, newKey, page: 2 });
    expect(r.columns.reduce((n, c) => n + c.resealed, 0)).toBeGreaterThan(3);
    const fresh = await openKeyring(app.db, newKey);
    expect(fresh.kid).toBe(r.kid);
    const t = (
      await app.db.query<{ complainant_enc: string }>('SELECT complainant_enc FROM tickets WHERE id = $1', [ticketId])
    ).rows[0]!;
    expect(fresh.kidOf(t.complainant_enc)).toBe(r.kid);
    expect(fresh.open<{ phone: string }>(t.complainant_enc).phone).toBe(PHONE);
    expect(fresh.hash('phone', PHONE)).toBe(before.phone_hash);
    const stale = (
      await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM documents WHERE NOT starts_with(html_enc, $1)`,
        [`v2:${r.kid}:`],
      )
    ).rows[0]!;
    expect(stale.n).toBe(0);
    const bin = (await app.db.query<{ content_enc: Uint8Array }>('SELECT content_enc FROM attachments')).rows;
    for (const b of bin) expect(fresh.kidOf(b.content_enc)).toBe(r.kid);
    await expect(openKeyring(app.db, TEST_KEY)).rejects.toThrow(/retired/);
    await expect(openKeyring(app.db, 'some-other-key-0123456789abc')).rejects.toThrow(/not this database's key/);
    expect((await verifyAuditChain(app.db, {})).entries).toBeGreaterThan(0);
  });
});
