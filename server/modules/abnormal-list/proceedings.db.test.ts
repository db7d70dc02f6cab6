/**
 * 关联程序 recorded by officers, and the platform's own outcomes, feed the criteria and the three list fields of the
 * Yueyang guidance (政府信息公开申请数量、复议或者诉讼数量、向纪检监察部门举报数量) that used to be always 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { buildHttp } from '../../http.js';
import { SYSTEM, DEMO_PASSWORD } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import type { TifTicket } from '../../../shared/tif.js';
import type { Http } from '../../platform/http/index.js';
import { abnormalRoutes } from './http/routes.js';
import { proposeEntries } from './commands/propose-entries.js';
import type { PartnerListRow } from '../../../shared/partner.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const tok: Record<string, string> = {};
const day = (i: number) => new Date(Date.parse('2026-03-01') + i * 86_400_000).toISOString().slice(0, 10);
async function call(u: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tok[u]}` } });
  return { status: r.statusCode, body: r.json() };
}
const ids: string[] = [];

beforeAll(async () => {
  app = await testApp('2026-11-23');
  const t: TifTicket[] = [];
  // a reporter whose reports against different shops are, one after another, not opened as cases
  for (let i = 0; i < 8; i++) {
    t.push({ id: `rep${i}`, kind: 'report', received_at: `${day(i * 20)}T09:00:00+08:00`, complainant: { id: 'REP', name: '李某', phone: '13712345678' },
      respondent: { name: `上海某${'甲乙丙丁戊己庚辛'[i]}商店` }, labels: { goods_service: '食品类', problem: '标签标识' }, text: `举报第${i}家商店销售的食品标签不规范，要求依法查处并给予举报奖励` });
  }
  for (let i = 0; i < 100; i++) {
    t.push({ id: `ord${i}`, kind: 'complaint', received_at: `${day(i * 5)}T10:00:00+08:00`, complainant: { id: `O${i}`, name: `消费者${i}`, phone: `1390000${String(i).padStart(4, '0')}` },
      respondent: { name: `上海普通商户${i % 7}有限公司` }, labels: { goods_service: '服装鞋帽类', problem: '售后服务' }, text: `买的衣服有问题要求退货（${i}）` });
  }
  await ingestTickets(app, t, { source: 'test', actor: SYSTEM });
  // the reports were handled by the officer's station and not opened as cases
  await app.db.query(`UPDATE tickets SET outcome = 'not_opened', status = 'closed', unit_id = (SELECT unit_id FROM users WHERE username = 'officer'),
    district_code = (SELECT u.district_code FROM units u JOIN users s ON s.unit_id = u.id WHERE s.username = 'supervisor') WHERE source_id LIKE 'rep%'`);
  ids.push(...(await app.db.query<{ id: string }>("SELECT id FROM tickets WHERE source_id LIKE 'rep%' ORDER BY source_id")).rows.map((r) => r.id));
  http = await buildHttp(app, [(h, a) => abnormalRoutes(h, a)]);
  for (const u of ['supervisor', 'officer', 'analyst', 'partner', 'admin']) {
    tok[u] = (await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })).json().token;
  }
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

describe('related proceedings (关联程序)', () => {
  it('an officer records them on a ticket; bad input is refused with a reason', async () => {
    const url = `/api/tickets/${ids[0]}/proceedings`;
    expect((await call('officer', 'POST', url, { kind: 'appeal', filed_on: '2026-04-01' })).status).toBe(400);
    expect((await call('officer', 'POST', url, { kind: 'review', filed_on: '2026-02-30' })).status).toBe(400);
    const future = await call('officer', 'POST', url, { kind: 'review', filed_on: '2026-12-30' });
    expect(future.status).toBe(400);
    expect(future.body.message ?? future.body.error).toMatch(/晚于今天/);
    expect((await call('partner', 'POST', url, { kind: 'review', filed_on: '2026-04-01' })).status).toBe(403);
    const recs: [number, string, string, string][] = [
      [0, 'disclosure', '2026-03-10', '已答复'], [1, 'disclosure', '2026-04-02', '已答复'], [2, 'disclosure', '2026-05-20', '不予公开'],
      [0, 'review', '2026-04-15', '维持原处理决定'], [1, 'lawsuit', '2026-06-01', '驳回诉讼请求'], [2, 'review', '2026-07-01', '维持'],
      [3, 'discipline', '2026-08-01', '经核查不属实'], [4, 'discipline', '2026-09-01', '经核查不属实'],
    ];
    for (const [i, kind, filed_on, result] of recs) {
      const r = await call('officer', 'POST', `/api/tickets/${ids[i]}/proceedings`, { kind, filed_on, result });
      expect(r.status).toBe(201);
    }
    const list = await call('officer', 'GET', url);
    expect(list.body.items.map((p: { kind_label: string }) => p.kind_label)).toEqual(['政府信息公开申请', '行政复议']);
    const tl = await app.db.query<{ n: number }>(`SELECT count(*)::int n FROM ticket_events WHERE ticket_id = $1 AND type = 'proceeding_recorded'`, [ids[0]]);
    expect(tl.rows[0]!.n).toBe(2);
  });

  it('feed the criteria with ticket numbers and dates, and count in the shared list fields', async () => {
    expect((await proposeEntries(app)).proposed).toBe(1);
    const list = await call('supervisor', 'GET', '/api/abnormal');
    const id = list.body.items[0].id as string;
    const e = await call('supervisor', 'GET', `/api/abnormal/${id}`);
    const codes = e.body.criteria.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['untrue_reports', 'litigation']));
    const lit = e.body.criteria.find((c: { code: string }) => c.code === 'litigation').evidence as string;
    expect(lit).toContain('政府信息公开申请3次');
    expect(lit).toContain('行政复议2次、行政诉讼1次');
    expect(lit).toContain('向纪检监察部门举报2次');
    expect(lit).toMatch(/2026-03-10申请政府信息公开（工单XZ/); // cites the ticket number, not an internal id
    expect(e.body.proceedings).toHaveLength(8);
    await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'start_review' });
    expect((await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'list', legal_basis: '岳市监〔2024〕16号 三(二)、三(三)' })).body.state).toBe('listed');
    const s = await call('partner', 'GET', '/api/partner/abnormal?purpose=核查牟利性举报线索');
    const row = s.body.entries[0] as PartnerListRow;
    expect(row.reports).toBe(8);
    expect(row.disclosure_requests).toBe(3);
    expect(row.reviews_lawsuits).toBe(3);
    expect(row.discipline_reports).toBe(2);
  });
});
