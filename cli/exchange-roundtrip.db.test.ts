/**
 * Issue 14's round-trip bar through the real command line (bin/xiezhi.js, one process per command, as a bureau runs
 * it): `demo --no-serve` loads a small city, `export` writes it as TIF, `import` into an empty data directory prints
 * `{"imported": n, "rejected": 0, …}` with n the lines exported, and both directories hold the same tickets in the
 * same statuses. exchange.db.test.ts covers the same use cases in-process (and the spreadsheet layout).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../server/platform/db/index.js';

const root = mkdtempSync(join(tmpdir(), 'xz-exchange-cli-'));
// the CLI works on embedded data directories here, also when this suite runs against the PostgreSQL server
const env = {
  ...process.env,
  XIEZHI_KEY: 'exchange-cli-test-key-0123456789ab',
  DATABASE_URL: '',
  XIEZHI_PROGRESS: '0',
};
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['bin/xiezhi.js', ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop()!);

async function snapshot(dataDir: string) {
  const db = await openDb({ dataDir });
  try {
    const rows = (
      await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM tickets GROUP BY 1 ORDER BY 1',
      )
    ).rows;
    return { total: rows.reduce((s, r) => s + r.n, 0), statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  } finally {
    await db.close();
  }
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('xiezhi export → xiezhi import (the real CLI)', () => {
  it('gives the same ticket count and statuses in an empty directory, imported = lines exported, rejected 0', async () => {
    const city = join(root, 'city');
    const empty = join(root, 'empty');
    const file = join(root, 'city.jsonl');
    cli('demo', '--data', city, '--tickets', '300', '--seed', '7', '--no-serve');
    const exported = lastJson(cli('export', '--data', city, '--out', file));
    const lines = readFileSync(file, 'utf8').trim().split('\n').length;
    expect(exported).toMatchObject({ exported: lines, format: 'tif' });
    const imported = lastJson(cli('import', file, '--data', empty));
    expect(imported).toEqual({ imported: lines, rejected: 0, skipped: 0 });
    const before = await snapshot(city);
    const after = await snapshot(empty);
    // a simulated year of handling: work in many states, so a status lost on the way would show
    expect(Object.keys(before.statuses).length).toBeGreaterThan(5);
    expect(after).toEqual(before);
    // the same file again stores nothing twice
    expect(lastJson(cli('import', file, '--data', empty))).toEqual({ imported: 0, rejected: 0, skipped: lines });
  }, 600_000);
});
