/**
 * 诉转案 end to end over HTTP: an inspection finding a violation opens a report ticket on its 15 (+15) working-day
 * clock, handled by the ordinary state machine; the unified platform's signed webhook (refusals with a reason,
 * idempotent replays); the complaint showing the case's outcome in its cases panel and timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD } from '../access/index.js';
import type { Http } from '../../platform/http/index.js';
import { leadIdFor, sign } from './index.js';

const SECRET = 'shared-secret-of-the-unified-platform-0123';
let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
async function call(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.statusCode, body: r.json() };
}
/** A delivery from the platform: signed with `secret` at `ts` (unix seconds; default now on the app's clock). */
async function deliver(
  body: object | string,
  o: { secret?: string; ts?: number; signature?: string; omit?: boolean } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = String(o.ts ?? Math.floor(app.now().getTime() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!o.omit)
    Object.assign(headers, {
      'x-xiezhi-timestamp': ts,
      'x-xiezhi-signature': o.signature ?? sign(o.secret ?? SECRET, ts, raw),
    });
  const r = await http.inject({ method: 'POST', url: '/api/inspections/results', payload: raw, headers });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  process.env.XIEZHI_REGULATORY_SECRET = SECRET;
  app = await testApp('2026-12-01');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false, pollMs: 100 });
  http = roles.http!;
  for (const u of ['officer', 'officer2', 'supervisor', 'operator', 'admin', 'enterprise']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
});
afterAll(async () => {
  delete process.env.XIEZHI_REGULATORY_SECRET;
  await roles.stop();
  await app.closeDb();
});

let filed = 0;
async function complaintWithTask() {
  filed += 1;
  const r = await call('operator', 'POST', '/api/tickets', {
    kind: 'complaint',
    client_key: `case-${filed}`,
    text: `在超市买到过期牛奶，要求退款赔偿（第${filed}次）`,
    complainant: { name: `刘先生${filed}`, phone: `1380000222${filed}` },
    respondent: { name: '上海某某超市有限公司', address: '上海市松江区岳阳街道人民北路200号' },
  });
  expect(r.status).toBe(201);
  const task = await call('officer', 'POST', `/api/tickets/${r.body.id}/inspections`, {});
  expect(task.status).toBe(201);
  return { id: r.body.id as string, task: task.body.id as string };
}

