import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD } from '../access/index.js';
import { captureLog } from '../../platform/log/index.js';
import type { Http } from '../../platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
let http: Http;
const OUTSIDE = '198.18.0.9';
const login = async (username: string) =>
  (
    await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: OUTSIDE,
      payload: { username, password: DEMO_PASSWORD },
    })
  ).json().token as string;

beforeAll(async () => {
  app = await testApp();
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
}, 120_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('operations endpoints', () => {
  it('/metrics: Prometheus text with request histograms, outbox backlog, queue depths and detector lag, for loopback', async () => {
    const filed = await http.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { kind: 'complaint', text: '健身房关门，预付卡余额不退', client_key: 'ops-1' },
    });
    expect(filed.statusCode).toBe(201);
    const r = await http.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.body;
    expect(text).toMatch(
      /^xiezhi_http_requests_total\{method="POST",route="\/api\/public\/tickets",status="201"\} 1$/m,
    );
    expect(text).toMatch(
      /^xiezhi_http_request_duration_seconds_bucket\{method="POST",route="\/api\/public\/tickets",le="\+Inf"\} 1$/m,
    );
    expect(text).toMatch(/^# TYPE xiezhi_http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^xiezhi_outbox_backlog\{subscriber="enrichment"\} \d+$/m);
    expect(text).toMatch(/^xiezhi_queue_depth\{status="[a-z_]+"\} [1-9]\d*$/m);
    expect(text).toMatch(/^xiezhi_detector_ready [01]$/m);
    // every sample line is `name{labels} number`
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? (-?\d+(\.\d+)?(e[+-]?\d+)?|\+Inf|NaN)$/);
  });

  it('/metrics from elsewhere: 401 without a session, 403 for a non-admin, 200 for an admin or the metrics token', async () => {
    expect((await http.inject({ method: 'GET', url: '/metrics', remoteAddress: OUTSIDE })).statusCode).toBe(401);
    expect(
      (
        await http.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress: OUTSIDE,
          headers: { authorization: `Bearer ${await login('officer')}` },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await http.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress: OUTSIDE,
          headers: { authorization: `Bearer ${await login('admin')}` },
        })
      ).statusCode,
    ).toBe(200);
    process.env.XIEZHI_METRICS_TOKEN = 'scrape-token-0123456789';
    try {
      expect(
        (
          await http.inject({
            method: 'GET',
            url: '/metrics',
            remoteAddress: OUTSIDE,
            headers: { authorization: 'Bearer scrape-token-0123456789' },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await http.inject({
            method: 'GET',
            url: '/metrics',
            remoteAddress: OUTSIDE,
            headers: { authorization: 'Bearer scrape-token-0123456780' },
          })
        ).statusCode,
      ).toBe(401);
    } finally {
      delete process.env.XIEZHI_METRICS_TOKEN;
    }
  });

  it('/api/ready: the database, the replica (none here), the outbox backlog and the queues', async () => {
    const r = await http.inject({ method: 'GET', url: '/api/ready', remoteAddress: OUTSIDE });
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.status).toBe('ready');
    expect(j.database.kind).toBe(app.db.kind);
    expect(j.replica).toMatchObject({ configured: false, serving_reads: false });
    expect(j.outbox.map((o: { subscriber: string }) => o.subscriber)).toContain('enrichment');
    expect(j.queues.reduce((s: number, q: { n: number }) => s + q.n, 0)).toBeGreaterThan(0);
  });

  it('structured log lines are one JSON object each', async () => {
    const lines: string[] = [];
    const restore = captureLog(lines);
    try {
      const { logEvent } = await import('../../platform/log/index.js');
      logEvent('warn', 'db.lost', { host: '127.0.0.1:5432', failovers: 1 });
    } finally {
      restore();
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      event: 'db.lost',
      host: '127.0.0.1:5432',
      failovers: 1,
    });
  });
});
