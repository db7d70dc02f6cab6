/**
 * Issue 10's live bar, end to end in one process with all three roles: after start (history replayed), twelve
 * people file about one business through the public HTTP API, and the alert is there within three minutes of the
 * first filing — without a restart, and without waiting for the day to close. The clock is the app's injected one
 * (a fixed "today" that advances from 10:00 Shanghai at wall rate); the outbox is driven by draining the runner,
 * which is what its poll does, so nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/db.js';
import { DEMO_PASSWORD, SYSTEM } from '../modules/access/index.js';
import { ingestTickets } from '../modules/intake/index.js';
import type { TifTicket } from '../../shared/tif.js';
import { startRoles, type Running } from './index.js';
import { schedulerTick } from './scheduler.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
const TODAY = '2026-10-01';
const day = (i: number) => new Date(Date.parse('2026-07-01') + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await testApp(TODAY);
  // three months of quiet history over 120 businesses, stored before the server starts
  const bg: TifTicket[] = [];
  for (let d = 0; d < 92; d++) {
    for (let k = 0; k < 5; k++) {
      const n = d * 5 + k;
      bg.push({
        id: `hist${n}`,
        kind: 'complaint',
        received_at: `${day(d)}T1${k}:15:00+08:00`,
        text: `购买的商品有质量问题${n}，商家不予处理，要求退货`,
        complainant: { id: `hp${n}` },
        respondent: {
          name: `上海历史商户${(d * 11 + k * 17) % 120}有限公司`,
          address: '上海市松江区岳阳街道人民北路8号',
        },
      });
    }
  }
  await ingestTickets(app, bg, { source: 'test', actor: SYSTEM });
  // worker (outbox subscribers incl. the live detector) + scheduler + web, as `npm start` runs them
  roles = await startRoles(app, ['web', 'worker', 'scheduler'], { pollMs: 100 });
}, 300_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('live burst through the API', () => {
  it('twelve people about one gym, filed through the public API, are alerted within 3 minutes without a restart', async () => {
    const http = roles.http!;
    const warning = roles.warning!;
    // start-up: the projection replays the stored history in the background; drain waits for it to load
    await roles.runner.drain();
    await warning.idle();
    const before = warning.state();
    expect(before.ready).toBe(true);
    expect(before.tickets_seen).toBe(92 * 5);
    const t0 = app.now().getTime();
    for (let i = 0; i < 12; i++) {
      const r = await http.inject({
        method: 'POST',
        url: '/api/public/tickets',
        remoteAddress: `198.51.100.${10 + i}`,
        payload: {
          kind: 'complaint',
          client_key: `burst-${i}`,
          text: `今天去健身房发现大门紧锁，店里贴了停业通知，我办的年卡还剩${3 + (i % 7)}个月，余额${1200 + i * 150}元，前台电话打不通，要求退款。`,
          complainant: { name: `会员${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, phone: `1391234${String(5000 + i)}` },
          respondent: { name: '上海力健健身管理有限公司', address: '上海市松江区岳阳街道人民北路88号' },
        },
      });
      expect(r.statusCode).toBe(201);
    }
    // what the worker's poll and the scheduler's timer would do next, driven now: enrichment → ticket.enriched →
    // the detector; a scheduler round; the day-close tick (which must not be needed: the day is still open)
    for (let i = 0; i < 3; i++) await roles.runner.drain();
    await schedulerTick(app);
    await warning.idle();
    expect(await warning.tick(app.today())).toBe(0);

    const sup = (
      await http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'supervisor', password: DEMO_PASSWORD },
      })
    ).json().token;
    const list = await http.inject({ method: 'GET', url: '/api/alerts', headers: { authorization: `Bearer ${sup}` } });
    expect(list.statusCode).toBe(200);
    const body = list.json() as {
      items: { id: string; subject_label: string; complainants: number; detected_at: string; kind: string }[];
      detector?: { tickets_seen: number };
    };
    const gym = body.items.find((a) => a.subject_label.includes('力健健身'));
    expect(gym, JSON.stringify(body.items.map((a) => a.subject_label))).toBeTruthy();
    expect(gym!.complainants).toBeGreaterThanOrEqual(10);
    expect(gym!.detected_at).toBe(TODAY);
    // on the injected clock: first filing → alert visible
    const elapsed = (app.now().getTime() - t0) / 1000;
    expect(elapsed).toBeLessThan(180);
    // the same process, its detector saw every ticket (no restart, nothing skipped)
    expect(warning.state().tickets_seen).toBe(92 * 5 + 12);
    expect(warning.state().replays).toBe(before.replays);
    const raised = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE type = 'alert.raised' AND subject = $1",
      [gym!.id],
    );
    expect(raised.rows[0]!.n).toBe(1);
    console.log(
      `live burst: alert ${gym!.subject_label} (${gym!.complainants} people) visible ${elapsed.toFixed(1)} s after the first filing`,
    );
  }, 300_000);
});
