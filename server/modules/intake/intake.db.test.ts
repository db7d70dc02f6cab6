import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { testApp } from '../../test/db.js';
import { SYSTEM } from '../access/index.js';
import { ticketRepo } from '../workflow/index.js';
import { importFile } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;
const dir = mkdtempSync(join(tmpdir(), 'xz-import-'));
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.closeDb();
});

const line = (o: object) => JSON.stringify(o);
const good = (i: number, extra: object = {}) =>
  line({
    id: `G${i}`,
    kind: 'complaint',
    received_at: '2026-09-30T10:00:00',
    text: `第${i}号投诉：在店里买的手机屏幕坏了，要求退货退款，商家不理。编号${i}`,
    complainant: { id: `P${i}`, name: '张三', phone: `1380013${String(i).padStart(4, '0')}` },
    respondent: { name: '上海某通讯器材有限公司', address: '上海市松江区岳阳街道人民北路1号' },
    ...extra,
  });

describe('import', () => {
  it('imports good lines, rejects bad ones with line numbers, and never duplicates on retry', async () => {
    const f = join(dir, 'a.jsonl');
    writeFileSync(
      f,
      [
        good(1),
        '{not json',
        good(2),
        line({ id: 'X', text: 'no date' }),
        '',
        line({ received_at: '2026-01-01' }),
        good(3),
      ].join('\n'),
    );
    const rejected: [number, string][] = [];
    const r1 = await importFile(app, { file: f, actor: SYSTEM, onRejected: (l, why) => rejected.push([l, why]) });
    expect(r1).toMatchObject({ imported: 3, rejected: 3, skipped: 0 });
    expect(rejected).toEqual([
      [2, 'invalid JSON'],
      [4, 'missing received_at'],
      [6, 'missing id'],
    ]);
    const before = await ticketRepo.count(app.db);
    const r2 = await importFile(app, { file: f, actor: SYSTEM });
    expect(r2).toMatchObject({ imported: 0, rejected: 3, skipped: 3 });
    expect(await ticketRepo.count(app.db)).toBe(before);
  });

  it('reads gzip TIF and reports a corrupt gzip clearly', async () => {
    const f = join(dir, 'b.jsonl.gz');
    writeFileSync(f, gzipSync([good(11), good(12)].join('\n')));
    expect((await importFile(app, { file: f, actor: SYSTEM })).imported).toBe(2);
    const bad = join(dir, 'c.jsonl.gz');
    writeFileSync(bad, 'plain text, not gzip');
    await expect(importFile(app, { file: bad, actor: SYSTEM })).rejects.toThrow(/gzip/);
  });

  it('imports CSV with Chinese headers and XLSX', async () => {
    const f = join(dir, 'd.csv');
    writeFileSync(
      f,
      '\uFEFF工单编号,登记时间,诉求类型,诉求内容,被投诉单位,被投诉单位地址\nC1,2026/10/9 9:30,投诉,"健身房关门了，会员卡余额3000元,要求退款",某健身,上海市闵行区七宝镇漕宝路1号\nC2,,投诉,缺日期,某店,\n',
    );
    const rej: number[] = [];
    const r = await importFile(app, { file: f, actor: SYSTEM, onRejected: (l) => rej.push(l) });
    expect(r).toMatchObject({ imported: 1, rejected: 1 });
    expect(rej).toEqual([3]);
    const { ExcelJS } = await import('../../platform/export/index.js');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['id', 'received_at', 'kind', 'text']);
    ws.addRow(['X1', '2026-10-12', '咨询', '请问预付卡怎么退']);
    const x = join(dir, 'e.xlsx');
    await wb.xlsx.writeFile(x);
    expect((await importFile(app, { file: x, actor: SYSTEM })).imported).toBe(1);
    await expect(importFile(app, { file: join(dir, 'e.txt'), actor: SYSTEM })).rejects.toThrow(/not found|unsupported/);
  });

  it('splits a complaint holding a report part into two linked tickets', async () => {
    const f = join(dir, 'f.jsonl');
    writeFileSync(f, good(21, { text: '买到过期食品，要求退款赔偿，并举报该店销售过期食品，要求依法查处' }));
    const r = await importFile(app, { file: f, actor: SYSTEM });
    expect(r).toMatchObject({ imported: 1, split: 1 });
    const parent = (await app.db.query<{ id: string }>("SELECT id FROM tickets WHERE source_id = 'G21'")).rows[0]!;
    const child = (
      await app.db.query<{ kind: string; parent_id: string }>(
        'SELECT kind, parent_id FROM tickets WHERE parent_id = $1',
        [parent.id],
      )
    ).rows;
    expect(child).toEqual([{ kind: 'report', parent_id: parent.id }]);
  });

  it('links a resubmission of the same complaint by the same person instead of handling it twice', async () => {
    const f = join(dir, 'g.jsonl');
    const base = {
      kind: 'complaint',
      text: '美容院突然关门，预付卡里还有五千元，要求退款！！',
      complainant: { id: 'PX', phone: '13911112222' },
      respondent: { name: '某美容', address: '上海市黄浦区南京东路街道1号' },
    };
    writeFileSync(
      f,
      [
        line({ id: 'R1', received_at: '2026-10-10', ...base }),
        line({ id: 'R2', received_at: '2026-10-11', ...base, text: '美容院突然关门，预付卡里还有五千元，要求退款' }),
      ].join('\n'),
    );
    const r = await importFile(app, { file: f, actor: SYSTEM });
    expect(r.duplicates).toBe(1);
    const rows = (
      await app.db.query<{ source_id: string; status: string; duplicate_of: string | null }>(
        "SELECT source_id, status, duplicate_of FROM tickets WHERE source_id IN ('R1','R2') ORDER BY source_id",
      )
    ).rows;
    expect(rows[0]!.status).toBe('received');
    expect(rows[1]!.status).toBe('duplicate');
    expect(rows[1]!.duplicate_of).not.toBeNull();
  });

  it('stores personal data only encrypted', async () => {
    const r = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM tickets WHERE complainant_enc LIKE '%1380013%' OR complainant_display::text LIKE '%13800130001%'",
    );
    expect(r.rows[0]!.n).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await expect(app.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(app.db.query("UPDATE ticket_events SET type = 'x'")).rejects.toThrow(/append-only/);
  });
});

describe('repeats are per person', () => {
  it('does not link near-identical texts of different people (a group dispute is not a duplicate)', async () => {
    const f = join(dir, 'h.jsonl');
    const base = { kind: 'complaint', respondent: { name: '某健身', address: '上海市黄浦区南京东路街道1号' } };
    writeFileSync(
      f,
      [1, 2, 3]
        .map((i) =>
          line({
            id: `GRP${i}`,
            received_at: '2026-10-10',
            ...base,
            text: `健身房关门了，会员卡余额${i}000元要求退款`,
            complainant: { id: `member${i}` },
          }),
        )
        .join('\n'),
    );
    const r = await importFile(app, { file: f, actor: SYSTEM });
    expect(r).toMatchObject({ imported: 3, duplicates: 0 });
  });
});
