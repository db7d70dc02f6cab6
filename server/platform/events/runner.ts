/**
 * Runs subscribers over the outbox. Two kinds:
 * - durable (cursor in `outbox_cursors`): `handle` returns the database effects, which commit in one transaction with
 *   the cursor move, so a batch is applied once even when two workers race (the loser rolls back) and again after a
 *   crash before commit (at least once);
 * - projections (in-memory state of this process: the similar-case index, the live detector): `start` loads the state
 *   from the tables and says where to tail from; the position lives in memory, a restart rebuilds.
 * NOTIFY on the outbox channel wakes the runner; a poll every few seconds catches anything a lost connection missed.
 */
import { logEvent } from '../log/index.js';
import type { Db, Queryable } from '../db/index.js';
import type { DomainEvent, EventType } from './catalog.js';
import { OUTBOX_CHANNEL, advanceCursor, cursorOf, readCursor, readEvents, type Position } from './outbox.js';

export type Effects = (q: Queryable) => Promise<void>;

interface Common {
  /** stable name: the cursor key of a durable subscriber */
  name: string;
  /** the event types it wants (others are passed over but still move the cursor) */
  types: readonly EventType[];
  /** events per batch (default: the runner's); small for CPU-heavy handlers that share a process with the web role */
  batch?: number;
}
export interface DurableSubscriber extends Common {
  kind: 'durable';
  /** reads what it needs, computes outside any transaction, returns what to write */
  handle(events: DomainEvent[]): Promise<Effects | void>;
}
export interface Projection extends Common {
  kind: 'projection';
  /** loads state from the tables (may run long) and returns the position to tail from, taken before loading */
  start(): Promise<Position>;
  handle(events: DomainEvent[]): Promise<void>;
}
export type Subscriber = DurableSubscriber | Projection;

export interface RunnerOptions {
  batch?: number;
  pollMs?: number;
  /** how long a NOTIFY waits for more commits before the subscribers read (default 20 ms) */
  coalesceMs?: number;
  log?: (msg: string) => void;
}

class Lost extends Error {}

export class EventRunner {
  private readonly batch: number;
  private readonly pollMs: number;
  private readonly coalesceMs: number;
  private readonly log: (msg: string) => void;
  private readonly state = new Map<string, { pos: Position | null; busy: boolean; again: boolean; failures: number }>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private active = new Set<Promise<void>>();
  private loading: Promise<void>[] = [];
  private moved = 0;
  /** events handled per subscriber (monitoring, tests) */
  readonly handled = new Map<string, number>();

  constructor(
    private readonly db: Db,
    readonly subscribers: Subscriber[],
    o: RunnerOptions = {},
  ) {
    this.batch = o.batch ?? 500;
    this.pollMs = o.pollMs ?? 2000;
    this.coalesceMs = o.coalesceMs ?? 20;
    this.log = o.log ?? ((m) => logEvent('warn', 'events', { message: m }));
    for (const s of subscribers) this.state.set(s.name, { pos: null, busy: false, again: false, failures: 0 });
  }

  /** Starts listening and polling; projections load in the background and join when loaded. */
  async start(): Promise<void> {
    this.unlisten = await this.db
      .listen(OUTBOX_CHANNEL, () => this.wakeSoon())
      .catch((e) => {
        this.log(`events: LISTEN unavailable, polling only: ${(e as Error).message}`);
        return null;
      });
    for (const s of this.subscribers) {
      if (s.kind === 'durable') continue;
      this.loading.push(
        s.start().then(
          (p) => {
            this.state.get(s.name)!.pos = p;
            this.kick(s);
          },
          (e) => this.log(`events: ${s.name} failed to load: ${(e as Error).message}`),
        ),
      );
    }
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    for (const s of this.subscribers) this.kick(s);
  }

  private soon: NodeJS.Timeout | null = null;
  /**
   * A NOTIFY wakes the subscribers a few milliseconds later, once for all the commits in between: under a stream of
   * filings each round then reads many events instead of one round (a read and a cursor move per subscriber) per commit.
   */
  private wakeSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.wake();
    }, this.coalesceMs);
  }

  /** Runs every subscriber until none has anything left (tests, shutdown); waits for projections to load first. */
  async drain(): Promise<void> {
    await Promise.all(this.loading);
    for (let round = 0; round < 100_000; round++) {
      const before = this.moved;
      for (const s of this.subscribers) this.kick(s);
      while (this.active.size) await Promise.all([...this.active]);
      if (this.moved === before) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.unlisten?.();
    await Promise.all([...this.active]);
  }

  private kick(s: Subscriber): void {
    const st = this.state.get(s.name)!;
    if (s.kind === 'projection' && !st.pos) return;
    if (st.busy) {
      st.again = true;
      return;
    }
    const p = (async () => {
      st.busy = true;
      try {
        do {
          st.again = false;
          while (!this.stopped && (await this.step(s)) >= (s.batch ?? this.batch));
        } while (st.again && !this.stopped);
        st.failures = 0;
      } catch (e) {
        st.failures++;
        // a failing batch is retried on the next wake-up (at least once); say so without flooding the log
        if (st.failures <= 3 || st.failures % 100 === 0)
          this.log(`events: ${s.name} failed (${st.failures}×): ${(e as Error).message}`);
      } finally {
        st.busy = false;
      }
    })();
    this.active.add(p);
    void p.finally(() => this.active.delete(p));
  }

  /** One batch; returns how many events it moved past (0: caught up). */
  private async step(s: Subscriber): Promise<number> {
    const st = this.state.get(s.name)!;
    // a durable cursor is read from the table every step (another worker may have moved it); its row is created once
    let from: Position;
    if (s.kind === 'projection') from = st.pos!;
    else {
      from = (st.pos && (await readCursor(this.db, s.name))) || (await cursorOf(this.db, s.name));
      st.pos = from; // for a durable subscriber only "its cursor row exists"
    }
    const events = await readEvents(this.db, from, s.batch ?? this.batch);
    if (!events.length) return 0;
    const last = events[events.length - 1]!;
    const to: Position = { xid: last.xid, id: last.id };
    const mine = events.filter((e) => s.types.includes(e.type));
    if (s.kind === 'projection') {
      if (mine.length) await s.handle(mine);
      st.pos = to;
    } else {
      const effects = mine.length ? await s.handle(mine) : undefined;
      try {
        await this.db.tx(async (q) => {
          if (!(await advanceCursor(q, s.name, from, to))) throw new Lost();
          if (effects) await effects(q);
        });
      } catch (e) {
        if (e instanceof Lost) return events.length; // another worker applied this batch first: read on from its cursor
        throw e;
      }
    }
    this.handled.set(s.name, (this.handled.get(s.name) ?? 0) + mine.length);
    this.moved += events.length;
    return events.length;
  }
}
