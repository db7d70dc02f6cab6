/**
 * The HTTP edge against the real app: cross-site writes on the session cookie refused, bearer clients allowed,
 * security headers on every answer, Secure cookies behind a trusted TLS proxy only, public rate limits per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { buildHttp } from './http.js';
import { DEMO_PASSWORD } from './modules/access/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let proxied: Http;
let cookie = '';
let token = '';

beforeAll(async () => {
  app = await testApp();
  delete process.env.XIEZHI_TRUST_PROXY;
  http = await buildHttp(app);
  process.env.XIEZHI_TRUST_PROXY = '127.0.0.1';
  proxied = await buildHttp(app);
  delete process.env.XIEZHI_TRUST_PROXY;
  const r = await http.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'officer', password: DEMO_PASSWORD },
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  expect(r.statusCode).toBe(200);
  token = r.json().token;
  cookie = `xz_session=${token}`;
});
afterAll(async () => {
  await http.close();
  await proxied.close();
  await app.closeDb();
});

const logout = (headers: Record<string, string>) =>
  http.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: 'xz.example', ...headers } });

describe('cross-site writes', () => {
  it('refuses cookie-authenticated writes from other sites and lets our pages and bearer clients through', async () => {
    const hostile: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
      {},
    ];
    for (const h of hostile) {
      const r = await logout({ cookie, ...h });
      expect(r.statusCode, JSON.stringify(h)).toBe(403);
      expect(r.json().message).toMatch(/跨站|来源/);
    }
    // an Origin for another port of the same host is another origin
    expect((await logout({ cookie, origin: 'http://xz.example:8080' })).statusCode).toBe(403);
    expect((await logout({ cookie, origin: 'http://xz.example' })).statusCode).toBe(200);
    // the session still works for reads from anywhere (GET changes nothing)
    const again = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer', password: DEMO_PASSWORD },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    const c2 = `xz_session=${again.json().token}`;
    expect(
      (await http.inject({ method: 'GET', url: '/api/me', headers: { cookie: c2, 'sec-fetch-site': 'cross-site' } }))
        .statusCode,
    ).toBe(200);
    expect((await logout({ cookie: c2, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    // bearer tokens are no ambient credential: API clients need no Origin
    const t = (
      await http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer', password: DEMO_PASSWORD },
      })
    ).json().token;
    expect((await logout({ authorization: `Bearer ${t}`, origin: 'https://evil.example' })).statusCode).toBe(200);
    // login CSRF: a foreign page cannot sign the browser in
    expect(
      (
        await http.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'officer', password: DEMO_PASSWORD },
          headers: { origin: 'https://evil.example' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('security headers and cookies', () => {
  it('sends CSP, nosniff, frame and referrer headers on answers and errors alike', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/api/me', '/']) {
      const r = await http.inject({ method: 'GET', url });
      expect(r.headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await http.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });

  it('marks the session cookie Secure behind a trusted TLS proxy, and ignores forwarded headers from anyone else', async () => {
    const login = (h: Http) =>
      h.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'analyst', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.23' },
      });
    const viaProxy = await login(proxied);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/; Secure/);
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age/);
    const direct = await login(http);
    expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(String(direct.headers['set-cookie'])).toMatch(/HttpOnly/);
    const audited = await app.db.query<{ address: string }>(
      "SELECT detail->>'address' AS address FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 2",
    );
    expect(audited.rows.map((r) => r.address)).toEqual(['127.0.0.1', '198.51.100.23']);
  });
});

describe('public rate limits', () => {
  it('answers 429 with a Chinese reason and Retry-After per address, other addresses unaffected', async () => {
    const file = (ip: string) =>
      http.inject({
        method: 'POST',
        url: '/api/public/tickets',
        remoteAddress: ip,
        payload: { kind: 'consultation', text: '请问网购商品七天无理由退货的规定是什么' },
      });
    // a burst of 5, then one every 6 s (filings are slow on a busy machine, so the bucket refills a little meanwhile)
    const codes: number[] = [];
    let r = await file('203.0.113.40');
    for (let i = 0; i < 15 && r.statusCode !== 429; i++) {
      codes.push(r.statusCode);
      r = await file('203.0.113.40');
    }
    expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(codes.length).toBeLessThan(12);
    expect(r.statusCode).toBe(429);
    expect(r.json()).toMatchObject({ error: 'rate_limited', details: { bucket: 'filing' } });
    expect(r.json().message).toMatch(/提交诉求过于频繁，请 \d+ 秒后再试/);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await file('203.0.113.41')).statusCode).toBe(201);
    // a spoofed X-Forwarded-For does not buy a fresh bucket when no proxy is trusted
    expect(
      (
        await http.inject({
          method: 'POST',
          url: '/api/public/tickets',
          remoteAddress: '203.0.113.40',
          headers: { 'x-forwarded-for': '1.2.3.4' },
          payload: { text: '再问一次退货规定是什么情况' },
        })
      ).statusCode,
    ).toBe(429);
    // tracking guesses are limited too; health never is
    let tracked429 = 0;
    for (let i = 0; i < 20; i++)
      if (
        (
          await http.inject({
            method: 'GET',
            url: '/api/public/tickets/X-1?code=ABCD1234',
            remoteAddress: '203.0.113.50',
          })
        ).statusCode === 429
      )
        tracked429++;
    expect(tracked429).toBeGreaterThan(0);
    for (let i = 0; i < 150; i++)
      expect((await http.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.50' })).statusCode).toBe(
        200,
      );
  });
});
