/**
 * Reads that may come from a streaming replica (DATABASE_REPLICA_URL): analytics and the cockpit. Workflow reads and
 * every write stay on the primary. Read-your-writes: a person who changed something in the last `windowMs` (longer
 * than the replica lag we tolerate) reads from the primary too, so an officer never sees the state of a ticket from
 * before their own change; and when the replica falls further behind than the window, everyone reads the primary.
 */
import type { Db } from './db.js';

export interface ReplicaLag {
  /** bytes of WAL the replica has yet to replay; null when it cannot be measured (no replica, or it is down) */
  bytes: number | null;
  /** seconds since the last replayed transaction when behind, 0 when caught up */
  seconds: number | null;
}

export class ReadRouter {
  private readonly wrote = new Map<string, number>();
  private lag: ReplicaLag = { bytes: null, seconds: null };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly primary: Db,
    readonly replica: Db | undefined,
    readonly windowMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The actor (user id) just wrote: their reads go to the primary for `windowMs`. */
  noteWrite(actorId: string) {
    this.wrote.set(actorId, this.clock());
    if (this.wrote.size > 10_000) for (const [k, at] of this.wrote) if (this.clock() - at > this.windowMs) this.wrote.delete(k);
  }

  /** Where this actor's analytical reads go. */
  reader(actorId?: string): Db {
    if (!this.replica) return this.primary;
    if (this.lag.seconds === null || this.lag.seconds * 1000 > this.windowMs) return this.primary;
    const at = actorId ? this.wrote.get(actorId) : undefined;
    if (at !== undefined && this.clock() - at < this.windowMs) return this.primary;
    return this.replica;
  }

  lastLag(): ReplicaLag {
    return this.lag;
  }

  /** Measures the lag now: the primary's WAL position against what the replica replayed. */
  async measure(): Promise<ReplicaLag> {
    if (!this.replica || this.primary.kind !== 'pg') return (this.lag = { bytes: null, seconds: null });
    try {
      const p = (await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
      const r = (await this.replica.query<{ bytes: number | null; seconds: number | null }>(
        `SELECT CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 ELSE 0 END AS bytes,
                CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= $1::pg_lsn THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS seconds`,
        [p],
      )).rows[0]!;
      this.lag = { bytes: Math.max(0, Number(r.bytes ?? 0)), seconds: r.seconds === null ? null : Math.max(0, Number(r.seconds)) };
    } catch {
      this.lag = { bytes: null, seconds: null };
    }
    return this.lag;
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
