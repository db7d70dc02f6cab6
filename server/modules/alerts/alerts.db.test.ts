import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { buildHttp } from '../../http.js';
import { SYSTEM, DEMO_PASSWORD } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import type { TifTicket } from '../../../shared/tif.js';
import type { Http } from '../../platform/http/index.js';
import { WarningService, toTif } from './warning-service.js';
import { alertRepo } from './repository.js';
import { replayAlerts } from '../early-warning/index.js';
import { alertRoutes } from './http/routes.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let service: WarningService;
let history: TifTicket[] = [];
const day = (i: number) => new Date(Date.parse('2026-07-01') + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await testApp('2026-10-01');
  const tickets: TifTicket[] = [];
  // a quiet background: 120 days, ~6 tickets a day over 150 businesses
  let n = 0;
  for (let d = 0; d < 90; d++) {
    for (let k = 0; k < 6; k++) {
      const b = (d * 7 + k * 13) % 150;
      tickets.push({
        id: `bg${n}`,
        kind: 'complaint',
        received_at: `${day(d)}T10:${String(k * 5).padStart(2, '0')}:00+08:00`,
        text: `在店里消费后发现问题${n}，要求处理`,
        complainant: { id: `p${n}` },
        respondent: { name: `上海背景商户${b}有限公司`, address: '上海市徐汇区漕溪北路1号' },
      });
      n++;
    }
  }
  // a gym closes: 16 different members within 3 days
  for (let i = 0; i < 16; i++) {
    tickets.push({
      id: `gym${i}`,
      kind: 'complaint',
      received_at: `${day(90 + (i % 3))}T1${i % 9}:00:00+08:00`,
      text: `健身房突然关门，会员卡余额${1000 + i * 37}元无法退还，要求退款`,
      complainant: { id: `m${i}` },
      respondent: { name: '上海闪电健身有限公司', address: '上海市松江区岳阳街道人民北路8号' },
    });
  }
  await ingestTickets(app, tickets, { source: 'test', actor: SYSTEM });
  history = tickets;
  service = new WarningService(app.db);
  await service.replay('2026-10-01');
  http = await buildHttp(app, [(h, a) => alertRoutes(h, a, service)]);
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('live early warning', () => {
  it('raises a group-dispute alert for the gym from history, routed to its district', async () => {
    const r = await app.db.query<{
      kind: string;
      subject_label: string;
      complainants: number;
      district_code: string;
      detected_at: string;
    }>(
      "SELECT kind, subject_label, complainants, district_code, detected_at::text AS detected_at FROM alerts WHERE subject_type = 'respondent'",
    );
    const gym = r.rows.find((a) => a.subject_label.includes('闪电健身'));
    expect(gym).toBeTruthy();
    expect(gym!.kind).toBe('group_dispute');
    expect(gym!.district_code).toBe('310117');
    expect(gym!.detected_at >= day(90) && gym!.detected_at <= day(93)).toBe(true);
    expect(r.rows.filter((a) => a.subject_label.includes('背景商户')).length).toBe(0);
  });

  it('raises the same alerts as `xiezhi mine` on the same tickets', async () => {
    const key = (type: string, k: string, d: string) => `${type}:${k}@${d}`;
    // the tickets as stored (intake adds the predicted category): what an export of the store gives `xiezhi mine`
    const stored = (await alertRepo.ticketsSince(app.db, '0001-01-01', null, 100_000)).map(toTif);
    expect(stored.length).toBe(history.length);
    const mine = replayAlerts(stored)
      .filter((a) => a.detected_at < '2026-10-01')
      .map((a) => key(a.subject.type, a.subject.key, a.detected_at))
      .sort();
    const r = await app.db.query<{ subject_type: string; subject_key: string; detected_at: string }>(
      "SELECT subject_type, subject_key, detected_at::text AS detected_at FROM alerts WHERE detected_at < '2026-10-01'",
    );
    expect(r.rows.map((a) => key(a.subject_type, a.subject_key, a.detected_at)).sort()).toEqual(mine);
    expect(mine.length).toBeGreaterThan(0);
  });

  it('serves alerts to the district supervisor and runs the life cycle with reasons', async () => {
    const tok = (
      await http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'supervisor', password: DEMO_PASSWORD },
      })
    ).json().token;
    const h = { authorization: `Bearer ${tok}` };
    const list = (await http.inject({ method: 'GET', url: '/api/alerts', headers: h })).json();
    const a = list.items.find((x: { subject_label: string }) => x.subject_label.includes('闪电健身'));
    expect(a.commands).toEqual(['confirm', 'dismiss']);
    const d = (await http.inject({ method: 'GET', url: `/api/alerts/${a.id}`, headers: h })).json();
    expect(d.evidence.length).toBeGreaterThanOrEqual(10);
    const bad = await http.inject({
      method: 'POST',
      url: `/api/alerts/${a.id}/review`,
      headers: h,
      payload: { command: 'handle', actions: ['interview'] },
    });
    expect(bad.statusCode).toBe(409);
    expect(
      (
        await http.inject({
          method: 'POST',
          url: `/api/alerts/${a.id}/review`,
          headers: h,
          payload: { command: 'confirm' },
        })
      ).json().state,
    ).toBe('confirmed');
    const done = await http.inject({
      method: 'POST',
      url: `/api/alerts/${a.id}/review`,
      headers: h,
      payload: { command: 'handle', actions: ['interview', 'consumer_warning'], note: '已约谈经营者并发布消费提示' },
    });
    expect(done.json().state).toBe('handled');
    const officer = (
      await http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer', password: DEMO_PASSWORD },
      })
    ).json().token;
    expect(
      (await http.inject({ method: 'GET', url: '/api/alerts', headers: { authorization: `Bearer ${officer}` } }))
        .statusCode,
    ).toBe(403);
  });

  it('takes new tickets as they arrive and reports its state', async () => {
    const before = service.stats.fed;
    await service.ingest([
      {
        id: 'live1',
        kind: 'complaint',
        received_at: '2026-10-01T09:00:00+08:00',
        text: '新投诉',
        complainant: { id: 'z' },
      },
    ]);
    expect(service.stats.fed).toBe(before + 1);
    const st = service.state();
    expect(st.ready).toBe(true);
    expect(st.tickets_seen).toBe(90 * 6 + 16 + 1);
    // the cursor is the newest ticket in arrival order (a gym member filed later that day than live1)
    expect(st.cursor?.received_at).toBe('2026-10-01T10:00:00.000Z');
    expect(st.open_day).toBe('2026-10-01');
    // caught up: no lag, however old the newest ticket is (a quiet night is not a detector falling behind)
    expect(st.lag_seconds).toBe(0);
  });

  it('alerts a dozen people about one business filed within minutes, the same day', async () => {
    const burst: TifTicket[] = Array.from({ length: 12 }, (_, i) => ({
      id: `live-gym${i}`,
      kind: 'complaint' as const,
      received_at: `2026-10-01T10:${String(i * 2).padStart(2, '0')}:00+08:00`,
      text: '健身房今天关门跑路，会员卡无法退款',
      complainant: { id: `lg${i}` },
      respondent: { name: '上海飞跃健身有限公司', address: '上海市徐汇区漕溪北路1号' },
    }));
    await ingestTickets(app, burst, { source: 'test', actor: SYSTEM });
    await service.ingest(burst);
    const r = await app.db.query<{ detected_at: string; complainants: number }>(
      "SELECT detected_at::text AS detected_at, complainants FROM alerts WHERE subject_label LIKE '%飞跃健身%'",
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.detected_at).toBe('2026-10-01');
  });

  it('a back-dated import updates the past by a replay, and its alerts are not new', async () => {
    const old: TifTicket[] = Array.from({ length: 14 }, (_, i) => ({
      id: `late${i}`,
      kind: 'complaint' as const,
      received_at: `${day(60 + (i % 2))}T11:00:00+08:00`,
      text: '培训机构停课不退费',
      complainant: { id: `late-p${i}` },
      respondent: { name: '上海晨光培训学校', address: '上海市徐汇区漕溪北路1号' },
    }));
    await ingestTickets(app, old, { source: 'test', actor: SYSTEM });
    await service.ingest(old);
    await service.idle();
    expect(service.state().backdated).toBe(1);
    expect(service.state().replays).toBeGreaterThanOrEqual(2);
    const r = await app.db.query<{ state: string; detail: { retrospective?: boolean } }>(
      "SELECT state, detail FROM alerts WHERE subject_label LIKE '%晨光培训%'",
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.detail.retrospective).toBe(true);
    // the replay reads every stored ticket once (live1 was handed to the detector but never stored)
    expect(service.state().tickets_seen).toBe(90 * 6 + 16 + 12 + 14);
  });

  it('the scheduler cannot cut a replay short', async () => {
    const s = new WarningService(app.db);
    const p = s.replay('2026-10-01');
    expect(await s.tick('2026-10-02')).toBe(0);
    await p;
    expect(s.state().tickets_seen).toBe(service.state().tickets_seen);
  });
});
