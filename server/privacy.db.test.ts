/**
 * Issue 11, part 1 — free text is personal data. A complaint whose body names the complainant, with ID and mobile,
 * and also reports the shop asking for secrecy: no enterprise response (every GET route of the OpenAPI document the
 * enterprise may call, plus its actions) contains the phone, the ID number, the name or that a report was made; an
 * officer of another station sees only redacted excerpts in similar cases, and that view is audited; the analyst's
 * drill-down is redacted; the database holds the text redacted and the original sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import { odrRepo } from './modules/odr/index.js';
import { redactStoredTexts } from './modules/intake/index.js';
import { originalText } from './modules/workflow/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
async function call(user: string | null, method: 'GET' | 'POST', url: string, payload?: object) {
  const r = await http.inject({
    method,
    url,
    payload,
    headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
  });
  return {
    status: r.statusCode,
    body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body,
    raw: r.body,
  };
}

const PHONE = '13912345678';
const IDNO = '310101198001011234';
const NAME = '张伟';
const TEXT = `本人${NAME}，身份证号${IDNO}，手机${PHONE}，2026年11月1日在上海某某健身管理有限公司办了年卡3000元，现在门店关门联系不上，要求退款。同时举报该店无证经营，请依法查处，请对举报人信息保密。`;
const respondent = { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' };
/** digits with the separators people put between them removed, so 139 1234 5678 is found too */
const flat = (s: string) => s.replace(/(\d)[\s\-—]+(?=\d)/g, '$1');
function assertClean(where: string, s: string) {
  const f = flat(s);
  // not the word 举报 itself: the law's title (《…投诉举报处理办法》) is in every rules block — but nothing of this report
  for (const secret of [PHONE, IDNO, NAME, '无证经营', '同时举报', '依法查处', '信息保密']) {
    const at = f.indexOf(secret);
    expect(at < 0, `${where} leaks ${secret}: …${f.slice(Math.max(0, at - 80), at + 40)}…`).toBe(true);
  }
}

let complaintId = '';
let ENT = '';
let complaintNo = '';

