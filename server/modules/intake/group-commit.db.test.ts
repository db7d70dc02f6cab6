/**
 * Filings written together (group commit): every guarantee a filing had alone holds for a batch — a retry never
 * duplicates (also inside one batch), numbers are unique, the audit chain verifies, a bad filing costs only itself,
 * and whatever was acknowledged is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { accessRepo, toActor } from '../access/index.js';
import { ticketRepo } from '../workflow/index.js';
import { verifyAuditChain } from '../../platform/audit/index.js';
import { fileTicket, filingBatches, trackTicket, type FileTicketInput } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let operator: Parameters<typeof fileTicket>[1];
beforeAll(async () => {
  app = await testApp();
  operator = toActor((await accessRepo.userByUsername(app.db, 'operator'))!);
});
afterAll(async () => {
  await app.closeDb();
});

const filing = (n: number, o: Partial<FileTicketInput> = {}): FileTicketInput => ({
  kind: 'complaint',
  channel: 'phone',
  client_key: `gc-${n}`,
  title: `第${n}号 商品质量`,
  text: `第${n}号：在${n}号店买的电水壶用了三天就漏电，要求退货退款，商家拖着不处理。`,
  complainant: { name: `消费者${n}`, phone: `1391234${String(n).padStart(4, '0')}` },
  respondent: { name: `上海某${n}号电器商行` },
  ...o,
});

/** files all at once and waits for each answer */
const fileAll = (fs: FileTicketInput[]) => Promise.allSettled(fs.map((f) => fileTicket(app, operator, f)));

let filler = 10_000;
/**
 * Files `fs` in one batch: three filings go first and take every write slot (one on PGlite, three on the server),
 * so `fs`, queued behind them, is written together by the next write. Answers for `fs` only.
 */
const fileInOneBatch = async (fs: FileTicketInput[]) =>
  (await fileAll([filing(filler++), filing(filler++), filing(filler++), ...fs])).slice(3);

describe('group commit of filings', () => {
  it('writes concurrent filings in shared transactions and stores every acknowledged one once, numbered uniquely', async () => {
    const before = filingBatches(app)?.batches ?? 0;
    const out = await fileAll(Array.from({ length: 40 }, (_, i) => filing(i)));
    const ok = out.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(ok.every((r) => r?.created)).toBe(true);
    const stats = filingBatches(app)!;
    // fewer writes than filings: they were grouped
    expect(stats.batches - before).toBeLessThan(40);
    expect(stats.largest).toBeGreaterThan(1);
    const stored = await ticketRepo.getMany(
      app.db,
      ok.map((r) => r!.id),
    );
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((t) => t.no)).size).toBe(40);
    expect(new Set(ok.map((r) => r!.no))).toEqual(new Set(stored.map((t) => t.no)));
    // the tracking code handed out is the one stored
    const t = await trackTicket(app, ok[7]!.no, ok[7]!.tracking_code!);
    expect(t.id).toBe(ok[7]!.id);
  });

  it('answers a retry in the same batch with the same ticket, filed once, and a retry later too', async () => {
    const out = await fileInOneBatch([filing(99), filing(100), filing(101), filing(100), filing(100)]);
    const r = out.map((x) => (x.status === 'fulfilled' ? x.value : null));
    const same = [r[1]!, r[3]!, r[4]!];
    expect(r[1]).toMatchObject({ created: true });
    expect(new Set(same.map((x) => x.id)).size).toBe(1);
    expect(new Set(same.map((x) => x.no)).size).toBe(1);
    expect(same.filter((x) => x.created)).toHaveLength(1);
    expect(same.filter((x) => x.tracking_code)).toHaveLength(1);
    const rows = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tickets WHERE source = 'phone' AND source_id = 'gc-100'",
    );
    expect(rows.rows[0]!.n).toBe(1);
    const again = await fileTicket(app, operator, filing(100));
    expect(again).toMatchObject({ id: r[1]!.id, no: r[1]!.no, created: false, tracking_code: null });
  });

  it('costs a filing the database refuses only that filing; the others of its batch are stored', async () => {
    // a NUL character is valid JSON but refused by a PostgreSQL text column: the whole batch's insert fails
    const fs = Array.from({ length: 12 }, (_, i) => filing(200 + i));
    fs[6] = filing(206, { text: '我要投诉\u0000这家店' });
    const splits = filingBatches(app)!.splits;
    const out = await fileInOneBatch(fs);
    expect(out.map((x) => x.status)).toEqual(fs.map((_, i) => (i === 6 ? 'rejected' : 'fulfilled')));
    expect(filingBatches(app)!.splits).toBeGreaterThan(splits);
    const ids = out.flatMap((x) => (x.status === 'fulfilled' ? [x.value.id] : []));
    expect(await ticketRepo.getMany(app.db, ids)).toHaveLength(11);
  });

  it('links a repeat filed by the same person in the same batch, as if they had come one by one', async () => {
    const a = filing(300);
    // not the same text (so not the exact repeat key): near-identical, found by the similarity check
    const b = {
      ...filing(301),
      complainant: a.complainant,
      respondent: a.respondent,
      text: a.text.replace('拖着', '一直拖着'),
    };
    const out = await fileInOneBatch([filing(299), a, b]);
    const r = out.map((x) => (x.status === 'fulfilled' ? x.value : null));
    expect(r[2]).toMatchObject({ created: true, status: 'duplicate', duplicate_of: r[1]!.id });
  });

  it('keeps the audit chain whole, with one entry per batch and officer naming every ticket filed', async () => {
    const out = await fileAll(Array.from({ length: 10 }, (_, i) => filing(400 + i)));
    const ids = out.flatMap((x) => (x.status === 'fulfilled' ? [x.value.id] : []));
    const entries = (
      await app.db.query<{ subject_ids: string[] }>(
        "SELECT subject_ids FROM audit_log WHERE action = 'ticket.import' AND subject_ids && $1::text[]",
        [ids],
      )
    ).rows;
    expect(entries.flatMap((e) => e.subject_ids).sort()).toEqual([...ids].sort());
    expect(entries.length).toBeLessThan(10);
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });
});
