/**
 * The learning loop end to end on a real database: officers correct labels through the API, the next training run
 * from the database reads those corrections, the version is registered only with its held-out evaluation, a worse
 * version needs an explicit override, and the active version survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_KEY } from './test/db.js';
import { openApp } from './app.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD, SYSTEM } from './modules/access/index.js';
import { ingestTickets } from './modules/intake/index.js';
import { simulateCity } from './modules/simulation/index.js';
import { activeModel, labelledHistory, registerModel, trainFromHistory } from './modules/assist/index.js';
import { trainClassifier } from './modules/text/index.js';
import type { Http } from './platform/http/index.js';
import type { TifTicket } from '../shared/tif.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
const LABEL = 'goods_service';

async function call(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  app = await testApp('2026-11-23');
  const tickets: TifTicket[] = [...simulateCity({ tickets: 900, seed: 11, end: '2026-11-20' }).tickets];
  await ingestTickets({ ...app, enrich: undefined }, tickets, { source: 'sim', actor: SYSTEM });
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'admin']) {
    const r = await http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u, password: DEMO_PASSWORD },
    });
    tokens[u] = r.json().token;
  }
}, 120_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('learning loop', () => {
  it('corrections made through the API appear in the next training run from the database', async () => {
    const before = await labelledHistory(app.db, LABEL);
    expect(before.train.length).toBeGreaterThan(300);
    // the admin (the city) corrects three tickets of the queue that fall in the training part
    const queue = await call('admin', 'GET', '/api/tickets?limit=500');
    const trainIds = new Set(before.train.map((t) => t.id));
    const picked = (queue.body.items as { id: string }[])
      .map((x) => x.id)
      .filter((id) => trainIds.has(id))
      .slice(0, 3);
    expect(picked.length).toBe(3);
    for (const id of picked)
      expect(
        (await call('admin', 'PATCH', `/api/tickets/${id}/labels`, { labels: { [LABEL]: '教育培训服务' } })).status,
      ).toBe(200);

    const r = await trainFromHistory(app, SYSTEM.id, LABEL);
    expect(r.corrections).toBe(3);
    expect(r.corrected_ids.sort()).toEqual([...picked].sort());
    const h = await labelledHistory(app.db, LABEL);
    for (const id of picked) expect(h.train.find((t) => t.id === id)!.labels![LABEL]).toBe('教育培训服务');
    expect(r.model.classes).toContain('教育培训服务');
    // registered with its evaluation on the held-out slice, not active
    expect(r.registered.evaluation.n).toBe(h.test.length);
    const list = await call('admin', 'GET', '/api/models');
    const row = list.body.registered.find((x: { id: string }) => x.id === r.registered.id);
    expect(row.active).toBe(false);
    expect(row.evaluation.macro_f1).toBeGreaterThan(0);
    expect(list.body.registered.find((x: { id: string }) => x.id === `builtin:${LABEL}`)?.active).toBe(true);
  }, 120_000);

  it('a worse version needs an explicit override; the switch survives a restart', async () => {
    const h = await labelledHistory(app.db, LABEL);
    // a deliberately weak candidate: 40 training tickets
    const weak = trainClassifier(h.train.slice(0, 40), LABEL, { bits: 14 });
    const reg = await registerModel(app, SYSTEM.id, weak);
    const cmp = await call('admin', 'GET', `/api/models/${encodeURIComponent(reg.id)}/compare`);
    if (cmp.status !== 200) console.log(cmp.body);
    expect(cmp.status).toBe(200);
    expect(cmp.body.worse).toBe(true);
    expect(Object.keys(cmp.body.candidate.per_class).length).toBeGreaterThan(3);
    expect(cmp.body.active.macro_f1).toBeGreaterThan(cmp.body.candidate.macro_f1);

    const refused = await call('admin', 'POST', `/api/models/${encodeURIComponent(reg.id)}/activate`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('仍然切换');
    expect(
      (await call('officer', 'POST', `/api/models/${encodeURIComponent(reg.id)}/activate`, { override: true })).status,
    ).toBe(403);
    const ok = await call('admin', 'POST', `/api/models/${encodeURIComponent(reg.id)}/activate`, { override: true });
    expect(ok.status).toBe(200);
    expect(activeModel(LABEL)!.version).toBe(weak.version);
    const audit = await app.db.query<{ detail: { override: boolean } }>(
      "SELECT detail FROM audit_log WHERE action = 'model.activate' AND subject_id = $1",
      [reg.id],
    );
    expect(audit.rows[0]!.detail.override).toBe(true);

    // back to the shipped default in memory, then a "restart": opening the app reads the active version from the db
    (await import('./modules/assist/index.js')).setActiveModel(
      LABEL,
      (await import('./modules/assist/index.js')).builtinModel(LABEL)!,
    );
    expect(activeModel(LABEL)!.version).not.toBe(weak.version);
    const again = await openApp({ db: app.db, key: TEST_KEY, today: '2026-11-23' });
    expect(activeModel(LABEL)!.version).toBe(weak.version);
    await again.close();

    // a model for which the bureau has no labelled history cannot be registered
    const other = trainClassifier(
      h.train.map((t) => ({ ...t, labels: { nolabel: t.labels![LABEL]! } })),
      'nolabel',
      { bits: 14 },
    );
    await expect(registerModel(app, SYSTEM.id, other)).rejects.toThrow(/无法评估/);
  }, 120_000);
});
