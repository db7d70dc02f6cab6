/**
 * A phone number written in a complaint text is not found in clear anywhere in the data directory (issue 11 bar):
 * files a ticket into an embedded database on disk, closes it, and scans every file — heap, indexes, WAL — for the
 * phone, the ID number and the name, in the bytes PostgreSQL would store them as (UTF-8).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from './app.js';
import { SYSTEM } from './modules/access/index.js';
import { fileTicket } from './modules/intake/index.js';
import { TEST_KEY } from './test/db.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe.skipIf(!!process.env.DATABASE_URL)('data directory at rest', () => {
  it('holds no phone, ID number or name from a complaint text in clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xiezhi-rest-'));
    try {
      const app = await openApp({ dataDir: dir, key: TEST_KEY, today: '2026-11-23' });
      const r = await fileTicket(app, SYSTEM, {
        kind: 'complaint',
        channel: 'web',
        title: '欧阳娜娜投诉健身房',
        text: '本人欧阳娜娜，身份证号110105194912310021，手机139 8765 4321，在上海某某健身管理有限公司办了年卡，要求退款。同时举报该店无证经营。',
        respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
      });
      expect(r.created).toBe(true);
      await app.db.exec('CHECKPOINT');
      await app.close();
      const needles = ['13987654321', '139 8765 4321', '8765 4321', '110105194912310021', '欧阳娜娜'].map((s) =>
        Buffer.from(s, 'utf8'),
      );
      const all = files(dir);
      expect(all.length).toBeGreaterThan(10);
      const hits = all.filter((f) => {
        const b = readFileSync(f);
        return needles.some((n) => b.includes(n));
      });
      expect(
        hits.map(
          (f) =>
            `${f}: ${needles
              .filter((n) => readFileSync(f).includes(n))
              .map(String)
              .join(',')}`,
        ),
      ).toEqual([]);
      // and the redacted text is there (the scan reads what PGlite wrote)
      expect(all.some((f) => readFileSync(f).includes(Buffer.from('139****4321', 'utf8')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
