/**
 * The outbox table: writing events inside the caller's transaction, reading them back in commit-safe order, and the
 * stored cursor of each subscriber.
 */
import type { Queryable } from '../db/index.js';
import type { DomainEvent, NewEvent } from './catalog.js';

/** The channel NOTIFY wakes subscribers on (a wake-up only: the table is the truth, polling catches anything missed). */
export const OUTBOX_CHANNEL = 'xz_outbox';

/** Appends events in the caller's transaction; they become visible to subscribers when it commits. */
export async function appendEvents(q: Queryable, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  // one statement: the rows, and a NOTIFY that is delivered at commit and dropped on rollback — exactly when they exist
  await q.query(
    `WITH ins AS (INSERT INTO outbox (type, subject, payload) SELECT u.t, u.s, u.p::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, s, p) RETURNING 1)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT count(*) AS n FROM ins) c WHERE c.n > 0`,
    [events.map((e) => e.type), events.map((e) => e.subject), events.map((e) => JSON.stringify(e.payload))],
  );
}

/** Where a subscriber stands: the (xid, id) of the last event it handled. */
export interface Position {
  xid: string;
  id: number;
}
export const ORIGIN: Position = { xid: '0', id: 0 };

/**
 * Events after `p`, in (xid, id) order, only from transactions that finished before every transaction still running
 * (those are all visible now; anything that becomes visible later has a larger xid, so it sorts after the cursor).
 * ORDER BY names the table's column: a bare `xid` is the text output column, and in text order '10005' < '9985' —
 * a batch read across a digit boundary ended on the larger xids and the cursor skipped the rest for good (46 filings
 * never enriched in a 500/s run), and the index could not give the order (a sort of the whole backlog every read).
 */
export async function readEvents(q: Queryable, p: Position, limit: number): Promise<(DomainEvent & { xid: string })[]> {
  const r = await q.query<DomainEvent & { xid: string }>(
    `SELECT o.id, o.type, o.subject, o.payload, o.at, o.xid::text AS xid FROM outbox o
     WHERE (o.xid, o.id) > ($1::xid8, $2::bigint) AND o.xid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY o.xid, o.id LIMIT $3`,
    [p.xid, p.id, limit],
  );
  return r.rows;
}

/**
 * The position before every event not yet visible: an in-memory projection that loads the tables first and then tails
 * from here sees each later event (and may see a few it loaded already: its handlers are idempotent).
 */
export async function visibleHead(q: Queryable): Promise<Position> {
  const x = (await q.query<{ x: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x')).rows[0]!.x;
  return { xid: x, id: 0 };
}

/** The stored cursor, or null when the subscriber has none yet (cursorOf creates it). */
export async function readCursor(q: Queryable, subscriber: string): Promise<Position | null> {
  const r = (
    await q.query<{ xid: string; position: number }>(
      'SELECT xid::text AS xid, position FROM outbox_cursors WHERE subscriber = $1',
      [subscriber],
    )
  ).rows[0];
  return r ? { xid: r.xid, id: r.position } : null;
}

export async function cursorOf(q: Queryable, subscriber: string): Promise<Position> {
  await q.query('INSERT INTO outbox_cursors (subscriber) VALUES ($1) ON CONFLICT (subscriber) DO NOTHING', [
    subscriber,
  ]);
  const r = (
    await q.query<{ xid: string; position: number }>(
      'SELECT xid::text AS xid, position FROM outbox_cursors WHERE subscriber = $1',
      [subscriber],
    )
  ).rows[0];
  return r ? { xid: r.xid, id: r.position } : ORIGIN;
}

/**
 * Moves a cursor from `from` to `to` if no one else moved it meanwhile (compare-and-set): two workers that handled the
 * same batch race here, one wins and the other's transaction — with the effects it wrote — rolls back.
 */
export async function advanceCursor(q: Queryable, subscriber: string, from: Position, to: Position): Promise<boolean> {
  const r = await q.query(
    'UPDATE outbox_cursors SET xid = $4::xid8, position = $5, updated_at = now() WHERE subscriber = $1 AND xid = $2::xid8 AND position = $3',
    [subscriber, from.xid, from.id, to.xid, to.id],
  );
  return r.rowCount === 1;
}

/** Events not yet handled by a durable subscriber (monitoring, tests). */
export async function backlog(q: Queryable, subscriber: string): Promise<number> {
  const p = await cursorOf(q, subscriber);
  return (
    (
      await q.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE (xid, id) > ($1::xid8, $2::bigint)', [
        p.xid,
        p.id,
      ])
    ).rows[0]?.n ?? 0
  );
}

export async function cursors(q: Queryable): Promise<{ subscriber: string; position: number; updated_at: Date }[]> {
  return (
    await q.query<{ subscriber: string; position: number; updated_at: Date }>(
      'SELECT subscriber, position, updated_at FROM outbox_cursors ORDER BY subscriber',
    )
  ).rows;
}
