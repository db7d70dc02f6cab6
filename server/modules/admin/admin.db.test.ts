import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD } from '../access/index.js';
import type { Http } from '../../platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
async function call(user: string, method: Method, url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });
  let body: any = null;
  try {
    body = r.json();
  } catch {
    body = r.body;
  }
  return { status: r.statusCode, body, text: r.body };
}
async function login(username: string, password = DEMO_PASSWORD) {
  const r = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return r.statusCode === 200 ? (r.json().token as string) : null;
}
const auditCount = async (action: string) =>
  (await app.db.query<{ n: number }>('SELECT count(*)::int n FROM audit_log WHERE action = $1', [action])).rows[0]!.n;

beforeAll(async () => {
  // late December: a 7-working-day deadline of a ticket filed today falls in 2027, whose schedule is not shipped
  app = await testApp('2026-12-24');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'officer2', 'supervisor', 'operator', 'admin', 'analyst']) tokens[u] = (await login(u))!;
}, 120_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('users and roles', () => {
  it('lists accounts with Chinese role names and never a password hash', async () => {
    const r = await call('admin', 'GET', '/api/admin/users');
    expect(r.status).toBe(200);
    const officer = r.body.items.find((u: { username: string }) => u.username === 'officer');
    expect(officer).toMatchObject({ role: 'officer', unit_id: 'S310117001' });
    expect(officer.role_label).toMatch(/[\u4e00-\u9fa5]/);
    expect(officer.last_login).not.toBeNull();
    expect(r.text).not.toMatch(/scrypt|password_hash/);
    expect((await call('supervisor', 'GET', '/api/admin/users')).status).toBe(403);
  });

  it('creates an account in a unit that fits its role, refusing bad input with a reason', async () => {
    const base = {
      username: 'zhang.wei',
      display_name: '张伟（岳阳所）',
      role: 'officer',
      unit_id: 'S310117001',
      password: 'Yueyang2026',
    };
    const weak = await call('admin', 'POST', '/api/admin/users', { ...base, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/8 位/);
    const wrongUnit = await call('admin', 'POST', '/api/admin/users', { ...base, unit_id: '310117' });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.message).toMatch(/市场监管所/);
    expect((await call('admin', 'POST', '/api/admin/users', { ...base, unit_id: 'S999' })).body.message).toMatch(
      /没有该单位/,
    );
    expect((await call('admin', 'POST', '/api/admin/users', { ...base, username: 'X y' })).status).toBe(400);
    const ok = await call('admin', 'POST', '/api/admin/users', base);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username: 'zhang.wei', unit_name: '岳阳市场监管所', active: true });
    expect((await call('admin', 'POST', '/api/admin/users', base)).status).toBe(409);
    const t = await login('zhang.wei', 'Yueyang2026');
    expect(t).not.toBeNull();
    expect(await auditCount('user.create')).toBe(1);
  });

  it('moves a user to another unit and role; the change ends their sessions; audited with what changed', async () => {
    const users = (await call('admin', 'GET', '/api/admin/users')).body.items as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'zhang.wei')!.id;
    tokens.zw = (await login('zhang.wei', 'Yueyang2026'))!;
    expect((await call('zw', 'GET', '/api/me')).status).toBe(200);
    expect((await call('admin', 'PATCH', `/api/admin/users/${id}`, { role: 'supervisor' })).body.message).toMatch(
      /区局/,
    );
    const r = await call('admin', 'PATCH', `/api/admin/users/${id}`, { role: 'supervisor', unit_id: '310117' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ role: 'supervisor', unit_id: '310117' });
    expect((await call('zw', 'GET', '/api/me')).status).toBe(401);
    const a = await app.db.query<{ detail: { changed: Record<string, unknown> } }>(
      "SELECT detail FROM audit_log WHERE action = 'user.update' AND subject_id = $1",
      [id],
    );
    expect(a.rows[0]!.detail.changed).toMatchObject({ role: 'supervisor', unit_id: '310117' });
    expect((await call('admin', 'PATCH', `/api/admin/users/${id}`, {})).status).toBe(400);
    expect((await call('admin', 'PATCH', '/api/admin/users/nope', { active: false })).status).toBe(404);
  });

  it('an admin cannot lock themself out, nor remove the last admin', async () => {
    const users = (await call('admin', 'GET', '/api/admin/users')).body.items as { id: string; username: string }[];
    const me = users.find((u) => u.username === 'admin')!.id;
    const off = await call('admin', 'PATCH', `/api/admin/users/${me}`, { active: false });
    expect(off.status).toBe(403);
    expect(off.body.message).toMatch(/自己/);
    expect((await call('admin', 'PATCH', `/api/admin/users/${me}`, { role: 'analyst' })).status).toBe(403);
    expect((await call('admin', 'GET', '/api/me')).status).toBe(200);
  });

  it('resets a password: the old one stops working, sessions end, audited', async () => {
    const users = (await call('admin', 'GET', '/api/admin/users')).body.items as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'officer2')!.id;
    expect((await call('admin', 'POST', `/api/admin/users/${id}/password`, { password: 'officer2' })).status).toBe(400);
    const r = await call('admin', 'POST', `/api/admin/users/${id}/password`, { password: 'NewPass2027' });
    expect(r.status).toBe(200);
    expect(r.body.sessions_ended).toBeGreaterThanOrEqual(1);
    expect((await call('officer2', 'GET', '/api/me')).status).toBe(401);
    expect(await login('officer2')).toBeNull();
    tokens.officer2 = (await login('officer2', 'NewPass2027'))!;
    expect(tokens.officer2).toBeTruthy();
    expect(await auditCount('user.password_reset')).toBe(1);
  });
});

