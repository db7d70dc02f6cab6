/**
 * Read-your-writes over HTTP against a real lagging replica: scripts/replica-pair.sh starts a PostgreSQL primary and
 * a streaming replica that replays WAL 5 s late (recovery_min_apply_delay). An officer changes a ticket and reads it
 * back through the analytics drill-down (a replica read) at once and for the next seconds: always the new state,
 * while a supervisor who did not write is served by the replica and still sees the old one (the lag is real). Then the
 * replica pool of a prefer-standby URL falls back to the primary when the replica stops, and returns to the replica
 * when it is back (ReadRouter's revisit).
 * Runs with the PostgreSQL tests (DATABASE_URL set) where the server binaries are installed; the pair uses its own
 * ports (XZ_PAIR_PORT, default 55510) and its own data directory, never DATABASE_URL's server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { openDb, ReadRouter, type Db } from './platform/db/index.js';
import { openApp, type App } from './app.js';
import { buildHttp } from './http.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './modules/access/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { TEST_KEY } from './test/db.js';
import type { Http } from './platform/http/index.js';

const enabled = !!process.env.DATABASE_URL && existsSync('/usr/lib/postgresql/15/bin/initdb');
const PORT = Number(process.env.XZ_PAIR_PORT ?? 55510);
const env = { ...process.env, XZ_PAIR_PORT: String(PORT) };
const pair = (...args: string[]) => {
  const r = spawnSync('scripts/replica-pair.sh', args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`replica-pair.sh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!enabled)('read-your-writes with a replica 5 s behind', () => {
  let primary: Db;
  let replica: Db;
  let app: App;
  let http: Http;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    pair('down');
    pair('up', '5s');
    primary = await openDb({ url: `postgres://postgres@127.0.0.1:${PORT}/postgres` });
    replica = await openDb({ url: `postgres://postgres@127.0.0.1:${PORT + 1}/postgres` });
    app = await openApp({ db: primary, replica, key: TEST_KEY, today: '2026-11-23' });
    await seedDemoAccounts(primary);
    http = await buildHttp(app, [(h, a) => analyticsRoutes(h, a)]);
    for (const u of ['officer', 'supervisor']) {
      const r = await http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u, password: DEMO_PASSWORD },
      });
      tokens[u] = r.json().token;
    }
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await app?.close();
    await replica?.close();
    await primary?.close();
    pair('down');
  }, 60_000);

  const call = async (user: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await http.inject({
      method,
      url,
      payload,
      headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
    });
    return { status: r.statusCode, body: r.json() };
  };
  /** the ticket's status as the analytics drill-down (a replica read) shows it to this user */
  const drilled = async (user: string, id: string) => {
    const r = await call(user, 'GET', '/api/analytics/tickets?limit=500');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.items as { id: string; status: string }[]).find((x) => x.id === id)?.status ?? 'absent';
  };
  const caughtUp = async () => {
    for (let i = 0; i < 120; i++) {
      const lag = await app.reads!.measure();
      if (lag.bytes === 0) return;
      await sleep(250);
    }
    throw new Error('the replica did not catch up in 30 s');
  };

  it('shows the officer their change at once while the replica still serves the old state to others', async () => {
    const f = await call(null, 'POST', '/api/public/tickets', {
      kind: 'complaint',
      title: '健身卡无法退费',
      text: '我在健身房办了年卡3000元，现在门店关门联系不上，要求退款。',
      client_key: 'ryw-1',
      complainant: {
        name: '张三丰',
        phone: '13800138000',
        id_number: '310101199001011234',
        address: '上海市松江区岳阳街道某小区1号',
      },
      respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
    });
    expect(f.status).toBe(201);
    const id = f.body.id as string;
    await caughtUp();
    const before = await drilled('supervisor', id);
    expect(before).not.toBe('absent');
    expect(app.reads!.reader('nobody')).toBe(replica);

    const a = await call('officer', 'POST', `/api/tickets/${id}/actions`, { action: 'accept' });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('accepted');
    // the very next read of the officer: the new state, from the primary
    expect(await drilled('officer', id)).toBe('accepted');
    // someone who did not write reads the replica, 5 s behind: the old state (so the lag above was real)
    expect(await drilled('supervisor', id)).toBe(before);
    expect(
      (await replica.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [id])).rows[0]!.status,
    ).toBe(before);

    // for as long as the replica lags, and after: the officer never sees the old state
    const officerId = (await primary.query<{ id: string }>("SELECT id FROM users WHERE username = 'officer'")).rows[0]!
      .id;
    let maxLag = 0;
    let replicaReads = 0;
    const until = Date.now() + 25_000;
    // until the officer has read from the replica a few times (the replica replayed the change) or 25 s
    while (Date.now() < until && replicaReads < 5) {
      const onReplica = app.reads!.reader(officerId) === replica;
      expect(await drilled('officer', id)).toBe('accepted');
      if (onReplica) replicaReads++;
      maxLag = Math.max(maxLag, app.reads!.lastLag().seconds ?? 0);
      await sleep(200);
    }
    expect(maxLag).toBeGreaterThan(2); // the replica was seconds behind while we read (5 s, measured each second)
    expect(replicaReads).toBe(5); // once replayed, the officer is back on the replica…
    expect(await drilled('officer', id)).toBe('accepted'); // …which shows the change
    expect(await drilled('supervisor', id)).toBe('accepted');
  }, 60_000);

  it('sends reads back to the replica when it returns after falling back to the primary', async () => {
    // replica first, primary second: prefer-standby keeps the replica while it answers, the primary when it does not
    const reads = await openDb({
      url: `postgres://postgres@127.0.0.1:${PORT + 1},127.0.0.1:${PORT}/postgres?target_session_attrs=prefer-standby`,
    });
    const router = new ReadRouter(primary, reads, 60_000, Date.now, 500);
    try {
      await router.measure();
      expect(reads.describe!()).toMatchObject({ host: `127.0.0.1:${PORT + 1}`, standby: true });
      pair('stop-replica');
      // the replica is gone: the pool drops (a failed query, or the server's goodbye on idle clients) and looks
      // again; it finds only the primary, where analytics keep working
      for (let i = 0; i < 10 && reads.describe!().standby !== false; i++) await router.measure();
      expect(reads.describe!()).toMatchObject({ host: `127.0.0.1:${PORT}`, standby: false });
      expect((await reads.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(false);
      pair('start-replica');
      let back = false;
      for (let i = 0; i < 60 && !back; i++) {
        await sleep(500);
        await router.measure();
        back = reads.describe!().standby === true;
      }
      expect(back).toBe(true);
      expect(reads.describe!()).toMatchObject({ host: `127.0.0.1:${PORT + 1}`, standby: true });
      expect((await reads.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(true);
    } finally {
      await reads.close();
    }
  }, 120_000);
});
