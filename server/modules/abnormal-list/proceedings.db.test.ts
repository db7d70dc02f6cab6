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
    t.push({
      id: `rep${i}`,
      kind: 'report',
      received_at: `${day(i * 20)}T09:00:00+08:00`,
      complainant: { id: 'REP', name: '李某', phone: '13712345678' },
      respondent: { name: `上海某${'甲乙丙丁戊己庚辛'[i]}商店` },
      labels: { goods_service: '食品类', problem: '标签标识' },
      text: `举报第${i}家商店销售的食品标签不规范，要求依法查处并给予举报奖励`,
    });
  }
  for (let i = 0; i < 100; i++) {
    t.push({
      id: `ord${i}`,
      kind: 'complaint',
      received_at: `${day(i * 5)}T10:00:00+08:00`,
      complainant: { id: `O${i}`, name: `消费者${i}`, phone: `1390000${String(i).padStart(4, '0')}` },
      respondent: { name: `上海普通商户${i % 7}有限公司` },
      labels: { goods_service: '服装鞋帽类', problem: '售后服务' },
      text: `买的衣服有问题要求退货（${i}）`,
    });
  }
  await ingestTickets(app, t, { source: 'test', actor: SYSTEM });
  // the reports were handled by the officer's station and not opened as cases
  await app.db
    .query(`UPDATE tickets SET outcome = 'not_opened', status = 'closed', unit_id = (SELECT unit_id FROM users WHERE username = 'officer'),
    district_code = (SELECT u.district_code FROM units u JOIN users s ON s.unit_id = u.id WHERE s.username = 'supervisor') WHERE source_id LIKE 'rep%'`);
  ids.push(
    ...(
      await app.db.query<{ id: string }>("SELECT id FROM tickets WHERE source_id LIKE 'rep%' ORDER BY source_id")
    ).rows.map((r) => r.id),
  );
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
      [0, 'disclosure', '2026-03-10', '已答复'],
      [1, 'disclosure', '2026-04-02', '已答复'],
      [2, 'disclosure', '2026-05-20', '不予公开'],
      [0, 'review', '2026-04-15', '维持原处理决定'],
      [1, 'lawsuit', '2026-06-01', '驳回诉讼请求'],
      [2, 'review', '2026-07-01', '维持'],
      [3, 'discipline', '2026-08-01', '经核查不属实'],
      [4, 'discipline', '2026-09-01', '经核查不属实'],
    ];
    for (const [i, kind, filed_on, result] of recs) {
      const r = await call('officer', 'POST', `/api/tickets/${ids[i]}/proceedings`, { kind, filed_on, result });
      expect(r.status).toBe(201);
    }
    const list = await call('officer', 'GET', url);
    expect(list.body.items.map((p: { kind_label: string }) => p.kind_label)).toEqual(['政府信息公开申请', '行政复议']);
    const tl = await app.db.query<{ n: number }>(
      `SELECT count(*)::int n FROM ticket_events WHERE ticket_id = $1 AND type = 'proceeding_recorded'`,
      [ids[0]],
    );
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
    expect(
      (
        await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, {
          action: 'list',
          legal_basis: '岳市监〔2024〕16号 三(二)、三(三)',
        })
      ).body.state,
    ).toBe('listed');
    const s = await call('partner', 'GET', '/api/partner/abnormal?purpose=核查牟利性举报线索');
    const row = s.body.entries[0] as PartnerListRow;
    expect(row.reports).toBe(8);
    expect(row.disclosure_requests).toBe(3);
    expect(row.reviews_lawsuits).toBe(3);
    expect(row.discipline_reports).toBe(2);
  });
});

