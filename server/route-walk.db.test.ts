/**
 * Walks every route of the OpenAPI document with every demo role and garbage input, and checks the answer against
 * the access table below (data, written by hand — not read from the routes): never a 5xx; no session → 401 where the
 * route is not public; a role outside the table → 403 or 404; a role inside it is never refused as unauthenticated
 * or forbidden by the edge. A route missing from the table (or a table row without a route) fails the test, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import type { Http } from './platform/http/index.js';

type Who =
  | 'officer'
  | 'officer2'
  | 'supervisor'
  | 'analyst'
  | 'operator'
  | 'enterprise'
  | 'partner'
  | 'admin'
  | 'monitor'
  | 'consumer'
  | 'anonymous';
const WHO: Who[] = [
  'officer',
  'officer2',
  'supervisor',
  'analyst',
  'operator',
  'enterprise',
  'partner',
  'admin',
  'monitor',
  'consumer',
  'anonymous',
];
const STAFF: Who[] = ['operator', 'officer', 'officer2', 'supervisor', 'analyst', 'admin', 'enterprise'];
const OFFICERS: Who[] = ['officer', 'officer2'];
const LOGGED_IN: Who[] = WHO.filter((w) => w !== 'anonymous');

/**
 * Who may call each route: 'public' (anyone, no session needed), 'signed' (no session, but a valid HMAC signature of the
 * caller's shared secret: without one every caller, signed-in staff included, gets 401/403), or the accounts allowed
 * through the edge.
 */