beforeAll(async () => {
  app = await testApp('2026-11-23');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'officer2', 'supervisor', 'analyst', 'operator', 'enterprise', 'admin']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
  const f = await call('operator', 'POST', '/api/tickets', {
    kind: 'complaint',
    client_key: 'privacy-1',
    title: `${NAME}投诉健身房跑路`,
    text: TEXT,
    consent_odr: true,
    complainant: { name: NAME, phone: PHONE, id_number: IDNO },
    respondent,
  });
  expect(f.status).toBe(201);
  expect(f.body.split).toBe(true);
  complaintId = f.body.id;
  // ODR goes only to the ticket's own business, enrolled in the register: enrol it under the key intake gave it
  ENT = (await app.db.query<{ k: string }>('SELECT respondent_key AS k FROM tickets WHERE id = $1', [complaintId]))
    .rows[0]!.k;
  await app.db.query('UPDATE users SET enterprise_key = $1 WHERE username = $2', [ENT, 'enterprise']);
  await odrRepo.upsert(app.db, [
    { key: ENT, name: '上海某某健身管理有限公司', credit_code: null, odr: true, odr_since: '2026-01-01' },
  ]);
  complaintNo = (await call('officer', 'GET', `/api/tickets/${complaintId}`)).body.ticket.no;
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('free text is personal data', () => {
  it('stores the text redacted and the original sealed', async () => {
    const r = (
      await app.db.query<Record<string, unknown>>('SELECT * FROM tickets WHERE id = ANY($1::text[])', [
        [complaintId, `${complaintId}R`],
      ])
    ).rows;
    expect(r).toHaveLength(2);
    for (const row of r) {
      const clear = JSON.stringify({ ...row, text_enc: undefined, complainant_enc: undefined });
      expect(clear).not.toContain(PHONE);
      expect(clear).not.toContain(IDNO);
      expect(clear).not.toContain(NAME);
      expect(row.text_enc).toMatch(/^v2:/);
      expect(row.redaction).toBe(1);
    }
    expect(String(r.find((x) => x.id === complaintId)!.body)).toContain(
      '本人张*，身份证号3101**********1234，手机139****5678',
    );
    const ev = JSON.stringify(
      (
        await app.db.query('SELECT payload FROM ticket_events WHERE ticket_id = ANY($1::text[])', [
          [complaintId, `${complaintId}R`],
        ])
      ).rows,
    );
    expect(ev).not.toContain(PHONE);
  });

  it('shows the officer of the station the original (audited), analysts the redacted text', async () => {
    const o = await call('officer', 'GET', `/api/tickets/${complaintId}?purpose=${encodeURIComponent('办理投诉')}`);
    expect(o.status).toBe(200);
    expect(o.body.ticket.body).toBe(TEXT);
    expect(o.body.ticket.text_version).toBe('original');
    const trail = (
      await app.db.query<{ action: string; purpose: string }>(
        "SELECT action, purpose FROM audit_log WHERE subject_id = $1 AND actor_id = (SELECT id FROM users WHERE username = 'officer')",
        [complaintId],
      )
    ).rows;
    expect(trail).toContainEqual({ action: 'personal_data.view', purpose: '办理投诉' });
    const a = await call('analyst', 'GET', `/api/tickets/${complaintId}`);
    expect(a.body.ticket.text_version).toBe('redacted');
    expect(a.body.ticket.body).toContain('本人张*');
    const s = JSON.stringify(a.body);
    for (const secret of [PHONE, IDNO, NAME]) expect(s).not.toContain(secret);
    const op = JSON.stringify((await call('operator', 'GET', `/api/tickets/${complaintId}`)).body);
    for (const secret of [PHONE, IDNO, NAME]) expect(op).not.toContain(secret);
  });

  it('gives the analyst a redacted drill-down and export', async () => {
    const d = await call('analyst', 'GET', '/api/analytics/tickets?limit=500');
    expect(d.status).toBe(200);
    const mine = d.body.items.find((x: { id: string }) => x.id === complaintId);
    expect(mine.excerpt).toContain('本人张*');
    const e = await call('analyst', 'GET', `/api/analytics/export.csv?purpose=${encodeURIComponent('季度分析')}`);
    expect(e.status).toBe(200);
    for (const secret of [PHONE, IDNO, NAME]) expect(flat(e.raw)).not.toContain(secret);
  });

  it('never lets an enterprise response carry the complainant or the report, on any route it may call', async () => {
    const sent = await call('officer', 'POST', `/api/tickets/${complaintId}/actions`, {
      action: 'send_odr',
      odr_key: ENT,
      consent: true,
    });
    // the odr-routing subscriber may have sent it first (the consumer consented, the business is enrolled)
    expect(
      sent.status === 200 || (await call('officer', 'GET', `/api/tickets/${complaintId}`)).body.ticket.status === 'odr',
      `send_odr ${sent.status}`,
    ).toBe(true);
    // a document for the business: the enterprise hands the case back, the station accepts and opens mediation
    expect(
      (
        await call('enterprise', 'POST', `/api/tickets/${complaintId}/actions`, {
          action: 'odr_fail',
          note: '经协商未达成一致',
        })
      ).status,
    ).toBe(200);
    for (const action of ['accept', 'start_mediation'])
      expect((await call('officer', 'POST', `/api/tickets/${complaintId}/actions`, { action })).status).toBe(200);
    await app.db.query('UPDATE tickets SET odr_key = $2 WHERE id = $1', [complaintId, ENT]); // still in the firm's inbox
    const detail = await call('enterprise', 'GET', `/api/tickets/${complaintId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.ticket.text_version).toBe('mediation');
    expect(detail.body.ticket.body).toContain('要求退款');
    const docs: { id: string }[] = detail.body.documents;
    expect(docs.length).toBeGreaterThan(0);
    // the officer's copy of the acceptance decision is addressed to the complainant by name
    expect((await call('officer', 'GET', `/api/tickets/${complaintId}/documents/${docs[0]!.id}`)).raw).toContain(NAME);
    const businessCopy = (await call('enterprise', 'GET', `/api/tickets/${complaintId}/documents/${docs[0]!.id}`)).raw;
    expect(businessCopy).toContain('张*');
    expect(businessCopy).toContain('受理');

    const spec = (await call(null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fill = (p: string, doc?: string) =>
      p
        .replace('{id}', complaintId)
        .replace('{no}', complaintNo)
        .replace('{doc}', doc ?? docs[0]!.id)
        .replace(/\{[^}]+\}/g, 'x');
    let answered = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!('get' in ops)) continue;
      for (const url of path.includes('{doc}')
        ? docs.map((d) => fill(path, d.id))
        : [fill(path), fill(path.replace('{id}', `${complaintId}R`))]) {
        const r = await call('enterprise', 'GET', url);
        if (r.status < 300) answered++;
        assertClean(`GET ${url} (${r.status})`, r.raw);
      }
    }
    expect(answered).toBeGreaterThanOrEqual(4); // queue, detail, documents, enterprise/me at least
    const q = await call('enterprise', 'GET', `/api/tickets?q=${encodeURIComponent('举报')}`);
    expect(q.body.total).toBe(0); // the text search would tell which complaints also report
    const reportPart = await call('enterprise', 'GET', `/api/tickets/${complaintId}R`);
    expect(reportPart.status).toBe(404);
    const settle = await call('enterprise', 'POST', `/api/tickets/${complaintId}/actions`, { action: 'odr_settle' });
    assertClean('POST actions', settle.raw);
    const viewed = (
      await app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.view' AND subject_id = $1 AND actor_role = 'enterprise'",
        [complaintId],
      )
    ).rows[0]!.n;
    expect(viewed).toBeGreaterThanOrEqual(docs.length);
  });

  it('gives an officer of another station only redacted excerpts of similar cases, audited', async () => {
    // officer2's own ticket, much like the complaint above, at the neighbouring station
    const f = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'privacy-2',
      text: '在上海某某健身管理有限公司办了年卡3000元，现在门店关门联系不上，要求退款。',
      complainant: { name: '李四', phone: '13600001111' },
      respondent,
    });
    expect(
      (
        await call('supervisor', 'POST', `/api/tickets/${f.body.id}/transfer`, {
          to_unit: 'S310117002',
          reason: '按街镇分派',
        })
      ).status,
    ).toBe(200);
    const s = await call('officer2', 'GET', `/api/tickets/${f.body.id}/similar`);
    expect(s.status).toBe(200);
    const other = s.body.items.filter((x: { scope: string }) => x.scope === 'outside');
    expect(other.length).toBeGreaterThan(0);
    for (const x of other) {
      expect(x.id).toBeUndefined();
      expect(x.no).toBeUndefined();
    }
    for (const secret of [PHONE, IDNO, NAME, complaintId, complaintNo])
      expect(JSON.stringify(s.body)).not.toContain(secret);
    const audited = (
      await app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'similar.view' AND subject_id = $1",
        [complaintId],
      )
    ).rows[0]!.n;
    expect(audited).toBeGreaterThan(0);
    // the station's own officer sees its own case in full
    const own = await call('officer', 'GET', `/api/tickets/${complaintId}/similar`);
    expect(own.status).toBe(200);
  });

  it('converts rows stored before redaction (migration 0010) and keeps the original under seal', async () => {
    const raw = '联系人王小红，手机13600002222，家住阳光小区5号楼1201室，洗衣机漏水要求维修。';
    await app.db.query(
      `INSERT INTO tickets (id, no, source, source_id, kind, received_at, received_date, title, body, prefill, unit_id, status, rule_version, redaction)
      VALUES ('Tlegacy1', 'XZLEGACY1', 'legacy', '1', 'complaint', now(), '2026-11-20', '王小红投诉洗衣机', $1, $2::jsonb, 'S310117001', 'received', 'order121', 0)`,
      [raw, JSON.stringify({ phones: [{ value: '13600002222', start: 10, end: 21 }] })],
    );
    expect(await redactStoredTexts(app.db, app.sealer)).toBeGreaterThanOrEqual(1);
    const row = (
      await app.db.query<{
        title: string;
        body: string;
        prefill: unknown;
        text_enc: string;
        redaction: number;
        extra: null;
      }>("SELECT title, body, prefill, text_enc, redaction, extra FROM tickets WHERE id = 'Tlegacy1'")
    ).rows[0]!;
    expect(row.redaction).toBe(1);
    expect(row.body).toBe('联系人王**，手机136****2222，家住阳光小区*号楼****室，洗衣机漏水要求维修。');
    expect(row.title).toBe('王**投诉洗衣机');
    expect(JSON.stringify(row.prefill)).not.toContain('13600002222');
    const o = originalText({ ...row, prefill: row.prefill as Record<string, unknown> }, app.sealer);
    expect(o.body).toBe(raw);
    expect(JSON.stringify(o.prefill)).toContain('13600002222');
    expect(await redactStoredTexts(app.db, app.sealer)).toBe(0); // done once
  });
});