describe('an inspection that finds a violation becomes a case (诉转案)', () => {
  it('opens a report ticket on the 15-working-day clock, handled by the state machine, its outcome shown on the complaint', async () => {
    const c = await complaintWithTask();
    const none = await call('officer', 'PATCH', `/api/tickets/${c.id}/inspections/${c.task}`, {
      findings: '货架上发现3盒过期牛奶，已责令下架',
      violation: true,
    });
    expect(none.status).toBe(200);
    expect(none.body.result.lead_no).toMatch(/^XZ2026120\d/);
    expect(none.body.result.verify_by).toBe('2026-12-22'); // 15 working days from 2026-12-01, the start day not counted
    const again = await call('officer', 'PATCH', `/api/tickets/${c.id}/inspections/${c.task}`, {
      findings: 'x',
      violation: true,
    });
    expect(again.status).toBe(409);

    const leadId = leadIdFor(c.task);
    const lead = await call('officer', 'GET', `/api/tickets/${leadId}`);
    expect(lead.status).toBe(200);
    expect(lead.body.ticket).toMatchObject({
      kind: 'report',
      status: 'received',
      due_kind: 'verify_by',
      due_date: '2026-12-22',
    });
    expect(lead.body.actions).toEqual(expect.arrayContaining(['start_verification', 'open_case', 'not_open_case']));
    // the lead sits in the station's queue, ordered by its deadline
    const queue = await call('officer', 'GET', '/api/tickets?kind=report&limit=50');
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(leadId);
    expect((await call('officer2', 'GET', `/api/tickets/${leadId}`)).status).toBe(404);

    let cases = await call('officer', 'GET', `/api/tickets/${c.id}/cases`);
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0]).toMatchObject({
      stage: 'verifying',
      stage_label: '案源核查中',
      verify_by: '2026-12-22',
      clock: 'green',
      source: 'manual',
    });
    expect((await call('enterprise', 'GET', `/api/tickets/${c.id}/cases`)).status).toBe(403);

    // the district extends once (+15), the station decides through the ordinary workflow
    const ext = await call('supervisor', 'POST', `/api/tickets/${leadId}/actions`, { action: 'extend_verification' });
    expect(ext.status).toBe(200);
    // +15 working days once (2027 has no official schedule yet: Monday–Friday, so 1 January counts)
    expect(ext.body.deadlines.verify_by).toBe('2027-01-12');
    expect(
      (await call('supervisor', 'POST', `/api/tickets/${leadId}/actions`, { action: 'extend_verification' })).status,
    ).toBe(409);
    expect(
      (
        await call('officer', 'POST', `/api/cases/${leadId}/penalty`, {
          decision_no: '沪市监松处〔2026〕1号',
          summary: '罚款',
        })
      ).status,
    ).toBe(409);
    const open = await call('officer', 'POST', `/api/tickets/${leadId}/actions`, {
      action: 'open_case',
      note: '立案审批表 松市监立〔2026〕88号',
    });
    expect(open.body.status).toBe('case_opened');
    await roles.runner.drain();
    cases = await call('officer', 'GET', `/api/tickets/${c.id}/cases`);
    expect(cases.body.items[0]).toMatchObject({
      stage: 'case_opened',
      stage_label: '已立案',
      decided_on: '2026-12-01',
    });

    const pen = await call('officer', 'POST', `/api/cases/${leadId}/penalty`, {
      decision_no: '沪市监松处〔2026〕123号',
      amount: 5000,
      summary: '没收过期食品，罚款5000元',
    });
    expect(pen.status).toBe(200);
    expect(
      (await call('officer', 'POST', `/api/cases/${leadId}/penalty`, { decision_no: 'again', summary: 'x' })).status,
    ).toBe(409);
    expect(
      (await call('officer2', 'POST', `/api/cases/${leadId}/penalty`, { decision_no: 'x', summary: 'x' })).status,
    ).toBe(404);
    cases = await call('officer', 'GET', `/api/tickets/${c.id}/cases`);
    expect(cases.body.items[0]).toMatchObject({
      stage: 'penalized',
      penalty_no: '沪市监松处〔2026〕123号',
      penalty_amount: 5000,
    });
    const detail = await call('officer', 'GET', `/api/tickets/${c.id}`);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['inspection_result', 'case_lead_opened', 'case_decided', 'case_penalty']),
    );
  });

  it('a result without a violation opens nothing', async () => {
    const c = await complaintWithTask();
    const r = await call('officer', 'PATCH', `/api/tickets/${c.id}/inspections/${c.task}`, {
      findings: '未发现过期商品',
      violation: false,
    });
    expect(r.body.result.case_lead).toBe(false);
    expect((await call('officer', 'GET', `/api/tickets/${c.id}/cases`)).body.items).toEqual([]);
    expect((await call('admin', 'GET', `/api/tickets/${leadIdFor(c.task)}`)).status).toBe(404);
  });
});

