import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { buildHttp } from './http.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const tokens: Record<string, string> = {};

async function call(user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const r = await http.inject({
    method,
    url,
    payload,
    headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
  });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
}

const complaint = {
  kind: 'complaint',
  title: '健身卡无法退费',
  text: '我在健身房办了年卡3000元，现在门店关门联系不上，要求退款。',
  complainant: {
    name: '张三丰',
    phone: '13800138000',
    id_number: '310101199001011234',
    address: '上海市松江区岳阳街道某小区1号',
  },
  respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
};

beforeAll(async () => {
  app = await testApp('2026-11-23');
  http = await buildHttp(app);
  for (const u of ['officer', 'officer2', 'supervisor', 'analyst', 'operator', 'enterprise', 'partner', 'admin']) {
    const r = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u, password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    tokens[u] = r.json().token;
  }
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('API', () => {
  it('answers health and serves the OpenAPI document', async () => {
    expect((await call(null, 'GET', '/api/health')).status).toBe(200);
    const o = await call(null, 'GET', '/api/openapi.json');
    expect(o.status).toBe(200);
    expect(o.body.openapi).toMatch(/^3\./);
    expect(Object.keys(o.body.paths)).toContain('/api/tickets/{id}/actions');
  });

  it('refuses a wrong password and anonymous access to the queue', async () => {
    expect(
      (
        await http.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'officer', password: 'nope' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await call(null, 'GET', '/api/tickets')).status).toBe(401);
    expect((await call('partner', 'GET', '/api/tickets')).status).toBe(403);
  });

  it('files a public complaint, routes it to the station, and the officer accepts it within the deadline', async () => {
    const f = await call(null, 'POST', '/api/public/tickets', { ...complaint, client_key: 'form-1' });
    expect(f.status).toBe(201);
    expect(f.body.tracking_code).toMatch(/^[0-9A-F]{8}$/);
    const again = await call(null, 'POST', '/api/public/tickets', { ...complaint, client_key: 'form-1' });
    expect(again.body).toMatchObject({ id: f.body.id, created: false });

    const q = await call('officer', 'GET', '/api/tickets');
    const item = q.body.items.find((x: { id: string }) => x.id === f.body.id);
    expect(item).toBeTruthy();
    expect(item.complainant).toEqual({ name: '张*丰', phone: '138****8000' });
    expect(item.clock).toMatch(/green|amber|red/);

    const d = await call('officer', 'GET', `/api/tickets/${f.body.id}`);
    expect(d.status).toBe(200);
    expect(d.body.ticket.complainant.phone).toBe('13800138000'); // the handling officer sees it, audited
    expect(d.body.actions).toContain('accept');
    const audit = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM audit_log WHERE action = 'personal_data.view' AND subject_id = $1",
      [f.body.id],
    );
    expect(audit.rows[0]!.n).toBe(1);
    const trail = await call('admin', 'GET', `/api/admin/audit?subject_type=ticket&subject_id=${f.body.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('personal_data.view');
    expect((await call('officer', 'GET', `/api/admin/audit?subject_type=ticket&subject_id=${f.body.id}`)).status).toBe(
      403,
    );

    const a = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'accept' });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('accepted');
    expect(a.body.documents[0].title).toBe('投诉受理决定书');
    const doc = await call('officer', 'GET', `/api/tickets/${f.body.id}/documents/${a.body.documents[0].id}`);
    expect(doc.body).toContain('投诉受理决定书');
    expect(doc.body).toContain('张三丰');

    const t = await call(null, 'GET', `/api/public/tickets/${f.body.no}?code=${f.body.tracking_code}`);
    expect(t.body.status).toBe('accepted');
    expect((await call(null, 'GET', `/api/public/tickets/${f.body.no}?code=WRONG000`)).status).toBe(404);

    // illegal transition is refused with a clear error
    const bad = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'accept' });
    expect(bad.status).toBe(409);
    expect(bad.body.error).toBe('illegal_transition');
  });

  it('keeps a station out of another station’s tickets and masks data for analysts', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      ...complaint,
      client_key: 'call-2',
      text: '私教课买了二十节只上了三节，教练离职后门店拒绝退还剩余课时费。',
    });
    expect(f.status).toBe(201);
    expect((await call('officer2', 'GET', `/api/tickets/${f.body.id}`)).status).toBe(404);
    expect((await call('officer2', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'accept' })).status).toBe(
      404,
    );
    const q2 = await call('officer2', 'GET', '/api/tickets');
    expect(q2.body.items.some((x: { id: string }) => x.id === f.body.id)).toBe(false);
    const an = await call('analyst', 'GET', `/api/tickets/${f.body.id}`);
    expect(an.status).toBe(200);
    expect(an.body.ticket.personal_data).toBe('masked');
    expect(JSON.stringify(an.body)).not.toContain('13800138000');
    expect((await call('analyst', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'accept' })).status).toBe(403);
    expect((await call('supervisor', 'GET', `/api/tickets/${f.body.id}`)).status).toBe(200);
  });

  it('declines with a reason code and produces the decision document; refuses a bad reason with 400', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      ...complaint,
      client_key: 'call-3',
      text: '办卡时承诺的游泳池一直未开放，属于虚假宣传，要求按比例退费。',
    });
    const bad = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'decline', reason: 'ZZ' });
    expect(bad.status).toBe(400);
    const r = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'decline', reason: 'D3' });
    expect(r.status).toBe(200);
    expect(r.body.documents[0].title).toBe('投诉不予受理决定书');
    const html = await call('officer', 'GET', `/api/tickets/${f.body.id}/documents/${r.body.documents[0].id}`);
    expect(html.body).toContain('不是为生活消费需要');
    expect((await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'nonsense' })).status).toBe(
      400,
    );
  });

  it('transfers with a reason within the allowed scope', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      ...complaint,
      client_key: 'call-4',
      text: '前台擅自从我的储值卡里扣了两次饮料费用，要求退回并道歉。',
    });
    expect(
      (
        await call('officer', 'POST', `/api/tickets/${f.body.id}/transfer`, {
          to_unit: 'S310104003',
          reason: '不属本所',
        })
      ).status,
    ).toBe(403);
    const back = await call('officer', 'POST', `/api/tickets/${f.body.id}/transfer`, {
      to_unit: '310117',
      reason: '地址不在本所辖区',
    });
    expect(back.status).toBe(200);
    const s = await call('supervisor', 'POST', `/api/tickets/${f.body.id}/transfer`, {
      to_unit: 'S310117002',
      reason: '按街镇分派',
    });
    expect(s.status).toBe(200);
    expect((await call('officer2', 'GET', `/api/tickets/${f.body.id}`)).status).toBe(200);
  });

  it('shows an enterprise only complaints routed to it in ODR, never reports', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      ...complaint,
      client_key: 'call-5',
      text: '要求退款，并举报该公司虚假宣传，要求依法查处',
      consent_odr: true,
    });
    // ODR only to the ticket's own business, enrolled in the register, with the consumer's consent recorded at filing
    const key = (
      await app.db.query<{ k: string }>('SELECT respondent_key AS k FROM tickets WHERE id = $1', [f.body.id])
    ).rows[0]!.k;
    await app.db.query(
      "INSERT INTO enterprises (key, name, odr) VALUES ($1, '上海某某健身管理有限公司', true) ON CONFLICT (key) DO UPDATE SET odr = true",
      [key],
    );
    await app.db.query('UPDATE users SET enterprise_key = $1 WHERE username = $2', [key, 'enterprise']);
    expect(f.body.split).toBe(true);
    expect((await call('enterprise', 'GET', `/api/tickets/${f.body.id}`)).status).toBe(404);
    const odr = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, {
      action: 'send_odr',
      odr_key: key,
      consent: true,
    });
    expect(odr.status).toBe(200);
    const e = await call('enterprise', 'GET', `/api/tickets/${f.body.id}`);
    expect(e.status).toBe(200);
    expect(e.body.ticket.personal_data).toBe('masked');
    expect((await call('enterprise', 'GET', `/api/tickets/${f.body.id}R`)).status).toBe(404);
    const q = await call('enterprise', 'GET', '/api/tickets');
    expect(q.body.items.every((x: { kind: string }) => x.kind === 'complaint')).toBe(true);
    expect(
      (await call('enterprise', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'odr_settle' })).body.status,
    ).toBe('closed');
  });

  it('validates input with a 400 and a reason', async () => {
    const r = await call('operator', 'POST', '/api/tickets', { text: 123 });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_input');
  });
});
