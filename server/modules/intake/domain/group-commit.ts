/**
 * Group commit: callers submit one item each and wait; items that arrive while a write is in flight are written
 * together by the next one (one transaction for many filings instead of one each). A write starts one turn of the
 * event loop after an item arrives (setImmediate, no timer): requests whose bytes have already arrived are parsed and
 * join it. That turn matters on the embedded database — PGlite answers in microtasks, so a write would otherwise run to
 * its end before the next request is even read, and every batch would hold one filing. At low load an item goes
 * alone at once; under load the batches grow by themselves. Each caller's promise settles only
 * after the write that carried its item settled, so an acknowledgement always means "committed".
 *
 * A batch that fails as a whole is not allowed to cost its other items: each item is written again on its own and
 * gets its own outcome — except for a lost connection, which every item sees (its caller retries with its key).
 */
export interface GroupCommitOptions {
  /** most items in one write */
  maxBatch: number;
  /** writes in flight at once (1 on the embedded database: one connection) */
  concurrency: number;
  /** errors that are not the batch's fault and must not be retried item by item (connection loss) */
  isTransient?: (e: unknown) => boolean;
}

/** Per item: its result, or the error that belongs to it alone. */
export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export function groupCommit<I, O>(write: (items: I[]) => Promise<ItemOutcome<O>[]>, o: GroupCommitOptions) {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  const stats = { batches: 0, items: 0, largest: 0, splits: 0 };

  const settle = (w: Waiting<I, O>, r: ItemOutcome<O>) => (r.ok ? w.resolve(r.value) : w.reject(r.error));

  async function run(batch: Waiting<I, O>[]) {
    stats.batches++;
    stats.items += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    let outcomes: ItemOutcome<O>[];
    try {
      outcomes = await write(batch.map((w) => w.item));
    } catch (e) {
      if (batch.length === 1 || o.isTransient?.(e)) {
        for (const w of batch) w.reject(e);
        return;
      }
      // the batch failed as a whole: each item alone, so only the item at fault gets the error
      stats.splits++;
      for (const w of batch) {
        try {
          settle(w, (await write([w.item]))[0]!);
        } catch (e1) {
          w.reject(e1);
        }
      }
      return;
    }
    batch.forEach((w, i) => settle(w, outcomes[i] ?? { ok: false, error: new Error('group commit: no outcome') }));
  }

  let scheduled = false;
  function pump() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      start();
    });
  }
  function start() {
    while (inFlight < o.concurrency && queue.length) {
      const batch = queue.splice(0, o.maxBatch);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    /** batches written, items, the largest batch, batches split after a failure (tests, monitoring) */
    stats: () => ({ ...stats }),
  };
}
