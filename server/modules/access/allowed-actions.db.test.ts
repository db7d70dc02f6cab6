/**
 * The permission catalog seen from outside: a ticket's `allowed_actions` and the queue follow the same scope, for
 * the station that holds the ticket, a station that does not, its district, and the city's analyst.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { buildHttp } from '../../http.js';
import { DEMO_PASSWORD } from './index.js';
import type { Http } from '../../platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const tokens: Record<string, string> = {};
const get = async (user: string, url: string) => {
  const r = await http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.statusCode, body: r.json() };
};
let id = '';

beforeAll(async () => {
  app = await testApp('2026-11-23');
  http = await buildHttp(app);
  for (const u of ['officer', 'officer2', 'supervisor', 'analyst']) {
    const r = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u, password: DEMO_PASSWORD },
    });
    tokens[u] = r.json().token;
  }
  const f = await http.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      kind: 'complaint',
      title: '健身卡无法退费',
      text: '我在健身房办了年卡3000元，现在门店关门联系不上，要求退款。',
      client_key: 'allowed-1',
      complainant: { name: '张三丰', phone: '13800138000' },
      respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
    },
  });
  id = f.json().id;
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('allowed actions from the catalog', () => {
  it('offers the holding station its workflow steps and ticket-level actions', async () => {
    const d = await get('officer', `/api/tickets/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.allowed_actions).toEqual(
      expect.arrayContaining(['accept', 'decline', 'transfer', 'inspect', 'upload_evidence']),
    );
    expect(d.body.allowed_actions).not.toContain('supervise');
  });

  it('offers the analyst no step and no transfer, only what it may read', async () => {
    const d = await get('analyst', `/api/tickets/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.allowed_actions).not.toContain('accept');
    expect(d.body.allowed_actions).not.toContain('transfer');
    expect(d.body.allowed_actions).toContain('view_cases');
  });

  it('lets the district read, supervise and find the ticket in its queue; another station neither', async () => {
    const d = await get('supervisor', `/api/tickets/${id}`);
    expect(d.body.allowed_actions).toContain('supervise');
    expect((await get('supervisor', '/api/tickets?limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(
      id,
    );
    expect((await get('officer2', `/api/tickets/${id}`)).status).toBe(404);
    expect((await get('officer2', '/api/tickets?limit=200')).body.items.map((x: { id: string }) => x.id)).not.toContain(
      id,
    );
  });
});
