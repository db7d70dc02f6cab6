import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
async function call(user: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const r = await http.inject({
    method,
    url,
    payload,
    headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
  });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
}
const file = (key: string, text: string, respondent = '上海某某食品有限公司') =>
  call('operator', 'POST', '/api/tickets', {
    kind: 'complaint',
    client_key: key,
    text,
    complainant: { name: `消费者${key}`, phone: `139${key.padStart(8, '0').slice(-8)}` },
    respondent: { name: respondent, address: '上海市松江区岳阳街道人民北路100号' },
  });

beforeAll(async () => {
  app = await testApp('2026-11-23');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'officer2', 'analyst', 'operator', 'admin', 'supervisor']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('workbench assistance, inspections and analytics', () => {
  it('pre-fills from free text', async () => {
    const r = await call(null, 'POST', '/api/prefill', {
      text: '2026年10月3日在拼多多买了20瓶蜂蜜，花了599元，订单号123456789012，发现过期，要求十倍赔偿。电话13800138000',
    });
    expect(r.status).toBe(200);
    expect(r.body.prefill.platform).toBeTruthy();
    expect(JSON.stringify(r.body.prefill)).toContain('599');
  });

  it('creates an inspection task in one click and feeds the result back to the ticket', async () => {
    const f = await file('101', '超市卖过期面包，标签生产日期被改，要求查处并赔偿');
    const i = await call('officer', 'POST', `/api/tickets/${f.body.id}/inspections`, {});
    expect(i.status).toBe(201);
    expect(i.body.business).toBe('上海某某食品有限公司');
    expect(i.body.checklist.length).toBeGreaterThan(3);
    expect((await call('officer2', 'POST', `/api/tickets/${f.body.id}/inspections`, {})).status).toBe(404);
    const r = await call('officer', 'PATCH', `/api/tickets/${f.body.id}/inspections/${i.body.id}`, {
      findings: '现场发现过期面包12袋',
      violation: true,
    });
    expect(r.body.result.case_lead).toBe(true);
    const d = await call('officer', 'GET', `/api/tickets/${f.body.id}`);
    expect(d.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['inspection_created', 'inspection_result']),
    );
  });

  it('stores an officer correction as a training example', async () => {
    const f = await file('102', '买的羽绒服跑绒严重，要求退货');
    const r = await call('officer', 'PATCH', `/api/tickets/${f.body.id}/labels`, {
      labels: { goods_service: '服装鞋帽类', problem: '质量' },
    });
    expect(r.status).toBe(200);
    const n = await app.db.query<{ n: number }>('SELECT count(*)::int n FROM training_examples WHERE ticket_id = $1', [
      f.body.id,
    ]);
    expect(n.rows[0]!.n).toBe(2);
  });

  it('finds similar past cases with why they match', async () => {
    await file('103', '健身房突然关门跑路，年卡还剩八个月，要求退还预付卡余额', '上海力健健身有限公司');
    await file('104', '健身房关门了，预付卡余额无法退，老板联系不上', '上海力健健身有限公司');
    const f = await file('105', '这家健身房跑路了，我的会员卡预付款要退款', '上海力健健身有限公司');
    // the index follows the outbox after commit (not the request): let the subscribers catch up
    await roles.runner.drain();
    const r = await call('officer', 'GET', `/api/tickets/${f.body.id}/similar`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(2);
    expect(r.body.items[0].why).toBeTruthy();
  });

  it('serves the cockpit overview, the cube, drill-down and an audited export', async () => {
    const o = await call('analyst', 'GET', '/api/analytics/overview');
    expect(o.status).toBe(200);
    expect(o.body.totals.tickets).toBeGreaterThan(3);
    expect(o.body.by_district).toHaveLength(16);
    // no ticket drops off the map: the 16 districts plus 未定位 add up to the total, and each drills to its own count
    const located = (o.body.by_district as { count: number }[]).reduce((s, d) => s + d.count, 0);
    expect(located + o.body.unlocated.count).toBe(o.body.totals.tickets);
    const range = `from=${o.body.range.from}&to=${o.body.range.to}`;
    expect(
      (await call('analyst', 'GET', `/api/analytics/tickets?f=district:${encodeURIComponent('未定')}&${range}`)).body
        .total,
    ).toBe(o.body.unlocated.count);
    const top = (o.body.by_district as { key: string; count: number }[]).find((x) => x.count > 0)!;
    expect((await call('analyst', 'GET', `/api/analytics/tickets?f=district:${top.key}&${range}`)).body.total).toBe(
      top.count,
    );
    const c = await call('analyst', 'GET', '/api/analytics/cube?dims=district,kind');
    expect(c.body.rows[0]).toHaveProperty('district');
    expect((await call('analyst', 'GET', '/api/analytics/cube?dims=nonsense')).status).toBe(400);
    const d = await call('analyst', 'GET', '/api/analytics/tickets?f=district:310117');
    expect(d.body.total).toBeGreaterThan(0);
    expect(JSON.stringify(d.body)).not.toMatch(/139\d{8}/);
    const e = await call('analyst', 'GET', '/api/analytics/export.csv?purpose=月度分析');
    expect(e.status).toBe(200);
    expect(String(e.body).split('\n').length).toBeGreaterThan(4);
    const a = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM audit_log WHERE action = 'analytics.export'",
    );
    expect(a.rows[0]!.n).toBe(1);
    expect((await call('officer', 'GET', '/api/analytics/export.csv?purpose=x1')).status).toBe(403);
  });
});

describe('calendar administration', () => {
  it('lets an admin enter next year and applies it at once; others are refused', async () => {
    const before = await call('officer', 'GET', '/api/calendar');
    expect(before.body.warning).toMatch(/2027/);
    const body = { off: [['2027-01-01', '2027-01-03', '元旦']], work: [] };
    const r = await http.inject({
      method: 'PUT',
      url: '/api/admin/calendar/2027',
      payload: body,
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().covered).toContain(2027);
    const after = await call('officer', 'GET', '/api/calendar?from=2027-01-01&days=4');
    expect(after.body.days.map((d: { workday: boolean }) => d.workday)).toEqual([false, false, false, true]);
    const bad = await http.inject({
      method: 'PUT',
      url: '/api/admin/calendar/2027',
      payload: { off: [['2026-01-01', '2026-01-02', 'x']], work: [] },
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(bad.statusCode).toBe(400);
    const denied = await http.inject({
      method: 'PUT',
      url: '/api/admin/calendar/2027',
      payload: body,
      headers: { authorization: `Bearer ${tokens.officer}` },
    });
    expect(denied.statusCode).toBe(403);
  });
});