const ACCESS: Record<string, 'public' | 'signed' | Who[]> = {
  'POST /api/auth/login': 'public',
  // operations: readiness is public like /api/health (no personal data); metrics from loopback, a token, or an admin
  'GET /api/ready': 'public',
  'GET /metrics': ['admin'],
  'POST /api/auth/logout': LOGGED_IN,
  'GET /api/me': LOGGED_IN,
  'GET /api/units': LOGGED_IN,
  'GET /api/rules': LOGGED_IN,
  'GET /api/calendar': LOGGED_IN,
  'GET /api/admin/audit': ['admin'],
  'GET /api/admin/audit/verify': ['admin'],
  'PUT /api/admin/calendar/{year}': ['admin'],
  'GET /api/admin/calendar/{year}': ['admin'],
  'GET /api/calendar/notice': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/admin/audit/export.csv': ['admin'],
  // administration: users, units, the street→station map
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/{id}': ['admin'],
  'POST /api/admin/users/{id}/password': ['admin'],
  'GET /api/admin/units': ['admin'],
  'GET /api/admin/street-stations': ['admin'],
  'PUT /api/admin/street-stations/{street}': ['admin'],
  // intake and the public
  'POST /api/tickets': ['operator', ...OFFICERS, 'supervisor', 'admin'],
  'POST /api/public/tickets': 'public',
  'GET /api/public/tickets/{no}': 'public',
  'GET /api/public/tickets/{no}/documents/{doc}': 'public',
  'POST /api/public/tickets/{no}/rating': 'public',
  'POST /api/public/tickets/{no}/attachments': 'public',
  'GET /api/public/disclosure': 'public',
  'POST /api/public/disclosure/corrections': 'public',
  'GET /api/admin/disclosure/corrections': ['admin'],
  // the national 12315 exchange
  'POST /api/admin/imports': ['admin'],
  'GET /api/admin/imports': ['admin'],
  'GET /api/admin/imports/{id}': ['admin'],
  'GET /api/admin/exports': ['admin'],
  'POST /api/prefill': 'public',
  'POST /api/12345/transfers': ['operator', 'admin'],
  'POST /api/12345/feedback': ['operator', 'admin'],
  // workflow
  'GET /api/tickets': STAFF,
  'GET /api/tickets/{id}': STAFF,
  'GET /api/tickets/{id}/documents/{doc}': STAFF,
  'POST /api/tickets/{id}/actions': ['operator', ...OFFICERS, 'supervisor', 'admin', 'enterprise'],
  'POST /api/tickets/{id}/transfer': ['operator', ...OFFICERS, 'supervisor', 'admin'],
  'PATCH /api/tickets/{id}/labels': ['operator', ...OFFICERS, 'supervisor', 'admin'],
  // assist, risk, evidence, inspections
  'GET /api/tickets/{id}/assist': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/tickets/{id}/similar': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/tickets/{id}/risk': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/tickets/{id}/attachments': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin', 'enterprise'],
  'POST /api/tickets/{id}/attachments': ['operator', ...OFFICERS, 'supervisor', 'admin', 'enterprise'],
  'GET /api/tickets/{id}/attachments/{aid}': ['operator', ...OFFICERS, 'supervisor', 'admin'],
  'GET /api/tickets/{id}/inspections': [...OFFICERS, 'supervisor', 'analyst', 'admin', 'operator'],
  'POST /api/tickets/{id}/inspections': [...OFFICERS, 'supervisor', 'admin'],
  'PATCH /api/tickets/{id}/inspections/{iid}': [...OFFICERS, 'supervisor', 'admin'],
  'GET /api/inspections': [...OFFICERS, 'supervisor', 'admin'],
  // 诉转案: the complaint's cases, penalty decisions, and the unified regulatory platform's signed webhook
  'GET /api/tickets/{id}/cases': [...OFFICERS, 'supervisor', 'analyst', 'admin', 'operator'],
  'POST /api/cases/{id}/penalty': [...OFFICERS, 'supervisor', 'admin'],
  'POST /api/inspections/results': 'signed',
  'GET /api/models': ['analyst', 'admin'],
  'POST /api/models': ['admin'],
  'POST /api/models/{id}/activate': ['admin'],
  'GET /api/models/{id}/compare': ['admin'],
  // ODR
  'GET /api/enterprise/me': ['enterprise'],
  'GET /api/odr/enrolment': ['operator', ...OFFICERS, 'supervisor', 'admin'],
  'POST /api/odr/applications': 'public',
  'GET /api/odr/enterprises': ['supervisor', 'analyst', 'admin'],
  'POST /api/odr/enterprises': ['operator', 'supervisor', 'admin'],
  'GET /api/odr/enterprises/{key}': ['admin'],
  'PATCH /api/odr/enterprises/{key}': ['admin'],
  'POST /api/odr/enterprises/{key}/approve': ['admin'],
  'POST /api/odr/enterprises/{key}/reject': ['admin'],
  'POST /api/odr/enterprises/{key}/withdraw': ['admin'],
  'POST /api/odr/enterprises/{key}/accounts': ['admin'],
  'POST /api/odr/enterprises/{key}/accounts/{id}/active': ['admin'],
  'POST /api/odr/enterprises/{key}/keys': ['admin'],
  'POST /api/odr/enterprises/{key}/keys/{kid}/revoke': ['admin'],
  'GET /api/odr/stats': ['supervisor', 'analyst', 'admin'],
  // the firm's keys and bulk API. An API key (Bearer xzk_…) resolves to the same enterprise actor as the firm's
  // session, so the walk's enterprise session stands for both; that a key cannot manage keys, and that a revoked or
  // unknown key is 401, is tested in server/modules/odr/odr.db.test.ts
  'GET /api/enterprise/keys': ['enterprise'],
  'POST /api/enterprise/keys': ['enterprise'],
  'POST /api/enterprise/keys/{kid}/revoke': ['enterprise'],
  'GET /api/enterprise/tickets': ['enterprise'],
  'GET /api/enterprise/decline-reasons': ['enterprise'],
  'POST /api/enterprise/bulk/settle': ['enterprise'],
  'POST /api/enterprise/bulk/decline': ['enterprise'],
  'POST /api/enterprise/bulk/evidence': ['enterprise'],
  // analytics
  'GET /api/analytics/overview': ['analyst', 'supervisor', 'admin', ...OFFICERS],
  'GET /api/analytics/dimensions': ['analyst', 'supervisor', 'admin', ...OFFICERS],
  'GET /api/analytics/cube': ['analyst', 'supervisor', 'admin', ...OFFICERS],
  'GET /api/analytics/tickets': ['analyst', 'supervisor', 'admin', ...OFFICERS],
  'GET /api/analytics/export.csv': ['analyst', 'supervisor', 'admin'],
  'GET /api/analytics/export.xlsx': ['analyst', 'supervisor', 'admin'],
  'GET /api/analytics/export/purposes': ['analyst', 'supervisor', 'admin'],
  'GET /api/analytics/report.pdf': ['analyst', 'supervisor', 'admin'],
  // early warning and the abnormal list
  'GET /api/alerts': ['supervisor', 'analyst', 'admin'],
  'GET /api/alerts/{id}': ['supervisor', 'analyst', 'admin'],
  'POST /api/alerts/{id}/review': ['supervisor', 'analyst', 'admin'],
  'GET /api/abnormal': ['supervisor', 'analyst', 'admin'],
  'GET /api/abnormal/{id}': ['supervisor', 'analyst', 'admin'],
  'POST /api/abnormal/{id}/actions': ['supervisor', ...OFFICERS, 'operator', 'admin'],
  'POST /api/abnormal/import': ['supervisor', 'admin'],
  'POST /api/abnormal/scan': ['analyst', 'admin'],
  'GET /api/partner/abnormal': ['partner', 'supervisor', 'analyst', 'admin'],
  'GET /api/tickets/{id}/proceedings': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'POST /api/tickets/{id}/proceedings': [...OFFICERS, 'supervisor', 'admin'],
  'POST /api/tickets/{id}/abnormal-proposal': [...OFFICERS, 'analyst'],
  'GET /api/abnormal/{id}/notice': ['supervisor', ...OFFICERS, 'admin'],
  'POST /api/public/abnormal-appeals': 'public',
  // 督办
  'POST /api/tickets/{id}/supervisions': ['supervisor', 'admin'],
  'GET /api/tickets/{id}/12345': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/tickets/{id}/supervisions': [...OFFICERS, 'supervisor', 'analyst', 'admin', 'operator'],
  'GET /api/supervisions': [...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/supervisions/stats': ['supervisor', 'analyst', 'admin'],
  'POST /api/supervisions/{id}/answer': [...OFFICERS, 'supervisor', 'admin'],
  'POST /api/supervisions/{id}/close': ['supervisor', 'admin'],
  // knowledge: templates are staff working material; the guide and the law texts are public
  'GET /api/knowledge/templates': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/knowledge/templates/{key}': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'PUT /api/knowledge/templates/{key}': ['supervisor', 'admin'],
  'GET /api/knowledge/templates/{key}/draft': ['operator', ...OFFICERS, 'supervisor', 'analyst', 'admin'],
  'GET /api/knowledge/guide': 'public',
  'GET /api/knowledge/laws': 'public',
  'GET /api/knowledge/laws/article': 'public',
  // the monitoring loop: the city issues, the monitoring body answers, districts handle; analysts read
  'GET /api/monitoring': ['admin', 'analyst', 'supervisor', 'monitor'],
  'POST /api/monitoring': ['admin'],
  'GET /api/monitoring/bodies': ['admin'],
  'GET /api/monitoring/{id}': ['admin', 'analyst', 'supervisor', 'monitor'],
  'POST /api/monitoring/{id}/actions': ['admin', 'supervisor', 'monitor'],
};

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
let routes: { method: string; path: string }[] = [];
const tok: Partial<Record<Who, string>> = {};
const addr = (w: Who) => `198.18.0.${WHO.indexOf(w) + 1}`;

