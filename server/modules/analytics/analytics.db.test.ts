/**
 * The analysis screen's server side: exports in CSV and XLSX with Chinese headers and labels (no English codes, no
 * embedded JSON), personal data by role, audited with the stated purpose; the cube's labels; the monthly report as a
 * PDF of at least four A4 pages, from the route and from `xiezhi report`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExcelJS } from '../../platform/export/index.js';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD } from '../access/index.js';
import type { Http } from '../../platform/http/index.js';
import { pdfPages } from './index.js';
import { CATEGORY_LABELS_EN, PROBLEM_TYPE_LABELS_EN } from '../../../shared/value-labels.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
const NAME = '欧阳明辉';
const PHONE = '13912345678';
async function get(user: string, url: string) {
  const r = await http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });
  return {
    status: r.statusCode,
    type: String(r.headers['content-type'] ?? ''),
    text: r.body,
    raw: r.rawPayload,
    json: () => r.json(),
  };
}
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
const countAudit = async (purpose: string, type = 'ticket') =>
  (
    await app.db.query<{ n: number; ids: number }>(
      `SELECT count(*)::int n, COALESCE(sum(cardinality(subject_ids)), 0)::int ids FROM audit_log WHERE action = 'analytics.export' AND purpose = $1 AND subject_type = $2`,
      [purpose, type],
    )
  ).rows[0]!;

beforeAll(async () => {
  app = await testApp('2026-11-23');
  roles = await startRoles(app, ['web'], { scheduler: false });
  http = roles.http!;
  for (const u of ['analyst', 'operator', 'admin', 'supervisor', 'officer']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
  const file = (i: number, text: string, platform?: string) =>
    http.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: `Bearer ${tokens.operator}` },
      payload: {
        kind: 'complaint',
        client_key: `an${i}`,
        text,
        complainant: {
          name: i === 0 ? NAME : `顾客${i}`,
          phone: i === 0 ? PHONE : `1391000000${i}`,
          id_number: i === 1 ? '310101195001011234' : undefined,
        },
        respondent: {
          name: platform ? `${platform}某某旗舰店` : '上海某某健身有限公司',
          address: '上海市松江区岳阳街道人民北路100号',
          ...(platform ? { platform } : {}),
        },
      },
    });
  for (const [i, text, p] of [
    [0, '健身房关门跑路，要求退还会员卡余额3000元'],
    [1, '买的保健品没有效果，老人被骗，要求退款'],
    [2, '在淘宝买的儿童玩具有异味，孩子玩了起疹子', '淘宝'],
    [3, '网购衣服质量差要求退货', '淘宝'],
  ] as [number, string, string?][]) {
    expect((await file(i, text, p)).statusCode).toBe(201);
  }
}, 300_000);
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('exports', () => {
  it('writes CSV with Chinese headers and labels, no English codes, no JSON, and nothing personal for the analyst', async () => {
    const r = await get('analyst', '/api/analytics/export.csv?purpose=' + encodeURIComponent('月度分析报告'));
    expect(r.status).toBe(200);
    const [head, ...rows] = csvRows(r.text);
    expect(head).toMatch(/^工单编号,系统编号,诉求类型,来源渠道,收件时间,诉求标题,被诉经营者/);
    expect(head).toContain('办理状态');
    expect(head).not.toContain('投诉人（脱敏）');
    expect(head).not.toContain('联系电话');
    expect(rows).toHaveLength(4);
    const cells = rows.flatMap((l) => l.split(','));
    for (const code of ['complaint', 'received', 'triage', 'accepted', 'phone', 'web', 'true', 'false'])
      expect(cells).not.toContain(code);
    expect(r.text).not.toMatch(/\{"/);
    expect(r.text).toContain('投诉');
    expect(r.text).toContain('松江区');
    for (const secret of [NAME, PHONE, '欧阳*']) expect(r.text).not.toContain(secret);
    expect(await countAudit('月度分析报告')).toEqual({ n: 1, ids: 4 });
  });

  it('gives the admin the masked complainant in columns of its own, never the original', async () => {
    const r = await get('admin', '/api/analytics/export.csv?purpose=' + encodeURIComponent('数据核查'));
    const [head, ...rows] = csvRows(r.text);
    expect(head!.endsWith('投诉人（脱敏）,联系电话（脱敏）')).toBe(true);
    const mine = rows.find((l) => l.includes('健身'))!;
    expect(mine).toMatch(/,欧\*+辉,139\*{4}5678$/);
    expect(r.text).not.toContain(NAME);
    expect(r.text).not.toContain(PHONE);
  });

  it('streams XLSX: the same Chinese sheet, every row, one audit entry with the purpose', async () => {
    const r = await get(
      'supervisor',
      '/api/analytics/export.xlsx?f=' +
        encodeURIComponent('district:310117') +
        '&purpose=' +
        encodeURIComponent('专题分析'),
    );
    expect(r.status).toBe(200);
    expect(r.type).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('工单明细');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['工单编号', '系统编号', '诉求类型']);
    expect(header).toContain('投诉人（脱敏）');
    expect(ws.actualRowCount).toBe(5);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('诉求类型')]).toBe('投诉');
    expect(row[header.indexOf('所属区')]).toBe('松江区');
    expect(row[header.indexOf('办理状态')]).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(PHONE);
    expect(await countAudit('专题分析')).toEqual({ n: 1, ids: 4 });
  });

  it('exports the cube result with dimension labels and measures, audited as a cube', async () => {
    const r = await get(
      'analyst',
      '/api/analytics/export.csv?dims=district,kind&purpose=' + encodeURIComponent('领导交办'),
    );
    expect(r.status).toBe(200);
    const [head, ...rows] = csvRows(r.text);
    expect(head).toBe('区,类型,件数,涉及人数,在办,调解成功,终止调解,ODR和解,超期件,涉及金额（元）');
    expect(rows).toEqual([expect.stringMatching(/^松江区,投诉,4,4,4,/)]);
    expect((await countAudit('领导交办', 'cube')).n).toBe(1);
    const x = await get(
      'analyst',
      '/api/analytics/export.xlsx?dims=old_young&purpose=' + encodeURIComponent('专题分析'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const labels = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(labels.sort()).toEqual(['其他', '涉未成年人', '涉老年人']);
  });

  it('refuses an export without a purpose, with a reason naming it; refuses stations', async () => {
    const r = await get('analyst', '/api/analytics/export.csv');
    expect(r.status).toBe(400);
    expect(r.json().message).toMatch(/purpose/);
    expect(r.json().message).toMatch(/用途/);
    expect((await get('analyst', '/api/analytics/export.csv?purpose=x')).status).toBe(400);
    expect((await get('analyst', '/api/analytics/export.xlsx?purpose=%E6%A0%B8%E6%9F%A5&dims=nonsense')).status).toBe(
      400,
    );
    expect((await get('officer', '/api/analytics/export.xlsx?purpose=' + encodeURIComponent('数据核查'))).status).toBe(
      403,
    );
  });
});

describe('cube', () => {
  it('labels every value in Chinese, including stations, on-time and 一老一小', async () => {
    const r = (await get('analyst', '/api/analytics/cube?dims=district,station,on_time')).json();
    expect(r.rows[0].labels.district).toBe('松江区');
    expect(r.rows[0].labels.on_time).toMatch(/按期|超期|尚无决定/);
    expect(r.rows.map((x: { labels: { station: string } }) => x.labels.station).join()).toMatch(/市场监管所|分派/);
    const oy = (await get('analyst', '/api/analytics/cube?dims=old_young')).json().rows;
    expect(Object.fromEntries(oy.map((x: { old_young: string; count: number }) => [x.old_young, x.count]))).toEqual({
      涉老年人: 1,
      涉未成年人: 1,
      其他: 2,
    });
    const pf = (await get('analyst', '/api/analytics/cube?dims=platform')).json().rows;
    expect(Object.fromEntries(pf.map((x: { platform: string; count: number }) => [x.platform, x.count]))).toEqual({
      淘宝: 2,
      '（非平台）': 2,
    });
    const dims = (await get('analyst', '/api/analytics/dimensions')).json().map((d: { key: string }) => d.key);
    expect(dims).toEqual(
      expect.arrayContaining(['station', 'on_time', 'old_young', 'platform', 'age_group', 'abnormal']),
    );
    expect(dims).not.toContain('unit');
  });
});

describe('monthly report', () => {
  it('answers the cockpit button with an A4 PDF of at least four pages; refuses a bad or future month', async () => {
    const r = await get('analyst', '/api/analytics/report.pdf?month=2026-11');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    const pdf = r.raw as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(4);
    const en = await get('analyst', '/api/analytics/report.pdf?month=2026-11&lang=en');
    expect(en.status).toBe(200);
    expect((en.raw as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('analyst', '/api/analytics/report.pdf?month=2026-11&lang=fr')).status).toBe(400);
    expect((await get('analyst', '/api/analytics/report.pdf?month=2026-13')).status).toBe(400);
    expect((await get('analyst', '/api/analytics/report.pdf?month=2027-01')).status).toBe(400);
    expect((await get('officer', '/api/analytics/report.pdf?month=2026-11')).status).toBe(403);
  }, 180_000);

  it('`xiezhi report --month` writes the PDF from a data directory and names bad input in one line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xz-report-'));
    const env = { ...process.env, XIEZHI_KEY: 'report-test-key-0123456789abcdef', DATABASE_URL: '' };
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/xiezhi.js', 'report', ...args], {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    try {
      const { openApp } = await import('../../app.js');
      const data = join(root, 'data');
      // the CLI reads a data directory: seed an embedded one even when this suite runs on the PostgreSQL server
      const url = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      try {
        const seeded = await openApp({ dataDir: data, key: env.XIEZHI_KEY, today: '2026-11-23' });
        await seeded.close();
      } finally {
        if (url !== undefined) process.env.DATABASE_URL = url;
      }
      const out = join(root, 'r.pdf');
      const line = JSON.parse(cli('--month', '2026-10', '--data', data, '--out', out).trim().split('\n').pop()!);
      expect(line).toMatchObject({ out, month: '2026-10' });
      expect(line.pages).toBeGreaterThanOrEqual(4);
      const pdf = readFileSync(out);
      expect(pdfPages(pdf)).toBe(line.pages);
      if (existsSync('/usr/bin/pdfinfo')) {
        const info = execFileSync('/usr/bin/pdfinfo', [out], { encoding: 'utf8' });
        expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(4);
        expect(info).toMatch(/A4/);
      }
      // the English reading copy: the same report worded in English, labels from shared/, no Chinese wording left
      const enOut = join(root, 'en.pdf');
      const enHtml = join(root, 'en.html');
      const en = JSON.parse(
        cli('--month', '2026-10', '--data', data, '--out', enOut, '--html', enHtml, '--lang', 'en')
          .trim()
          .split('\n')
          .pop()!,
      );
      expect(en).toMatchObject({ out: enOut, month: '2026-10', lang: 'en', tickets: line.tickets });
      expect(en.pages).toBeGreaterThanOrEqual(4);
      expect(pdfPages(readFileSync(enOut))).toBe(en.pages);
      const h = readFileSync(enHtml, 'utf8');
      expect(h).toContain('<html lang="en">');
      expect(h).toContain('The Chinese report is the authoritative version');
      expect(h).toContain('period 1 October 2026 to 31 October 2026');
      for (const w of ['本月', '上月', '环比', '同比', '诉求', '投诉举报', '一老一小', '异常名录'])
        expect(h).not.toContain(w);
      for (const k of [...Object.keys(CATEGORY_LABELS_EN), ...Object.keys(PROBLEM_TYPE_LABELS_EN)]) {
        expect(h).not.toContain(`“${k}”`);
        expect(h).not.toContain(`>${k}<`);
      }
      let err = '';
      try {
        cli('--month', '2026-10', '--data', data, '--out', out, '--lang', 'fr');
      } catch (e) {
        err = String((e as { stderr: string }).stderr);
      }
      expect(err).toMatch(/--lang must be zh or en/);
      err = '';
      try {
        cli('--month', '2026-13', '--data', data, '--out', out);
      } catch (e) {
        err = String((e as { stderr: string }).stderr);
      }
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/--month must be YYYY-MM/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);
});
