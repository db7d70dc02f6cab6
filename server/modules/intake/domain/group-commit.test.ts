import { describe, expect, it } from 'vitest';
import { groupCommit, type ItemOutcome } from './group-commit.js';

/** a write that records its batches and settles when told to (so the test decides what arrives while it is in flight) */
function recorder(fail: (batch: number[]) => unknown = () => null) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<ItemOutcome<number>[]>((res, rej) =>
      pending.push(() => {
        const e = fail(items);
        if (e) rej(e);
        else res(items.map((i) => (i < 0 ? { ok: false, error: new Error(`bad ${i}`) } : { ok: true, value: i * 10 })));
      }),
    );
  };
  // settles writes until none is left and none starts within a few turns of the event loop
  const flushAll = async () => {
    for (let idle = 0; idle < 3;) {
      const next = pending.shift();
      if (next) {
        idle = 0;
        next();
      } else idle++;
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batches, write, flushAll };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('writes what arrived in one turn of the event loop together, and what arrived during a write in the next', async () => {
    const r = recorder();
    const gc = groupCommit(r.write, { maxBatch: 100, concurrency: 1 });
    const first = Promise.all([1, 2].map((i) => gc.submit(i)));
    expect(r.batches).toEqual([]);
    await tick();
    expect(r.batches).toEqual([[1, 2]]);
    const second = Promise.all([3, 4, 5].map((i) => gc.submit(i)));
    await tick();
    expect(r.batches).toEqual([[1, 2]]); // one write in flight: the others wait for it
    await r.flushAll();
    expect([...(await first), ...(await second)]).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('answers no item before the write that carries it has settled', async () => {
    const r = recorder();
    const gc = groupCommit(r.write, { maxBatch: 100, concurrency: 1 });
    let answered = false;
    void gc.submit(7).then(() => (answered = true));
    await tick();
    await tick();
    expect(answered).toBe(false);
    await r.flushAll();
    expect(answered).toBe(true);
  });

  it('cuts batches at maxBatch', async () => {
    const r = recorder();
    const gc = groupCommit(r.write, { maxBatch: 2, concurrency: 1 });
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => gc.submit(i)));
    await tick();
    await r.flushAll();
    await all;
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives an item its own error and the others their results', async () => {
    const r = recorder();
    const gc = groupCommit(r.write, { maxBatch: 100, concurrency: 1 });
    const out = [1, -2, 3].map((i) => gc.submit(i).then(String, (e: Error) => e.message));
    await tick();
    await r.flushAll();
    expect(await Promise.all(out)).toEqual(['10', 'bad -2', '30']);
  });

  it('writes each item of a batch that failed as a whole again alone, so only the item at fault fails', async () => {
    // the write fails whenever the batch holds 13 (a row the database refuses)
    const r = recorder((b) => (b.includes(13) ? new Error('refused 13') : null));
    const gc = groupCommit(r.write, { maxBatch: 100, concurrency: 1 });
    const out = [12, 13, 14].map((i) => gc.submit(i).then(String, (e: Error) => e.message));
    await tick();
    await r.flushAll();
    expect(await Promise.all(out)).toEqual(['120', 'refused 13', '140']);
    expect(r.batches).toEqual([[12, 13, 14], [12], [13], [14]]);
    expect(gc.stats()).toMatchObject({ splits: 1 });
  });

  it('does not split on a transient error: every item of the batch sees it (its caller retries)', async () => {
    const lost = Object.assign(new Error('connection lost'), { transient: true });
    const r = recorder((b) => (b.length > 1 ? lost : null));
    const gc = groupCommit(r.write, {
      maxBatch: 100,
      concurrency: 1,
      isTransient: (e) => (e as { transient?: boolean }).transient === true,
    });
    const out = [2, 3].map((i) => gc.submit(i).then(String, (e: Error) => e.message));
    await tick();
    await r.flushAll();
    expect(await Promise.all(out)).toEqual(['connection lost', 'connection lost']);
    expect(r.batches).toEqual([[2, 3]]);
  });

  it('keeps up to `concurrency` writes in flight', async () => {
    const r = recorder();
    const gc = groupCommit(r.write, { maxBatch: 1, concurrency: 2 });
    const all = Promise.all([1, 2, 3].map((i) => gc.submit(i)));
    await tick();
    expect(r.batches).toEqual([[1], [2]]);
    await r.flushAll();
    await all;
    expect(r.batches).toEqual([[1], [2], [3]]);
  });
});
