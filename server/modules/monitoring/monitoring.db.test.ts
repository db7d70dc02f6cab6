/**
 * The monitoring loop over HTTP with the demo accounts: the city issues an instruction to the monitoring body, the
 * body receives it and reports findings, the city dispatches to two districts, each handles and reports back, the
 * city closes. Each step is logged with its owner and time; each participant sees only its part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { apiCaller, buildUser, signIn, type Answer } from '../../test/factories.js';
import { startRoles, type Running } from '../../roles/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
let call: (user: string, method: 'GET' | 'POST', url: string, payload?: object) => Promise<Answer>;

beforeAll(async () => {
  app = await testApp('2026-12-01');
  // a second district's supervisor, and a second monitoring body
  await buildUser(app.db, 'supervisor', { username: 'sup-pd', displayName: '浦东区局监督员', unitId: '310115' });
  await buildUser(app.db, 'monitor', { username: 'monitor2', displayName: '另一监测机构' });
  roles = await startRoles(app, ['web'], { scheduler: false });
  call = apiCaller(
    roles.http!,
    await signIn(roles.http!, [
      'admin',
      'analyst',
      'supervisor',
      'sup-pd',
      'monitor',
      'monitor2',
      'officer',
      'operator',
    ]),
  );
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('the monitoring loop', () => {
  it('runs from instruction to closure, each step with its owner and time', async () => {
    const bodies = await call('admin', 'GET', '/api/monitoring/bodies');
    const body = bodies.body.items.find((b: { name: string }) => b.name.includes('网络交易监测中心'));
    expect(body).toBeTruthy();
    const issued = await call('admin', 'POST', '/api/monitoring', {
      title: 'AI伪造商品破损图片恶意索赔教程专项监测',
      topic: 'AI恶意应用',
      requirements: '监测短视频、社交平台上传授利用AI制作商品破损图片实施“仅退款”的教程及账号',
      keywords: ['AI破损图', '仅退款教程'],
      body_user_id: body.id,
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      state: 'issued',
      due_date: '2026-12-15',
      no: expect.stringMatching(/^JC20261201\d{4}$/),
    });
    const id = issued.body.id as string;
    expect(
      (
        await call('analyst', 'POST', '/api/monitoring', {
          title: 'x',
          topic: 'x',
          requirements: 'x',
          body_user_id: body.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('admin', 'POST', '/api/monitoring', {
          title: 'x',
          topic: 'x',
          requirements: 'x',
          body_user_id: 'nobody',
        })
      ).status,
    ).toBe(400);

    // only the body it is addressed to sees and receives it
    expect((await call('monitor2', 'GET', `/api/monitoring/${id}`)).status).toBe(404);
    expect((await call('monitor2', 'GET', '/api/monitoring')).body.items).toEqual([]);
    expect((await call('supervisor', 'GET', `/api/monitoring/${id}`)).status).toBe(404);
    let d = await call('monitor', 'GET', `/api/monitoring/${id}`);
    expect(d.body.actions.map((a: { action: string }) => a.action)).toEqual(['receive']);
    expect(
      (
        await call('monitor', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'report_findings',
          summary: 'x',
          findings: [],
        })
      ).status,
    ).toBe(409);
    expect((await call('monitor', 'POST', `/api/monitoring/${id}/actions`, { action: 'receive' })).body.state).toBe(
      'received',
    );
    const findings = [
      {
        platform: '某短视频平台',
        account: '@退款小技巧',
        description: '发布“AI一键生成水果腐烂图申请仅退款”教程视频',
        district_code: '310117',
      },
      { platform: '某社交平台', account: '@省钱攻略君', description: '售卖AI破损图生成模板', district_code: '310115' },
    ];
    expect(
      (
        await call('monitor', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'report_findings',
          summary: '发现传授AI造假索赔教程账号2个',
          findings,
        })
      ).body.state,
    ).toBe('reported');

    // the city dispatches to the districts of the accounts' operators
    expect(
      (
        await call('admin', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'dispatch',
          tasks: [{ district_code: '999999', instruction: 'x' }],
        })
      ).status,
    ).toBe(400);
    const disp = await call('admin', 'POST', `/api/monitoring/${id}/actions`, {
      action: 'dispatch',
      tasks: [
        { district_code: '310117', instruction: '核查账号运营主体，依法处置', finding_refs: [0] },
        { district_code: '310115', instruction: '约谈平台，督促下架', finding_refs: [1] },
      ],
    });
    expect(disp.body.state).toBe('dispatched');

    // each district sees its own task only, and handles it
    d = await call('supervisor', 'GET', `/api/monitoring/${id}`);
    expect(d.body.tasks.map((t: { district_code: string }) => t.district_code)).toEqual(['310117']);
    expect(d.body.tasks[0]).toMatchObject({ due_date: '2026-12-08', state_label: '已分派，待区局接收' });
    expect(
      (
        await call('supervisor', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'accept_task',
          district_code: '310115',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('supervisor', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'accept_task',
          district_code: '310117',
        })
      ).status,
    ).toBe(200);
    let r = await call('supervisor', 'POST', `/api/monitoring/${id}/actions`, {
      action: 'report_handling',
      district_code: '310117',
      handling: '约谈账号运营者，下架视频3条，立案调查1件',
      cases_opened: 1,
      accounts_handled: 1,
    });
    expect(r.body.state).toBe('dispatched');
    expect(
      (await call('admin', 'POST', `/api/monitoring/${id}/actions`, { action: 'close', summary: 'x' })).status,
    ).toBe(409);
    r = await call('sup-pd', 'POST', `/api/monitoring/${id}/actions`, {
      action: 'report_handling',
      district_code: '310115',
      handling: '督促平台下架模板商品',
      cases_opened: 0,
      accounts_handled: 1,
    });
    expect(r.body.state).toBe('handled');
    expect(
      (await call('analyst', 'POST', `/api/monitoring/${id}/actions`, { action: 'close', summary: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await call('admin', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'close',
          summary: '全链条闭环：处置账号2个，立案1件',
        })
      ).body.state,
    ).toBe('closed');

    d = await call('analyst', 'GET', `/api/monitoring/${id}`);
    expect(d.body.item.state_label).toBe('已办结');
    expect(d.body.actions).toEqual([]);
    expect(d.body.links.every((l: { done: boolean }) => l.done)).toBe(true);
    expect(d.body.steps.map((s: { action: string }) => s.action)).toEqual([
      'issue',
      'receive',
      'report_findings',
      'dispatch',
      'accept_task',
      'report_handling',
      'report_handling',
      'close',
    ]);
    const owners = d.body.steps.map(
      (s: { actor_name: string; unit_name: string | null }) => `${s.actor_name}|${s.unit_name ?? ''}`,
    );
    expect(owners[1]).toBe('网络交易监测中心（第三方）|网络交易监测中心（第三方）');
    expect(owners[4]).toMatch(/^陈督办（区局）\|.*松江/);
    expect(d.body.steps.every((s: { at: string }) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
    // the district saw only its own steps
    const mine = (await call('supervisor', 'GET', `/api/monitoring/${id}`)).body.steps.filter(
      (s: { district_code: string | null }) => s.district_code,
    );
    expect(mine.every((s: { district_code: string }) => s.district_code === '310117')).toBe(true);
    const bodyView = (await call('monitor', 'GET', `/api/monitoring/${id}`)).body;
    expect(bodyView.tasks).toEqual([]);
    expect(bodyView.steps.map((s: { action: string }) => s.action)).toEqual([
      'issue',
      'receive',
      'report_findings',
      'dispatch',
      'close',
    ]);
    // an officer or operator has no part in it
    expect((await call('officer', 'GET', '/api/monitoring')).status).toBe(403);
    expect((await call('operator', 'GET', `/api/monitoring/${id}`)).status).toBe(403);
    const steps = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action IN ('monitoring.issue', 'monitoring.step')",
    );
    expect(steps.rows[0]!.n).toBe(8);
  });

  it('lets the city close at once when nothing was found, and return thin findings for more', async () => {
    const body = (await call('admin', 'GET', '/api/monitoring/bodies')).body.items[0];
    const id = (
      await call('admin', 'POST', '/api/monitoring', {
        title: '仅退款滥用监测',
        topic: '仅退款',
        requirements: '监测组织“仅退款”薅羊毛群组',
        body_user_id: body.id,
      })
    ).body.id;
    await call(body.name.includes('另一') ? 'monitor2' : 'monitor', 'POST', `/api/monitoring/${id}/actions`, {
      action: 'receive',
    });
    const who = body.name.includes('另一') ? 'monitor2' : 'monitor';
    await call(who, 'POST', `/api/monitoring/${id}/actions`, {
      action: 'report_findings',
      summary: '暂未发现',
      findings: [],
    });
    expect(
      (
        await call('admin', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'return_findings',
          reason: '请扩大至二手交易平台',
        })
      ).body.state,
    ).toBe('received');
    await call(who, 'POST', `/api/monitoring/${id}/actions`, {
      action: 'report_findings',
      summary: '扩大范围后仍未发现',
      findings: [],
    });
    expect(
      (
        await call('admin', 'POST', `/api/monitoring/${id}/actions`, {
          action: 'dispatch',
          tasks: [{ district_code: '310117', instruction: 'x' }],
        })
      ).status,
    ).toBe(409);
    expect(
      (await call('admin', 'POST', `/api/monitoring/${id}/actions`, { action: 'close', summary: '未发现问题，办结' }))
        .body.state,
    ).toBe('closed');
    expect((await call('admin', 'POST', `/api/monitoring/${id}/actions`, { action: 'bogus' })).status).toBe(400);
  });
});
