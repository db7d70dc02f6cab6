/** Ticket numbers per shard (migration 0170): one deployment keeps XZ+date+7 digits; a shard writes its prefix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { SYSTEM } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import { ticketRepo } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
}, 120_000);
afterAll(async () => {
  await app.closeDb();
});

const file = async (id: string) => {
  const r = await ingestTickets(
    app,
    [{ id, kind: 'complaint', received_at: '2026-11-23T10:00:00+08:00', text: '预付卡余额不退' }],
    { source: 'test', actor: SYSTEM },
  );
  return (await ticketRepo.get(app.db, r.ids[0]!))!;
};

describe('ticket numbers without one global sequence', () => {
  it('a deployment of one keeps the old form; a shard puts its prefix between date and counter; old numbers stay', async () => {
    const first = await file('no-1');
    const before = first.no;
    expect(before).toMatch(/^XZ20261123\d{7}$/);
    await ticketRepo.setShardPrefix(app.db, '21');
    const after = (await file('no-2')).no;
    expect(after).toMatch(/^XZ2026112321\d{7}$/);
    // the counter goes on: numbers of two shards differ by prefix, numbers of one shard by counter
    expect(Number(after.slice(-7))).toBeGreaterThan(Number(before.slice(-7)));
    expect((await ticketRepo.get(app.db, first.id))!.no).toBe(before);
    await ticketRepo.setShardPrefix(app.db, '');
  });

  it('refuses a prefix that is not 0 to 4 digits', async () => {
    await expect(ticketRepo.setShardPrefix(app.db, '31a')).rejects.toThrow();
  });
});