describe('simplified handling and officers proposals', () => {
  it('after the one-time notice, a new complaint of the listed person is proposed for decline with the ground', async () => {
    const id = (await call('supervisor', 'GET', '/api/abnormal')).body.items[0].id as string;
    expect((await call('supervisor', 'POST', `/api/abnormal/${id}/actions`, { action: 'notify' })).body.state).toBe(
      'notified',
    );
    await ingestTickets(
      app,
      [
        {
          id: 'rep-new',
          kind: 'complaint',
          received_at: '2026-11-20T09:00:00+08:00',
          complainant: { id: 'REP', name: '李某', phone: '13712345678' },
          text: '又发现食品标签不规范，要求退款赔偿，同时举报该店，请依法查处',
          extra: { has_report_part: true },
        },
      ],
      { source: 'test', actor: SYSTEM },
    );
    const tid = (await app.db.query<{ id: string }>("SELECT id FROM tickets WHERE source_id = 'rep-new'")).rows[0]!.id;
    const r = await call('admin', 'GET', `/api/tickets/${tid}/risk`);
    expect(r.body.handling.complaint).toBe('simplified');
    expect(r.body.suggestion.decision).toBe('建议不予受理投诉部分');
    expect(r.body.suggestion.ground).toContain('第十五条第三项');
    expect(r.body.suggestion.notice).toContain('七个工作日');
    // the report part, split into its own ticket at intake, is verified as usual: no decline proposed for it
    const rid = (await app.db.query<{ id: string }>('SELECT id FROM tickets WHERE parent_id = $1', [tid])).rows[0]!.id;
    const rep = await call('admin', 'GET', `/api/tickets/${rid}/risk`);
    expect(rep.body.handling).toEqual({ complaint: 'none', report: 'verify' });
    expect(rep.body.suggestion).toBeNull();
    expect(JSON.stringify(r.body.entry.criteria)).not.toMatch(/\bT[0-9a-f]{23}/); // evidence cites ticket numbers
  });

  it('the one-time notice is a document; the person appeals on the portal with its number and code', async () => {
    const id = (await call('supervisor', 'GET', '/api/abnormal')).body.items[0].id as string;
    const html = await http.inject({
      method: 'GET',
      url: `/api/abnormal/${id}/notice`,
      headers: { authorization: `Bearer ${tok.supervisor}` },
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('投诉举报异常名录一次性告知书');
    expect(html.body).toContain('第十五条第三项');
    const doc = (await call('supervisor', 'GET', `/api/abnormal/${id}/notice?format=json`)).body as {
      number: string;
      code: string;
    };
    // its English reading copy: the same number and code, the articles in English, audited as an English view
    const en = await http.inject({
      method: 'GET',
      url: `/api/abnormal/${id}/notice?lang=en`,
      headers: { authorization: `Bearer ${tok.supervisor}` },
    });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('The Chinese version of this document is the authoritative one');
    expect(en.body).toContain('Article 15, item (3) of the Interim Measures');
    expect(en.body).toContain(doc.number);
    expect(en.body).toContain(`<b>${doc.code}</b>`);
    const viewed = await app.db.query<{ detail: { lang?: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'document.view' AND subject_id = $1 ORDER BY seq DESC LIMIT 1",
      [id],
    );
    expect(viewed.rows[0]!.detail.lang).toBe('en');
    const appeal = (payload: object) => http.inject({ method: 'POST', url: '/api/public/abnormal-appeals', payload });
    expect((await appeal({ notice_no: doc.number, code: '000000x', reason: '本人举报均有事实依据' })).statusCode).toBe(
      400,
    );
    expect(
      (await appeal({ notice_no: '市监异告〔2026〕00000000号', code: doc.code, reason: '本人举报均有事实依据' }))
        .statusCode,
    ).toBe(400);
    const ok = await appeal({ notice_no: doc.number, code: doc.code, reason: '本人举报均有事实依据，请求复核' });
    expect(ok.statusCode).toBe(201);
    const e = await call('supervisor', 'GET', `/api/abnormal/${id}`);
    expect(e.body.state_label).toBe('申诉中');
    expect(e.body.actions).toEqual(expect.arrayContaining(['dismiss_appeal', 'remove']));
  });

  it('an officer proposes a person under 其他滥用投诉的行为 with evidence; it enters the review', async () => {
    const rows = (await app.db.query<{ id: string; no: string }>("SELECT id, no FROM tickets WHERE source_id = 'ord0'"))
      .rows;
    await app.db.query(
      `UPDATE tickets SET unit_id = (SELECT unit_id FROM users WHERE username = 'officer') WHERE id = $1`,
      [rows[0]!.id],
    );
    const url = `/api/tickets/${rows[0]!.id}/abnormal-proposal`;
    expect((await call('officer', 'POST', url, { evidence: '太短', ticket_nos: [] })).status).toBe(400);
    const other = (await app.db.query<{ no: string }>("SELECT no FROM tickets WHERE source_id = 'ord1'")).rows[0]!.no;
    const bad = await call('officer', 'POST', url, {
      evidence: '该投诉人以退货为名反复索要赠品后再投诉',
      ticket_nos: [other],
    });
    expect(bad.status).toBe(400); // ord1 is another person's ticket
    const ok = await call('officer', 'POST', url, {
      evidence: '该投诉人以退货为名反复索要赠品后再投诉，电话录音在卷',
      ticket_nos: [],
    });
    expect(ok.status).toBe(400); // must cite at least one more ticket of the same person
    await ingestTickets(
      app,
      [
        {
          id: 'ord0b',
          kind: 'complaint',
          received_at: '2026-11-10T09:00:00+08:00',
          complainant: { id: 'O0', name: '消费者0', phone: '13900000000' },
          respondent: { name: '上海普通商户0有限公司' },
          text: '再次要求退货并索要赠品',
        },
      ],
      { source: 'test', actor: SYSTEM },
    );
    const same = (await app.db.query<{ no: string }>("SELECT no FROM tickets WHERE source_id = 'ord0b'")).rows[0]!.no;
    const r = await call('officer', 'POST', url, {
      evidence: '该投诉人以退货为名反复索要赠品后再投诉，电话录音在卷',
      ticket_nos: [same],
    });
    expect(r.status).toBe(201);
    expect(r.body.state).toBe('proposed');
    expect(r.body.criteria[0].label).toBe('其他滥用投诉的行为');
    expect(r.body.criteria[0].evidence).toContain(same);
    expect(
      (
        await call('officer', 'POST', url, {
          evidence: '该投诉人以退货为名反复索要赠品后再投诉，电话录音在卷',
          ticket_nos: [same],
        })
      ).status,
    ).toBe(409);
    const list = await call('analyst', 'GET', '/api/abnormal?state=proposed');
    expect(
      list.body.items.some((e: { criteria: { label: string }[] }) => e.criteria[0]!.label === '其他滥用投诉的行为'),
    ).toBe(true);
  });
});