describe('units and the street→station map', () => {
  it('lists units with their kind in Chinese and shows each street of a district with its station', async () => {
    const u = await call('admin', 'GET', '/api/admin/units');
    expect(u.body.items.find((x: { id: string }) => x.id === 'S310117001').kind_label).toBe('市场监管所');
    const m = await call('admin', 'GET', '/api/admin/street-stations?district=310117');
    expect(m.body.district.name).toBe('松江区');
    expect(m.body.streets.find((s: { street_code: string }) => s.street_code === '310117001')).toMatchObject({
      street_name: '岳阳街道',
      unit_id: 'S310117001',
      overridden: false,
    });
    expect((await call('admin', 'GET', '/api/admin/street-stations?district=310999')).status).toBe(400);
    expect((await call('admin', 'GET', '/api/admin/street-stations?district=x')).status).toBe(400);
  });

  it('moves a street to another station of its district; auto-dispatch follows; refuses other districts', async () => {
    expect(
      (await call('admin', 'PUT', '/api/admin/street-stations/310117001', { unit_id: 'S310101002' })).body.message,
    ).toMatch(/本区/);
    expect(
      (await call('admin', 'PUT', '/api/admin/street-stations/310117001', { unit_id: '310117' })).body.message,
    ).toMatch(/不是市场监管所/);
    expect((await call('admin', 'PUT', '/api/admin/street-stations/310999001', { unit_id: 'S310117002' })).status).toBe(
      404,
    );
    const r = await call('admin', 'PUT', '/api/admin/street-stations/310117001', { unit_id: 'S310117002' });
    expect(r.body).toMatchObject({ unit_id: 'S310117002', overridden: true });
    const filed = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'adm-1',
      text: '健身房预付卡门店关门，要求退款',
      complainant: { name: '刘女士', phone: '13900001234' },
      respondent: { name: '上海某某健身有限公司', address: '上海市松江区岳阳街道人民北路100号' },
    });
    expect(filed.status).toBe(201);
    const t = await app.db.query<{ unit_id: string }>('SELECT unit_id FROM tickets WHERE id = $1', [filed.body.id]);
    expect(t.rows[0]!.unit_id).toBe('S310117002');
    expect((await call('admin', 'GET', '/api/admin/street-stations?district=310117')).body.streets[0]).toMatchObject({
      unit_id: 'S310117002',
      overridden: true,
    });
    // back to its own station: the override is removed
    expect(
      (await call('admin', 'PUT', '/api/admin/street-stations/310117001', { unit_id: 'S310117001' })).body.overridden,
    ).toBe(false);
    expect(await auditCount('unit.street_station')).toBe(2);
  });
});

describe('audit export', () => {
  it('exports the search as CSV in Chinese, only with a purpose, and records the export', async () => {
    expect((await call('admin', 'GET', '/api/admin/audit/export.csv')).status).toBe(400);
    const short = await call('admin', 'GET', '/api/admin/audit/export.csv?purpose=x');
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/purpose/);
    expect(
      (await call('admin', 'GET', '/api/admin/audit/export.csv?purpose=季度审计抽查&from=2026-13-01')).status,
    ).toBe(400);
    const r = await call(
      'admin',
      'GET',
      `/api/admin/audit/export.csv?purpose=${encodeURIComponent('季度审计抽查')}&action=user.password_reset`,
    );
    expect(r.status).toBe(200);
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^序号,时间（北京时间）,操作人/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('重置密码');
    expect(lines[1]).toMatch(/,admin,系统管理员|,admin,/);
    const a = await app.db.query<{ purpose: string }>("SELECT purpose FROM audit_log WHERE action = 'audit.export'");
    expect(a.rows.map((x) => x.purpose)).toEqual(['季度审计抽查']);
    expect((await call('supervisor', 'GET', '/api/admin/audit/export.csv?purpose=季度审计抽查')).status).toBe(403);
  });
});

