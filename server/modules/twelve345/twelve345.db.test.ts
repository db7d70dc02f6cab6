import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { schedulerTick } from '../../roles/scheduler.js';
import { DEMO_PASSWORD } from '../access/index.js';
import type { Http } from '../../platform/http/index.js';
import type { DeliveryConfig } from './index.js';

// the loopback centre takes a free port (a fixed one collides with another suite or a second checkout on the machine)
let PORT = 0;
let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
let centre: Server;
const dropDir = mkdtempSync(join(tmpdir(), 'xz-12345-drop-'));
const tokens: Record<string, string> = {};
/** What the loopback 12345 centre saw: every request, and the messages it accepted (after deduping by key). */
const seen: { key: string; status: number; body: Record<string, unknown> }[] = [];
const accepted = new Map<string, Record<string, unknown>>();
let failFirst = 2;

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  centre = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const status = failFirst-- > 0 ? 500 : 200;
      seen.push({ key, status, body: JSON.parse(raw) });
      if (status === 200 && !accepted.has(key)) accepted.set(key, JSON.parse(raw));
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => centre.listen(0, '127.0.0.1', () => r()));
  PORT = (centre.address() as AddressInfo).port;
  app = await testApp('2026-12-01');
  const delivery: DeliveryConfig = {
    url: `http://127.0.0.1:${PORT}/replies`,
    dropDir,
    attempts: 4,
    backoffMs: 20,
    timeoutMs: 2000,
  };
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false, twelve345: delivery });
  http = roles.http!;
  for (const u of ['officer', 'supervisor', 'operator', 'admin']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
  await new Promise((r) => centre.close(r));
  rmSync(dropDir, { recursive: true, force: true });
});

const item = (wo: string, text: string) => ({
  client_key: wo,
  kind: 'complaint',
  category_12345: 'prepaid_card',
  title: '健身房关门无法退卡',
  text,
  complainant: { name: '李先生', phone: '13900001111' },
  respondent: { name: '上海某某健身有限公司', address: '上海市松江区岳阳街道人民北路100号' },
});

