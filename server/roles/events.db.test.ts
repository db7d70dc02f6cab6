import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, TEST_KEY } from '../test/db.js';
import { openApp, type App } from '../app.js';
import { openDb, type Db } from '../platform/db/index.js';
import { appendEvents, event, EventRunner, type DurableSubscriber } from '../platform/events/index.js';
import { SYSTEM } from '../modules/access/index.js';
import { importFile } from '../modules/intake/index.js';
import { startRoles, type Running } from './index.js';
import { enrichmentSubscriber } from './subscribers.js';

let app: Awaited<ReturnType<typeof testApp>>;
let web: Running;
const onServer = !!process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'xz-events-'));

/** A second process on the same database: its own connection pool on a server, the same handle on PGlite. */
async function secondApp(): Promise<{ app: App; db: Db; close: () => Promise<void> }> {
  if (!onServer) return { app, db: app.db, close: async () => undefined };
  const schema = (await app.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  const db = await openDb({ url: process.env.DATABASE_URL, schema });
  const other = await openApp({ db, key: TEST_KEY, today: '2026-11-23' });
  return { app: other, db, close: () => db.close() };
}

const line = (i: number, text: string) =>
  JSON.stringify({
    id: `E${i}`,
    kind: 'complaint',
    received_at: '2026-11-20T10:00:00',
    text,
    complainant: { id: `EP${i}`, name: '李四', phone: `1370013${String(i).padStart(4, '0')}` },
    respondent: { name: '上海某某美容美发有限公司', address: '上海市松江区岳阳街道人民北路8号' },
  });

beforeAll(async () => {
  app = await testApp('2026-11-23');
  web = await startRoles(app, ['web'], { scheduler: false, pollMs: 200 });
});
afterAll(async () => {
  await web.stop();
  await app.closeDb();
});

describe('domain events through the outbox', () => {
  it('an import from another process reaches the running web role’s similar-case index without a restart', async () => {
    const other = await secondApp();
    const f = join(dir, 'import.jsonl');
    writeFileSync(
      f,
      [
        line(1, '美容院办卡后突然关门，预付卡里还有三千元无法退还'),
        line(2, '美发店跑路了，充值的会员卡余额退不了，老板电话打不通'),
      ].join('\n'),
    );
    const r = await importFile(other.app, { file: f, actor: SYSTEM, source: 'events-test' });
    expect(r.imported).toBe(2);
    await other.close();
    // the web role's runner is woken by NOTIFY (or its poll) — no drain call from the importing side
    const deadline = Date.now() + 10_000;
    let hits: Awaited<ReturnType<NonNullable<Running['similar']>['similarTo']>> = [];
    while (Date.now() < deadline) {
      hits = await web.similar!.similarTo(
        { id: 'probe', title: null, body: '美容美发店关门跑路，预付卡余额不退', respondent_name: null },
        5,
      );
      if (hits.length >= 2) break;
      await new Promise((s) => setTimeout(s, 200));
    }
    expect(hits.length).toBeGreaterThanOrEqual(2);
  });

  it('two workers racing on one cursor enrich every ticket exactly once', async () => {
    const other = await secondApp();
    const f = join(dir, 'many.jsonl');
    writeFileSync(
      f,
      Array.from({ length: 120 }, (_, i) =>
        line(100 + i, `第${i}号：网购的衣服质量很差，洗一次就破了，要求退货退款，商家拒绝`),
      ).join('\n'),
    );
    await importFile(app, { file: f, actor: SYSTEM, source: 'events-race' });
    const a = new EventRunner(app.db, [enrichmentSubscriber(app.db)], { batch: 16 });
    const b = new EventRunner(other.db, [enrichmentSubscriber(other.db)], { batch: 16 });
    await Promise.all([a.drain(), b.drain()]);
    const r = (
      await app.db.query<{ tickets: number; events: number; distinct_subjects: number }>(
        `SELECT (SELECT count(*)::int FROM tickets WHERE source = 'events-race') AS tickets,
              count(*)::int AS events, count(DISTINCT o.subject)::int AS distinct_subjects
       FROM outbox o JOIN tickets t ON t.id = o.subject AND t.source = 'events-race' WHERE o.type = 'ticket.enriched'`,
      )
    ).rows[0]!;
    expect(r.tickets).toBe(120);
    expect(r.events).toBe(120);
    expect(r.distinct_subjects).toBe(120);
    await other.close();
  });

  it.runIf(onServer)('never moves past an event whose transaction commits after a later one', async () => {
    const seen: string[] = [];
    const sub: DurableSubscriber = {
      kind: 'durable',
      name: 'order-probe',
      types: ['ticket.transferred'],
      handle: async (evs) => void seen.push(...evs.map((e) => e.subject)),
    };
    const runner = new EventRunner(app.db, [sub]);
    await runner.drain(); // start the cursor at the current end
    seen.length = 0;
    const other = await secondApp();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const early = new Promise<void>((r) => (inserted = r));
    // A takes its id first and commits last
    const slow = app.db.tx(async (q) => {
      await appendEvents(q, [event('ticket.transferred', 'slow', { ticket_id: 'slow', from_unit: 'a', to_unit: 'b' })]);
      inserted();
      await gate;
    });
    await early;
    await other.db.tx((q) =>
      appendEvents(q, [event('ticket.transferred', 'fast', { ticket_id: 'fast', from_unit: 'a', to_unit: 'b' })]),
    );
    await runner.drain();
    expect(seen).not.toContain('slow');
    release();
    await slow;
    await runner.drain();
    expect(seen.sort()).toEqual(['fast', 'slow']);
    await other.close();
  });
});
