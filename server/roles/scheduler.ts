/**
 * The scheduler role: an idempotent sweep over statutory deadlines (one `deadline_warning` event when a deadline is 2
 * working days away, one `deadline_breached` when it has passed; markers make reruns harmless) and the expiry of
 * abnormal-list entries. Each job is a singleton across processes (advisory lock): a second scheduler skips a round
 * another one is running. Failures are reported, never swallowed.
 */
import type { App } from '../app.js';
import { sweepDeadlines } from '../modules/workflow/index.js';
import { expireEntries } from '../modules/abnormal-list/index.js';

export async function schedulerTick(app: App): Promise<{ sweep?: Awaited<ReturnType<typeof sweepDeadlines>>; expired?: number }> {
  const sweep = await app.db.singleton('scheduler.deadline-sweep', () => sweepDeadlines(app));
  const expired = await app.db.singleton('scheduler.listing-expiry', () => expireEntries(app));
  return { ...(sweep.ran ? { sweep: sweep.value } : {}), ...(expired.ran ? { expired: expired.value } : {}) };
}

export function startScheduler(app: App, everyMs = 10 * 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await schedulerTick(app);
      if (r.sweep?.failed) console.error(`scheduler: deadline sweep: ${r.sweep.failed} tickets failed`);
    } catch (e) {
      console.error(`scheduler: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const t = setInterval(() => void tick(), everyMs);
  return () => {
    clearTimeout(first);
    clearInterval(t);
  };
}