describe('12345 transfer end to end', () => {
  let id = '';
  it('files a transfer with its 12345 deadlines, idempotent by work-order number', async () => {
    const r = await call('operator', 'POST', '/api/12345/transfers', {
      items: [item('SH12345-2026-0001', '健身房关门，预付卡余额3000元无法退还，要求退款')],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: 1, created: 1, reopened: 0 });
    id = r.body.items[0].id;
    const again = await call('operator', 'POST', '/api/12345/transfers', {
      items: [item('SH12345-2026-0001', '健身房关门')],
    });
    expect(again.body).toMatchObject({ created: 0, reopened: 0 });
    const t = await call('officer', 'GET', `/api/tickets/${id}`);
    expect(t.status).toBe(200);
    expect(t.body.ticket.deadlines).toMatchObject({
      sign_12345_by: '2026-12-02',
      reply_12345_by: '2026-12-22',
      accept_by: app.cal().addWorkdays('2026-12-01', 7),
    });
    expect(t.body.ticket.channel).toBe('12345');
    expect(t.body.actions).toEqual(expect.arrayContaining(['sign_12345', 'return_12345']));
    expect(t.body.actions).not.toContain('reply_12345');
    expect(t.body.timeline.filter((e: { type: string }) => e.type === 'received_12345')).toHaveLength(1);
  });

  it('refuses a reply before signing, signs, and refuses a reply that still holds a placeholder', async () => {
    expect(
      (
        await call('officer', 'POST', `/api/tickets/${id}/actions`, {
          action: 'reply_12345',
          template: '12345.prepaid_card',
          text: '已处理',
        })
      ).status,
    ).toBe(409);
    const s = await call('officer', 'POST', `/api/tickets/${id}/actions`, { action: 'sign_12345' });
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('received');
    const p = await call('officer', 'GET', `/api/tickets/${id}/12345`);
    expect(p.body).toMatchObject({
      state: 'signed',
      state_label: '已签收（办理中）',
      work_order_no: 'SH12345-2026-0001',
      category_label: '预付式消费',
    });
    expect(p.body.templates[0].key).toBe('12345.prepaid_card');
    expect(p.body.templates[0].text).toContain('上海某某健身有限公司');
    expect(p.body.templates[0].text).toContain('12345工单号：SH12345-2026-0001');
    expect(p.body.templates[0].missing).toEqual(['涉及金额（元）']);
    expect(p.body.templates[0].text).toContain('{{涉及金额（元）}}');
    expect(
      (
        await call('officer', 'POST', `/api/tickets/${id}/actions`, {
          action: 'reply_12345',
          template: '12345.prepaid_card',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('officer', 'POST', `/api/tickets/${id}/actions`, {
          action: 'reply_12345',
          template: '12345.nope',
          text: '已处理',
        })
      ).status,
    ).toBe(404);
  });

  it('a supervisor extends the reply deadline once', async () => {
    const e = await call('supervisor', 'POST', `/api/tickets/${id}/actions`, {
      action: 'extend_12345',
      note: '需调取商家账册',
    });
    expect(e.status).toBe(200);
    expect(e.body.deadlines.reply_12345_by).toBe(app.cal().addWorkdays('2026-12-22', 15));
    expect(
      (await call('supervisor', 'POST', `/api/tickets/${id}/actions`, { action: 'extend_12345', note: '再延' })).status,
    ).toBe(409);
  });

  it('the templated reply reaches the centre exactly once though it fails twice first, and the file drop holds one file', async () => {
    const p = await call('officer', 'GET', `/api/tickets/${id}/12345`);
    const text = (p.body.templates[0].text as string)
      .replace('{{涉及金额（元）}}', '3000')
      .replace(/三、办理结果：[^\n]*/, '三、办理结果：经调解，经营者退还余额2000元。');
    expect(text).toContain('退还余额2000元');
    const r = await call('officer', 'POST', `/api/tickets/${id}/actions`, {
      action: 'reply_12345',
      template: '12345.prepaid_card',
      text,
    });
    expect(r.status).toBe(200);
    await roles.runner.drain();
    const key = `xiezhi-12345:SH12345-2026-0001:1`;
    expect(seen.map((x) => x.status)).toEqual([500, 500, 200]);
    expect(new Set(seen.map((x) => x.key))).toEqual(new Set([key]));
    expect(accepted.size).toBe(1);
    expect(accepted.get(key)).toMatchObject({
      work_order_no: 'SH12345-2026-0001',
      kind: 'reply',
      template: '12345.prepaid_card',
      text,
      seq: 1,
    });
    expect(JSON.stringify(accepted.get(key))).not.toContain('13900001111');
    // another round (scheduler, a second worker, the event seen again) sends nothing more
    await schedulerTick(app, {
      url: `http://127.0.0.1:${PORT}/replies`,
      dropDir,
      attempts: 4,
      backoffMs: 20,
      timeoutMs: 2000,
    });
    await roles.runner.drain();
    expect(seen).toHaveLength(3);
    const files = readdirSync(dropDir);
    expect(files).toEqual(['xiezhi-12345_SH12345-2026-0001_1.json']);
    expect(JSON.parse(readFileSync(join(dropDir, files[0]!), 'utf8'))).toMatchObject({ idempotency_key: key, text });
    const d = (await call('officer', 'GET', `/api/tickets/${id}/12345`)).body.messages[0].deliveries;
    expect(
      d.map((x: { channel: string; attempts: number; state: string }) => [x.channel, x.attempts, x.state]),
    ).toEqual([
      ['file', 1, 'delivered'],
      ['http', 3, 'delivered'],
    ]);
    expect(d.every((x: { delivered_at: string | null }) => !!x.delivered_at)).toBe(true);
  });

  it('records the centre’s satisfaction once, and a 重办 when the same work order comes again', async () => {
    const f = {
      work_order_no: 'SH12345-2026-0001',
      feedback_id: 'HF-1',
      satisfaction: 'dissatisfied',
      comment: '退款不足，联系我13900001111',
    };
    expect((await call('operator', 'POST', '/api/12345/feedback', f)).body.recorded).toBe(true);
    expect((await call('operator', 'POST', '/api/12345/feedback', f)).body.recorded).toBe(false);
    expect((await call('operator', 'POST', '/api/12345/feedback', { ...f, work_order_no: 'nope' })).status).toBe(404);
    expect((await call('operator', 'POST', '/api/12345/feedback', { ...f, satisfaction: 'meh' })).status).toBe(400);
    const re = await call('operator', 'POST', '/api/12345/transfers', {
      items: [item('SH12345-2026-0001', '对答复不满意，要求重新处理')],
    });
    expect(re.body).toMatchObject({ created: 0, reopened: 1 });
    const t = await call('officer', 'GET', `/api/tickets/${id}`);
    const types = t.body.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'satisfaction_12345')).toHaveLength(1);
    expect(types).toContain('reopen_12345');
    expect(JSON.stringify(t.body.timeline)).not.toContain('13900001111');
    expect(t.body.ticket.t12345).toMatchObject({
      state: 'to_sign',
      reopen_count: 1,
      satisfaction: { code: 'dissatisfied', label: '不满意' },
    });
    expect(t.body.ticket.deadlines.reply_12345_by).toBe(app.cal().addWorkdays(app.today(), 10));
    expect(t.body.actions).toContain('sign_12345');
  });

  it('returns a transfer with a coded reason, closing it and telling the centre', async () => {
    const r = await call('operator', 'POST', '/api/12345/transfers', {
      items: [item('SH12345-2026-0002', '小区物业费太高')],
    });
    const id2 = r.body.items[0].id as string;
    expect(
      (await call('officer', 'POST', `/api/tickets/${id2}/actions`, { action: 'return_12345', reason: 'R99' })).status,
    ).toBe(400);
    const ret = await call('officer', 'POST', `/api/tickets/${id2}/actions`, {
      action: 'return_12345',
      reason: 'R1',
      note: '物业收费属房屋管理部门',
    });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('closed');
    await roles.runner.drain();
    expect(accepted.get('xiezhi-12345:SH12345-2026-0002:1')).toMatchObject({
      kind: 'return',
      reason_code: 'R1',
      reason: '非市场监管职责',
    });
  });

  it('keeps 12345 actions and the panel to transfers', async () => {
    const plain = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'plain-1',
      text: '买的鞋子开胶要求退货',
      respondent: { name: '某鞋店', address: '上海市松江区岳阳街道人民北路1号' },
    });
    expect(
      (await call('officer', 'POST', `/api/tickets/${plain.body.id}/actions`, { action: 'sign_12345' })).status,
    ).toBe(409);
    expect((await call('officer', 'GET', `/api/tickets/${plain.body.id}/12345`)).status).toBe(404);
    expect(
      (await call('officer', 'GET', `/api/tickets/${plain.body.id}`)).body.actions.filter((a: string) =>
        a.endsWith('_12345'),
      ),
    ).toEqual([]);
  });
});
