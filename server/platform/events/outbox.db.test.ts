import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { readEvents } from './outbox.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.closeDb());

describe('reading the outbox', () => {
  it('goes in numeric xid order across a digit boundary, so a batch never ends past an unread event', async () => {
    const xmin = BigInt(
      (await app.db.query<{ x: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x')).rows[0]!.x,
    );
    // the largest power of ten a few below xmin: events of finished transactions on both sides of it
    let b = 1n;
    while (b * 10n <= xmin - 5n) b *= 10n;
    const xids = [b - 2n, b - 1n, b, b + 1n];
    await app.db.query(
      `INSERT INTO outbox (type, subject, xid) SELECT 'test.order', 's' || x, x::xid8 FROM unnest($1::text[]) AS x`,
      [xids.map(String)],
    );
    const from = { xid: String(b - 3n), id: Number.MAX_SAFE_INTEGER };
    const all = await readEvents(app.db, from, 1000);
    const numeric = all.map((e) => BigInt(e.xid));
    expect(numeric).toEqual([...numeric].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(all.filter((e) => e.type === ('test.order' as string)).map((e) => e.xid)).toEqual(xids.map(String));
  });
});
