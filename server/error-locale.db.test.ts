/**
 * Issue 15: an English session gets its error messages in English. The web client names its locale in
 * x-xiezhi-locale; the error handler answers in that language, Chinese when none is named (the CLI, old clients,
 * and every e2e flow that reads Chinese error text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import type { Http } from './platform/http/index.js';
import { hasCjk } from './platform/errors/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await testApp();
  roles = await startRoles(app, ['web'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'admin'])
    tok[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

type Locale = 'en' | 'zh' | null;
type Method = 'GET' | 'POST' | 'PUT';
const call = async (locale: Locale, u: string | null, method: Method, url: string, payload?: unknown) => {
  const headers: Record<string, string> = {};
  if (u) headers.authorization = `Bearer ${tok[u]}`;
  if (locale) headers['x-xiezhi-locale'] = locale;
  const r = await http.inject({ method, url, payload: payload as never, headers });
  return { status: r.statusCode, body: r.json() as { error: string; message: string } };
};

const user = {
  username: 'li.na',
  display_name: '李娜',
  role: 'officer',
  unit_id: 'S310117001',
  password: 'Yueyang2026',
};
// each probe: a real refusal a browser user can meet, and a piece of the Chinese text it carries today
const PROBES: [string, u: string | null, Method, string, unknown, number, RegExp][] = [
  [
    'wrong password',
    null,
    'POST',
    '/api/auth/login',
    { username: 'officer', password: 'nope' },
    401,
    /用户名或密码错误/,
  ],
  [
    'no such ticket',
    'officer',
    'GET',
    '/api/tickets/00000000-0000-0000-0000-000000000000',
    undefined,
    404,
    /工单不存在/,
  ],
  ['a role without the right', 'officer', 'GET', '/api/admin/users', undefined, 403, /无权访问/],
  ['bad username', 'admin', 'POST', '/api/admin/users', { ...user, username: 'X y' }, 400, /用户名须为/],
  ['weak password (a domain rule)', 'admin', 'POST', '/api/admin/users', { ...user, password: 'short1' }, 400, /8 位/],
  ['no such unit', 'admin', 'POST', '/api/admin/users', { ...user, unit_id: 'S999' }, 400, /没有该单位/],
];

describe('error messages follow the locale the web client names', () => {
  for (const [name, u, method, url, payload, status, zh] of PROBES)
    it(name, async () => {
      const en = await call('en', u, method, url, payload);
      expect(en.status).toBe(status);
      expect(en.body.message.length).toBeGreaterThan(5);
      expect(hasCjk(en.body.message), en.body.message).toBe(false);
      const cn = await call('zh', u, method, url, payload);
      expect(cn.status).toBe(status);
      expect(cn.body.error).toBe(en.body.error);
      expect(cn.body.message).toMatch(zh);
      // no header at all: Chinese, as before
      expect((await call(null, u, method, url, payload)).body.message).toBe(cn.body.message);
    });

  it('a domain rule that returns its refusal (checkTemplateEdit) is answered in its own English, not the fallback', async () => {
    const edit = { title: '受理告知', body: '您好，{{bussiness}}', base_version: 1 };
    const en = await call('en', 'admin', 'PUT', '/api/knowledge/templates/accept_notice', edit);
    expect(en.status).toBe(400);
    expect(en.body.message).toBe('The template uses undefined placeholders: {{bussiness}}');
    const cn = await call('zh', 'admin', 'PUT', '/api/knowledge/templates/accept_notice', edit);
    expect(cn.body.message).toBe('模板中有未定义的占位符：{{bussiness}}');
  });
});