describe('holiday calendar by year and the workbench notice', () => {
  it('shows a year as shipped, and a missing year as missing', async () => {
    const y26 = await call('admin', 'GET', '/api/admin/calendar/2026');
    expect(y26.body).toMatchObject({ year: 2026, source: 'builtin', source_label: '随程序提供' });
    expect(y26.body.off.length).toBeGreaterThan(5);
    expect((await call('admin', 'GET', '/api/admin/calendar/2027')).body).toMatchObject({ source: 'missing', off: [] });
    expect((await call('admin', 'GET', '/api/admin/calendar/1999')).status).toBe(400);
  });

  it('tells an officer when a deadline falls in a year without a schedule, and stops once it is entered', async () => {
    // no deadline of this station falls in 2027 yet: no banner, although 2027 is missing
    expect((await call('officer', 'GET', '/api/calendar/notice')).body).toMatchObject({
      missing_years: [],
      message: null,
    });
    const filed = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'adm-2',
      text: '买的羽绒服质量问题，要求退货',
      complainant: { name: '陈先生', phone: '13900005678' },
      respondent: { name: '上海某某服饰有限公司', address: '上海市松江区岳阳街道人民北路200号' },
    });
    expect(filed.status).toBe(201);
    const n = await call('officer', 'GET', '/api/calendar/notice');
    expect(n.body.missing_years).toEqual([2027]);
    expect(n.body.deadlines).toBeGreaterThanOrEqual(1);
    expect(n.body.message).toMatch(/2027 年放假安排尚未录入/);
    expect(n.body.deadlines).toBe(1);
    // the city sees both stations' deadlines (the earlier ticket went to 永丰 by the street map)
    expect((await call('analyst', 'GET', '/api/calendar/notice')).body.deadlines).toBe(2);
    // filed Thursday 2026-12-24: seven working days counted Monday to Friday end on Monday 2027-01-04 (New Year's Day a working day)
    const id = filed.body.id as string;
    const before = await call('officer', 'GET', `/api/tickets/${id}`);
    expect(before.body.ticket.deadlines.accept_by).toBe('2027-01-04');
    expect(before.body.ticket.due_date).toMatch(/^2027-01-04/);
    const put = await call('admin', 'PUT', '/api/admin/calendar/2027', {
      off: [
        ['2027-01-01', '2027-01-03', '元旦'],
        ['2027-02-05', '2027-02-11', '春节'],
      ],
      work: ['2027-02-14'],
    });
    expect(put.status).toBe(200);
    // both open tickets with 2027 deadlines are counted again on the entered schedule, in the same transaction
    expect(put.body.recounted).toEqual({ tickets: 2, deadlines: 2 });
    const after = await call('officer', 'GET', `/api/tickets/${id}`);
    expect(after.body.ticket.deadlines.accept_by).toBe('2027-01-05');
    expect(after.body.ticket.due_date).toMatch(/^2027-01-05/);
    const entry = after.body.timeline.find((e: { type: string }) => e.type === 'deadlines_recounted');
    expect(entry).toMatchObject({
      actor_role: 'admin',
      payload: { year: 2027, changes: { accept_by: ['2027-01-04', '2027-01-05'] }, due_date: '2027-01-05' },
    });
    const recount = (
      await app.db.query<{ subject_ids: string[]; detail: unknown }>(
        "SELECT subject_ids, detail FROM audit_log WHERE action = 'calendar.recount'",
      )
    ).rows;
    expect(recount).toHaveLength(1);
    expect(recount[0]!.subject_ids).toContain(id);
    expect(recount[0]!.detail).toEqual({ year: 2027, deadlines: 2 });
    // entering the same schedule again moves nothing and audits no recount
    expect(
      (
        await call('admin', 'PUT', '/api/admin/calendar/2027', {
          off: [
            ['2027-01-01', '2027-01-03', '元旦'],
            ['2027-02-05', '2027-02-11', '春节'],
          ],
          work: ['2027-02-14'],
        })
      ).body.recounted,
    ).toEqual({ tickets: 0, deadlines: 0 });
    expect(await auditCount('calendar.recount')).toBe(1);
    expect((await call('admin', 'GET', '/api/admin/calendar/2027')).body).toMatchObject({
      source: 'admin',
      source_label: '管理员录入',
      work: ['2027-02-14'],
    });
    expect((await call('officer', 'GET', '/api/calendar/notice')).body).toMatchObject({
      missing_years: [],
      message: null,
    });
    const bad = await call('admin', 'PUT', '/api/admin/calendar/2027', {
      off: [['2026-12-31', '2027-01-01', '元旦']],
      work: [],
    });
    expect(bad.status).toBe(400);
  });
});