beforeAll(async () => {
  // the platform webhook is configured, so an unsigned call is refused for its missing signature (401), not as unconfigured
  process.env.XIEZHI_REGULATORY_SECRET ??= 'route-walk-shared-secret-0123456789';
  app = await testApp();
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  // the OpenAPI document the built app serves is the list of routes to walk
  const doc = (await http.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  for (const [path, ops] of Object.entries(doc.paths))
    for (const m of Object.keys(ops))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(m)) routes.push({ method: m.toUpperCase(), path });
  // logout ends the session it is called with: walk it last
  routes = routes.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
  for (const w of LOGGED_IN) {
    const r = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: addr(w),
      payload: { username: w, password: DEMO_PASSWORD },
    });
    expect(r.statusCode, `login ${w}`).toBe(200);
    tok[w] = r.json().token;
  }
}, 300_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

const GARBAGE: unknown[] = [{}, { text: '\u202e'.repeat(3) + '🙂', id: -1, limit: 'x', from: '2026-13-45' }];

describe('route walk', () => {
  it('has an access row for every route in the OpenAPI document, and a route for every row', () => {
    const seen = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(
      [...seen].filter((k) => !(k in ACCESS)),
      'routes without an access row',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS).filter((k) => !seen.has(k)),
      'rows without a route',
    ).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers every route × role with the expected status and never a 5xx', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const access = ACCESS[key];
      if (!access) continue;
      const url = r.path.replace(/\{year\}/g, '1999').replace(/\{[^}]+\}/g, 'nope-0');
      for (const w of WHO) {
        // logout ends the session: one call per role, or the second would rightly answer 401
        for (const body of r.method === 'GET' ? [undefined] : key === 'POST /api/auth/logout' ? [{}] : GARBAGE) {
          const res = await http.inject({
            method: r.method as 'GET',
            url: `${url}${r.method === 'GET' ? '?limit=x&from=2026-13-45&q=%F0%9F%99%82' : ''}`,
            remoteAddress: addr(w),
            headers: w === 'anonymous' ? {} : { authorization: `Bearer ${tok[w]}` },
            payload: body as never,
          });
          calls++;
          const s = res.statusCode;
          const allowed = access === 'public' || (access !== 'signed' && w !== 'anonymous' && access.includes(w));
          const bad =
            s >= 500
              ? 'server error'
              : access === 'signed'
                ? s === 401
                  ? null
                  : 'expected 401 without a valid signature'
                : access !== 'public' && w === 'anonymous' && s !== 401
                  ? 'expected 401'
                  : !allowed && w !== 'anonymous' && s !== 403 && s !== 404
                    ? 'expected 403/404'
                    : allowed &&
                        (s === 401 ||
                          (s === 403 &&
                            res.json().details?.reason !== 'cross_site' &&
                            /无权访问该功能/.test(res.json().message ?? '')))
                      ? 'allowed role refused by the edge'
                      : null;
          if (bad) problems.push(`${key} as ${w}: ${s} (${bad}) ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  }, 600_000);
});
