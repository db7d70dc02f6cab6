/**
 * Month partitions (migration 0230): on the server with pg_partman the timeline and the audit log are partitioned by
 * month and retention drops whole months (the audit chain anchored first, so it still verifies); on PGlite they are
 * plain tables and the same queries answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import { migrate, type Db } from './index.js';
import { maintainPartitions, managedParents } from './partitions.js';
import { verifyAuditChain } from '../audit/verify.js';

let db: Db;
let partman = false;
beforeAll(async () => {
  db = await testDb();
  await migrate(db);
  partman =
    db.kind === 'pg' &&
    (
      await db.query<{ ok: boolean }>(
        "SELECT count(*) > 0 AS ok FROM pg_available_extensions WHERE name = 'pg_partman'",
      )
    ).rows[0]!.ok;
}, 120_000);
afterAll(async () => {
  await db.close();
});

const kind = async (t: string) =>
  (await db.query<{ k: string }>('SELECT relkind::text AS k FROM pg_class WHERE oid = to_regclass($1)', [t])).rows[0]
    ?.k;
const audit = (at: string, subject: string) =>
  db.query(
    "INSERT INTO audit_log (at, actor_id, actor_role, action, subject_type, subject_id) VALUES ($1, 'u1', 'admin', 'ticket.view', 'ticket', $2)",
    [at, subject],
  );
const event = (ticket: string, seq: number, at: string) =>
  db.query(
    "INSERT INTO ticket_events (ticket_id, seq, at, actor_id, actor_role, type) VALUES ($1, $2, $3, 'system', 'system', 'received')",
    [ticket, seq, at],
  );

describe('time partitions of the timeline and the audit log', () => {
  it('is partitioned by month where pg_partman is installed, plain elsewhere, and answers the same queries', async () => {
    if (partman) {
      expect(await kind('ticket_events')).toBe('p');
      expect(await kind('audit_log')).toBe('p');
      expect((await managedParents(db)).map((p) => p.split('.')[1])).toEqual(['audit_log', 'ticket_events']);
    } else {
      expect(await kind('ticket_events')).toBe('r');
      expect(await kind('audit_log')).toBe('r');
      expect(await managedParents(db)).toEqual([]);
    }
    await event('TQ1', 1, '2026-11-20T08:00:00Z');
    await event('TQ1', 2, '2026-12-01T08:00:00Z');
    const tl = await db.query<{ seq: number }>('SELECT seq FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [
      'TQ1',
    ]);
    expect(tl.rows.map((r) => r.seq)).toEqual([1, 2]);
    // append-only still: the triggers moved with the tables
    await expect(db.query("DELETE FROM ticket_events WHERE ticket_id = 'TQ1'")).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('drops whole months past retention, anchoring the audit chain so that what is kept still verifies', async () => {
    if (!partman) {
      // plain tables: nothing to drop, everything kept
      await audit('2026-11-21T00:00:00Z', 'TNEW1');
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await maintainPartitions(db, { timelineMonths: 1, auditMonths: 1 })).toEqual({ parents: [], dropped: [] });
      return;
    }
    const s = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    for (const t of ['ticket_events', 'audit_log']) {
      await db.query(
        "SELECT partman.create_partition_time($1, ARRAY['2025-01-01'::timestamptz, '2025-02-01', '2025-03-01'])",
        [`${s}.${t}`],
      );
    }
    await audit('2025-01-10T00:00:00Z', 'TOLD1');
    await audit('2025-02-10T00:00:00Z', 'TOLD2');
    await audit('2025-03-10T00:00:00Z', 'TOLD3');
    await audit('2026-11-21T00:00:00Z', 'TNEW1');
    await event('TOLD', 1, '2025-01-10T00:00:00Z');
    await event('TOLD', 2, '2025-03-10T00:00:00Z');
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const before = await verifyAuditChain(db);
    expect(before).toMatchObject({ ok: true, entries: 4 });

    const r = await maintainPartitions(db, { timelineMonths: 12, auditMonths: 12 }, new Date('2026-12-02T00:00:00Z'));
    expect(r.dropped.map((x) => x.split('.')[1])).toEqual([
      'ticket_events_p2025_01',
      'ticket_events_p2025_02',
      'ticket_events_p2025_03',
      'audit_log_p2025_01',
      'audit_log_p2025_02',
      'audit_log_p2025_03',
    ]);
    expect((await db.query('SELECT 1 FROM ticket_events WHERE ticket_id = $1', ['TOLD'])).rows).toHaveLength(0);
    expect((await db.query('SELECT 1 FROM ticket_events WHERE ticket_id = $1', ['TQ1'])).rows).toHaveLength(2);
    const subjects = (await db.query<{ subject_id: string }>('SELECT subject_id FROM audit_log ORDER BY seq')).rows.map(
      (x) => x.subject_id,
    );
    expect(subjects).toEqual(['TNEW1']);
    // the chain of what is kept verifies from the anchor, and ends at the same head as before
    const after = await verifyAuditChain(db);
    expect(after).toMatchObject({ ok: true, entries: 1, head: before.head });
    // months ahead exist (premake): a filing next month lands in its own partition, not the default
    const ahead = (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('ticket_events') AND c.relname > 'ticket_events_p2027'",
      )
    ).rows[0]!.n;
    expect(ahead).toBeGreaterThan(0);
  });

  it('keeps a month whose entries the chain interleaves with later months (a drop would cut it in the middle)', async () => {
    if (!partman) return;
    const s = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    await db.query("SELECT partman.create_partition_time($1, ARRAY['2025-06-01'::timestamptz])", [`${s}.audit_log`]);
    // written after TNEW1 (Nov 2026) but dated June 2025: its seq is later than an entry of a month that is kept
    await audit('2025-06-10T00:00:00Z', 'TLATE');
    const r = await maintainPartitions(db, { auditMonths: 12 }, new Date('2026-12-02T00:00:00Z'));
    expect(r.dropped).toEqual([]);
    expect(r.kept?.split('.')[1]).toBe('audit_log_p2025_06');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
