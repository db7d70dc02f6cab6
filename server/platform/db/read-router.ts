/**
 * Reads that may come from a streaming replica (DATABASE_REPLICA_URL): analytics and the cockpit. Workflow reads and
 * every write stay on the primary.
 *
 * Read-your-writes by WAL position, not by a time window: after a successful write request the router notes the
 * primary's WAL position (`pg_current_wal_insert_lsn()`, taken after the COMMIT, so at or past its commit record) for that
 * actor, before the answer leaves. That actor's analytical reads go to the primary until the replica has replayed
 * that position (`pg_last_wal_replay_lsn()`, measured every second); the replica replays commit records in order, so
 * once it is past the position it shows the change. This holds for any lag, 5 s or 5 min; a time window would be
 * wrong as soon as the lag exceeded it. Everyone else reads the replica while it is at most `maxLagMs` behind (a bound
 * on how stale the cockpit may be, not a correctness guard), and the primary when the lag cannot be measured.
 *
 * A replica pool that fell back to a primary (prefer-standby after a failover promoted its standby) looks for a
 * standby again every `revisitMs`, so reads return to a replica once one is back (Db.revisit).
 *
 * The positions live in this process: with several web processes behind a balancer, a person's requests must stick to
 * one process (or the balancer must send their analytics to the primary) for the guarantee to hold.
 */
import type { Db } from './db.js';

export interface ReplicaLag {
  /** bytes of WAL the replica has yet to replay; null when it cannot be measured (no replica, or it is down) */
  bytes: number | null;
  /** seconds since the primary first wrote WAL the replica has not replayed; 0 when caught up */
  seconds: number | null;
}

/** '16/B374D848' → a comparable number (an LSN is 64 bits: high/low 32-bit halves in hex) */
export const lsnValue = (lsn: string): bigint => {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
};

const MAX_ACTORS = 10_000;
/** a pin whose position is not known yet: above every real position */
const UNKNOWN = (1n << 64n) - 1n;
const MAX_SAMPLES = 600;

export class ReadRouter {
  /** actor → the primary's WAL position right after their last write; cleared once the replica replayed it */
  private readonly wrote = new Map<string, bigint>();
  private lag: ReplicaLag = { bytes: null, seconds: null };
  /** what the replica has replayed (null: unknown) */
  private replayed: bigint | null = null;
  /** the primary's position over time, to tell how long ago the replica's replay position was current */
  private samples: { at: number; lsn: bigint }[] = [];
  private lastPrimary: bigint | null = null;
  /** actors whose write position could not be read (the primary failed right after their write), since when */
  private readonly unknownSince = new Map<string, number>();
  private onPrimarySince: number | null = null;
  private measuring: Promise<ReplicaLag> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly primary: Db,
    readonly replica: Db | undefined,
    readonly maxLagMs = 60_000,
    private readonly clock: () => number = Date.now,
    readonly revisitMs = 10_000,
  ) {}

  /**
   * The actor just wrote: their reads go to the primary until the replica replayed what the primary has now. Awaited
   * before the answer is sent, so the next request of the same person already sees it. Without a replica: nothing.
   */
  async noteWrite(actorId: string): Promise<void> {
    if (!this.replica || this.primary.kind !== 'pg') return;
    // until the position is known the actor is pinned to the primary (the highest position possible)
    this.wrote.set(actorId, UNKNOWN);
    this.unknownSince.set(actorId, this.clock());
    try {
      const lsn = (await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn'))
        .rows[0]!.lsn;
      this.wrote.set(actorId, lsnValue(lsn));
      this.unknownSince.delete(actorId);
    } catch {
      // the primary is gone for now: the next measurement replaces the unknown position by the primary's then
    }
    if (this.wrote.size > MAX_ACTORS) this.forgetReplayed();
  }

  /** Where this actor's analytical reads go. */
  reader(actorId?: string): Db {
    if (!this.replica) return this.primary;
    if (this.lag.seconds === null || this.replayed === null || this.lag.seconds * 1000 > this.maxLagMs)
      return this.primary;
    const pos = actorId ? this.wrote.get(actorId) : undefined;
    if (pos !== undefined) {
      if (this.replayed < pos) return this.primary;
      this.wrote.delete(actorId!);
    }
    return this.replica;
  }

  lastLag(): ReplicaLag {
    return this.lag;
  }

  /** Measures the lag now: the primary's WAL position against what the replica replayed. One at a time. */
  measure(): Promise<ReplicaLag> {
    return (this.measuring ??= this.measureOnce().finally(() => (this.measuring = null)));
  }

  private async measureOnce(): Promise<ReplicaLag> {
    if (!this.replica || this.primary.kind !== 'pg') return (this.lag = { bytes: null, seconds: null });
    try {
      const now = this.clock();
      const p = lsnValue(
        (await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn,
      );
      if (this.lastPrimary !== p) this.samples.push({ at: now, lsn: p });
      this.lastPrimary = p;
      if (this.samples.length > MAX_SAMPLES) this.samples.shift();
      // a write whose position could not be read committed before now: the primary's position now covers it
      // (only pins set before this measurement began: their COMMIT preceded the position read here)
      for (const [k, since] of this.unknownSince) {
        if (since >= now) continue;
        if (this.wrote.get(k) === UNKNOWN) this.wrote.set(k, p);
        this.unknownSince.delete(k);
      }
      const r = (
        await this.replica.query<{ standby: boolean; lsn: string | null }>(
          'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
        )
      ).rows[0]!;
      if (!r.standby) {
        // the replica pool is on a primary (a failover promoted its standby): it is current by definition
        this.replayed = p;
        await this.maybeRevisit(now);
      } else {
        this.onPrimarySince = null;
        this.replayed = r.lsn ? lsnValue(r.lsn) : null;
      }
      if (this.replayed === null) return (this.lag = { bytes: null, seconds: null });
      const behind = p > this.replayed ? Number(p - this.replayed) : 0;
      // the first position the replica has not replayed: the lag is how long ago the primary was there
      const firstUnreplayed = this.samples.find((s) => s.lsn > this.replayed!);
      const seconds = behind === 0 || !firstUnreplayed ? 0 : (now - firstUnreplayed.at) / 1000;
      this.samples = this.samples.filter((s) => s.lsn > this.replayed!);
      this.lag = { bytes: behind, seconds };
    } catch {
      this.lag = { bytes: null, seconds: null };
      this.replayed = null;
    }
    return this.lag;
  }

  /** On a primary for `revisitMs`: ask the replica pool to look for a standby again. */
  private async maybeRevisit(now: number) {
    this.onPrimarySince ??= now;
    if (now - this.onPrimarySince < this.revisitMs || !this.replica?.revisit) return;
    this.onPrimarySince = now;
    await this.replica.revisit();
  }

  private forgetReplayed() {
    for (const [k, pos] of this.wrote) if (this.replayed !== null && pos <= this.replayed) this.wrote.delete(k);
    // still too many (the replica stopped): drop the oldest; those actors read the replica again, a bounded risk
    // taken only past MAX_ACTORS distinct writers in one replica outage
    for (const k of this.wrote.keys()) {
      if (this.wrote.size <= MAX_ACTORS) break;
      this.wrote.delete(k);
    }
  }

  /** Keeps `lastLag()` fresh (every `everyMs`); the returned function stops it. */
  watch(everyMs = 1000): () => void {
    if (!this.replica) return () => undefined;
    void this.measure();
    this.timer = setInterval(() => void this.measure(), everyMs);
    this.timer.unref();
    return () => clearInterval(this.timer);
  }
}