describe('the unified platform’s webhook', () => {
  it('refuses unsigned, wrongly signed and stale deliveries with the reason, before reading the body', async () => {
    const c = await complaintWithTask();
    const body = {
      kind: 'inspection.result',
      result_id: 'R-1',
      inspection_id: c.task,
      findings: '发现违法',
      violation: true,
    };
    const missing = await deliver(body, { omit: true });
    expect(missing).toMatchObject({ status: 401, body: { details: { reason: 'missing_signature' } } });
    expect((await deliver(body, { secret: 'another-secret-of-sixteen+' })).body.details.reason).toBe('bad_signature');
    const stale = await deliver(body, { ts: Math.floor(app.now().getTime() / 1000) - 301 });
    expect(stale).toMatchObject({ status: 401, body: { details: { reason: 'stale_timestamp' } } });
    expect((await deliver(body, { signature: 'sha256=00' })).status).toBe(401);
    // an unsigned caller learns nothing of the schema: 401, not 400
    expect((await deliver({ nonsense: true }, { omit: true })).status).toBe(401);
    // a body tampered with after signing
    const raw = JSON.stringify(body);
    const ts = String(Math.floor(app.now().getTime() / 1000));
    const r = await http.inject({
      method: 'POST',
      url: '/api/inspections/results',
      payload: raw.replace('"violation":true', '"violation":false'),
      headers: {
        'content-type': 'application/json',
        'x-xiezhi-timestamp': ts,
        'x-xiezhi-signature': sign(SECRET, ts, raw),
      },
    });
    expect(r.statusCode).toBe(401);
    // nothing was stored by any of them
    expect((await call('officer', 'GET', `/api/tickets/${c.id}/inspections`)).body[0].status).toBe('open');
    // signed but malformed: 400 with the field
    expect((await deliver({ kind: 'inspection.result', result_id: 'R-x', inspection_id: c.task })).status).toBe(400);
    expect(
      (
        await deliver({
          kind: 'inspection.result',
          result_id: 'R-y',
          inspection_id: 'no-such-task',
          findings: 'x',
          violation: true,
        })
      ).status,
    ).toBe(404);
  });

  it('takes result, decision and penalty once each; a replay answers the same, a reused id with another body is refused', async () => {
    const c = await complaintWithTask();
    const result = {
      kind: 'inspection.result',
      result_id: 'PLAT-2026-0001',
      inspection_id: c.task,
      findings: '现场发现超过保质期食品12件',
      violation: true,
      inspector: '松江区执法大队 张三',
    };
    const first = await deliver(result);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ replayed: false, violation: true, status: 'done' });
    const replay = await deliver(result);
    expect(replay.body).toMatchObject({ replayed: true, lead_no: first.body.lead_no });
    expect((await deliver({ ...result, findings: '改过的内容' })).status).toBe(409);
    const cases = await call('officer', 'GET', `/api/tickets/${c.id}/cases`);
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0]).toMatchObject({
      source: 'platform',
      source_label: '一体化监管平台回传',
      lead_no: first.body.lead_no,
    });

    const decision = {
      kind: 'case.decision',
      result_id: 'PLAT-2026-0002',
      inspection_id: c.task,
      decision: 'case_opened',
      decision_no: '沪市监松立〔2026〕9号',
    };
    expect((await deliver(decision)).status).toBe(200);
    expect((await deliver(decision)).body.replayed).toBe(true);
    const leadId = leadIdFor(c.task);
    expect((await call('officer', 'GET', `/api/tickets/${leadId}`)).body.ticket.status).toBe('case_opened');
    // the state machine still rules: a second, contrary decision is refused
    expect(
      (
        await deliver({
          kind: 'case.decision',
          result_id: 'PLAT-2026-0003',
          inspection_id: c.task,
          decision: 'not_opened',
          reason: 'N0',
        })
      ).status,
    ).toBe(409);
    const penalty = {
      kind: 'case.penalty',
      result_id: 'PLAT-2026-0004',
      inspection_id: c.task,
      decision_no: '沪市监松处〔2026〕456号',
      amount: 20000,
      summary: '没收违法所得并罚款2万元',
      decided_on: '2026-11-30',
    };
    expect((await deliver(penalty)).status).toBe(200);
    await roles.runner.drain();
    const after = (await call('officer', 'GET', `/api/tickets/${c.id}/cases`)).body.items[0];
    expect(after).toMatchObject({
      stage: 'penalized',
      decision_no: '沪市监松立〔2026〕9号',
      penalty_no: '沪市监松处〔2026〕456号',
      penalized_on: '2026-11-30',
    });
    const audit = await app.db.query<{ actor_id: string; action: string }>(
      "SELECT actor_id, action FROM audit_log WHERE actor_id = 'platform:unified' ORDER BY id",
    );
    expect(audit.rows.map((x) => x.action)).toEqual(['inspection.result', 'ticket.action', 'case.penalty']);
  });
});
