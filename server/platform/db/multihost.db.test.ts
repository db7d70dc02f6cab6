/** Multi-host URLs against the PostgreSQL server: a dead host first, a primary second; a standby asked for but none. */
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './index.js';
import { MultiHostPool, parsePgUrl } from './multihost.js';
import { ReadRouter } from './read-router.js';

const url = process.env.DATABASE_URL;
// 127.0.0.1:1 refuses at once: the first host of the list is "down"
const both = (attrs: string) => {
  const u = new URL(url!);
  return `postgres://${u.username || 'postgres'}@127.0.0.1:1,${u.hostname}:${u.port || 5432}${u.pathname}?target_session_attrs=${attrs}`;
};

describe.skipIf(!url)('multi-host connection strings on the server', () => {
  const open: Db[] = [];
  afterAll(async () => {
    for (const d of open) await d.close();
  });

  it('skips a host that is down and keeps the primary (read-write)', async () => {
    const db = await openDb({ url: both('read-write') });
    open.push(db);
    expect((await db.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(false);
    expect(await db.tx(async (q) => (await q.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n)).toBe(1);
  });

  it('prefer-standby falls back to the primary when no standby answers; standby alone waits and says unavailable', async () => {
    const db = await openDb({ url: both('prefer-standby') });
    open.push(db);
    expect((await db.query<{ n: number }>('SELECT 2 AS n')).rows[0]!.n).toBe(2);
    const m = new MultiHostPool(parsePgUrl(both('standby')), { max: 1 }, 500);
    await expect(m.get()).rejects.toMatchObject({ code: 'unavailable' });
    await m.end();
  });

  it('routes analytical reads to the replica, but to the primary for someone whose write it has not replayed', async () => {
    const primary = await openDb({ url: url! });
    const replica = await openDb({ url: both('prefer-standby') });
    open.push(primary, replica);
    const r = new ReadRouter(primary, replica);
    // unmeasured lag: nobody reads the replica
    expect(r.reader('u1')).toBe(primary);
    expect(await r.measure()).toEqual({ bytes: 0, seconds: 0 });
    expect(r.reader('u1')).toBe(replica);
    // a write moves the primary's WAL on; u1's position is past what the "replica" was measured at
    await primary.query("SELECT pg_logical_emit_message(false, 'xiezhi-test', 'x')");
    await r.noteWrite('u1');
    expect(r.reader('u1')).toBe(primary);
    expect(r.reader('u2')).toBe(replica);
    // here the replica pool fell back to the primary itself, which is current by definition
    await r.measure();
    expect(r.reader('u1')).toBe(replica);
  });
});
