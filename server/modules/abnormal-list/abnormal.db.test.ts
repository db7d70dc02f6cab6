import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { buildHttp } from '../../http.js';
import { SYSTEM, DEMO_PASSWORD } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import type { TifTicket } from '../../../shared/tif.js';
import type { Http } from '../../platform/http/index.js';
import { abnormalRoutes } from './http/routes.js';
import { proposeEntries } from './commands/propose-entries.js';
import { PARTNER_FIELDS, type PartnerListRow } from '../../../shared/partner.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const tok: Record<string, string> = {};
const day = (i: number) => new Date(Date.parse('2026-03-01') + i * 86_400_000).toISOString().slice(0, 10);
async function call(u: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tok[u]}` } });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  app = await testApp('2026-11-23');
  const t: TifTicket[] = [];
  const shops = ['上海甲食品商行', '上海乙超市有限公司', '上海丙便利店', '上海丁食品有限公司', '上海戊商贸有限公司'];
  // a professional claimant: 40 templated food-label complaints, 十倍赔偿, bulk purchases, across shops
  for (let i = 0; i < 40; i++) {
    t.push({
      id: `pro${i}`,
      kind: 'complaint',
      received_at: `${day(i * 4)}T09:00:00+08:00`,
      complainant: {
        id: 'PRO',
        name: '王某某',
        phone: '13612345678',
        id_number: '310101198001011234',
        address: '上海市松江区岳阳街道某路1号',
      },
      respondent: { name: shops[i % 5], address: '上海市松江区岳阳街道人民北路10号' },
      labels: { goods_service: '食品类', problem: '质量' },
      text: `本人于${day(i * 4)}在贵店购买进口饼干${20 + i}盒，发现该商品无中文标签，违反食品安全法第九十七条，依据食品安全法第一百四十八条要求退款并十倍赔偿，否则向市场监管部门举报。`,
    });
  }
  // ordinary consumers: one or two varied complaints each
  const texts = [
    '买的羽绒服跑绒严重要求退货',
    '手机屏幕三天就坏了要求换货',
    '理发店办卡后关门要求退款',
    '外卖里有头发要求道歉',
    '装修公司拖延工期要求赔偿',
    '网购的鞋子尺码不对不给退',
  ];
  for (let i = 0; i < 120; i++) {
    t.push({
      id: `ord${i}`,
      kind: 'complaint',
      received_at: `${day(i % 200)}T10:00:00+08:00`,
      complainant: { id: `O${i}`, name: `消费者${i}`, phone: `1390000${String(i).padStart(4, '0')}` },
      respondent: { name: `上海普通商户${i % 30}有限公司`, address: '上海市松江区岳阳街道人民北路20号' },
      labels: { goods_service: i % 2 ? '服装鞋帽类' : '生活、社会服务类', problem: '售后服务' },
      text: `${texts[i % texts.length]}（${i}）`,
    });
  }
  await ingestTickets(app, t, { source: 'test', actor: SYSTEM });
  http = await buildHttp(app, [(h, a) => abnormalRoutes(h, a)]);
  for (const u of ['supervisor', 'officer', 'analyst', 'partner', 'admin']) {
    tok[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('abnormal list due process', () => {
  let id = '';
  it('the model proposes the professional claimant with criteria and evidence, and nobody ordinary', async () => {
    const r = await proposeEntries(app);
    expect(r.proposed).toBe(1);
    const list = await call('supervisor', 'GET', '/api/abnormal');
    expect(list.body.items).toHaveLength(1);
    const e = list.body.items[0];
    expect(e.state).toBe('proposed');
    expect(e.criteria.length).toBeGreaterThan(0);
    expect(e.criteria.every((c: { evidence: string }) => c.evidence.length > 0)).toBe(true);
    expect(e.display.name).toBe('王*某');
    id = e.id;
    // the English evidence is stored beside the Chinese and cited by ticket number, like it
    const d = (await call('supervisor', 'GET', `/api/abnormal/${id}`)).body;
    for (const c of d.criteria as { code: string; evidence: string; evidence_en?: string }[]) {
      expect(c.evidence_en, c.code).toBeTruthy();
      expect(c.evidence_en!.replace(/“[^”]*”/g, ''), c.code).not.toMatch(/[\u3400-\u9fff\uff00-\uffef]/);
      expect(c.evidence_en!.match(/XZ\d+/g) ?? [], c.code).toEqual(c.evidence.match(/XZ\d+/g) ?? []);
      expect(c.evidence_en, c.code).not.toMatch(/\bT[0-9a-f]{23}/);
    }
    expect((await proposeEntries(app)).proposed).toBe(0); // an open proposal is not proposed twice
  });

  it('only a supervisor decides, with a legal basis; listing flags the tickets and a later ticket', async () => {
    expect((await call('officer', 'GET', '/api/abnormal')).status).toBe(403);
    expect((await call('officer', 'POST', `/api/abnormal/${id}/actions`, { action: 'start_review' })).status).toBe(403);
    expect(
      (await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'list', legal_basis: 'x' })).status,
    ).toBe(409);
    expect(
      (await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'start_review' })).body.state,
    ).toBe('under_review');
    expect((await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'list' })).status).toBe(400);
    const l = await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, {
      action: 'list',
      legal_basis: '《上海市消费者权益保护条例》第六十六条第二款；总局令第121号第十六条第一款第三项',
    });
    expect(l.body.state).toBe('listed');
    const flagged = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM tickets WHERE abnormal AND source_id LIKE 'pro%'",
    );
    expect(flagged.rows[0]!.n).toBe(40);
    await ingestTickets(
      app,
      [
        {
          id: 'pro-new',
          kind: 'complaint',
          received_at: '2026-11-20T09:00:00+08:00',
          complainant: { id: 'PRO', phone: '13612345678', id_number: '310101198001011234' },
          text: '又买了30盒饼干无中文标签要求十倍赔偿',
        },
      ],
      { source: 'test', actor: SYSTEM },
    );
    expect(
      (await app.db.query<{ abnormal: boolean }>("SELECT abnormal FROM tickets WHERE source_id = 'pro-new'")).rows[0]!
        .abnormal,
    ).toBe(true);
    expect((await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'notify' })).body.state).toBe(
      'notified',
    );
    expect((await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'notify' })).status).toBe(409);
  });

  it('shares the list masked with a stated purpose; clear text only for allowed roles, audited', async () => {
    expect((await call('partner', 'GET', '/api/partner/abnormal?purpose=x')).status).toBe(400);
    const s = await call('partner', 'GET', '/api/partner/abnormal?purpose=公安机关核查敲诈勒索线索');
    expect(s.body.count).toBe(1);
    const row = s.body.entries[0] as PartnerListRow;
    expect(row.phone).toMatch(/^136\*+5678$/);
    expect(row.id_number).toMatch(/^310\*+1234$/);
    expect(row.masked).toBe(true);
    expect(row.complaints).toBeGreaterThanOrEqual(40);
    expect(row.issues.length).toBeGreaterThan(0);
    // every field of the guidance is in the row, under the key the web page reads
    for (const [k] of PARTNER_FIELDS) expect(row).toHaveProperty(k);
    expect((await call('partner', 'GET', '/api/partner/abnormal?purpose=核查线索&unmasked=true')).status).toBe(403);
    const clear = await call('analyst', 'GET', `/api/abnormal/${id}?reveal=true&purpose=复核列入依据`);
    expect(clear.body.person.phone).toBe('13612345678');
    const a = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM audit_log WHERE action IN ('abnormal.share','personal_data.view') AND purpose IS NOT NULL",
    );
    expect(a.rows[0]!.n).toBe(2);
  });

  it('appeal, then removal lifts the flags', async () => {
    expect(
      (
        await call('officer', 'POST', `/api/abnormal/${id}/actions`, {
          action: 'appeal',
          reason: '本人系为家庭聚会购买',
        })
      ).body.state,
    ).toBe('appealed');
    expect(
      (await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'remove', reason: '申诉成立' })).body
        .state,
    ).toBe('removed');
    const flagged = await app.db.query<{ n: number }>('SELECT count(*)::int n FROM tickets WHERE abnormal');
    expect(flagged.rows[0]!.n).toBe(0);
  });
});
