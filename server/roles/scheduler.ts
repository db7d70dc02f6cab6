/**
 * The scheduler role: an idempotent sweep over statutory deadlines (one `deadline_warning` event when a deadline is 2
 * working days away, one `deadline_breached` when it has passed; markers make reruns harmless) and the expiry of
 * abnormal-list entries, and the retry round of 12345 deliveries that failed. Each job is a singleton across processes (advisory lock): a second scheduler skips a round
 * another one is running. Failures are reported, never swallowed.
 */
import type { App } from '../app.js';
import { maintainPartitions, refreshStatistics, retentionFromEnv } from '../platform/db/index.js';
import { sweepDeadlines } from '../modules/workflow/index.js';
import { expireEntries } from '../modules/abnormal-list/index.js';
import { deliverDue, deliveryConfig, type DeliveryConfig } from '../modules/twelve345/index.js';

export async function schedulerTick(
  app: App,
  delivery: DeliveryConfig = deliveryConfig(process.env),
): Promise<{ sweep?: Awaited<ReturnType<typeof sweepDeadlines>>; expired?: number; delivered12345?: number }> {
  const sweep = await app.db.singleton('scheduler.deadline-sweep', () => sweepDeadlines(app));
  const expired = await app.db.singleton('scheduler.listing-expiry', () => expireEntries(app));
  const sent = await app.db.singleton('scheduler.12345-delivery', () => deliverDue(app, delivery, { limit: 200 }));
  // planner statistics on the embedded database, which has no autovacuum (a no-op on a server)
  await refreshStatistics(app.db).catch((e) => console.error(`scheduler: statistics: ${(e as Error).message}`));
  // month partitions ahead and retention (a no-op on plain tables; with separate roles the owner does it at start-up
  // and the application role's attempt here fails harmlessly, reported)
  await app.db
    .singleton('scheduler.partitions', () => maintainPartitions(app.db, retentionFromEnv()))
    .catch((e) => console.error(`scheduler: partitions: ${(e as Error).message}`));
  return {
    ...(sweep.ran ? { sweep: sweep.value } : {}),
    ...(expired.ran ? { expired: expired.value } : {}),
    ...(sent.ran ? { delivered12345: sent.value.delivered } : {}),
  };
}

export function startScheduler(app: App, everyMs = 10 * 60_000, delivery?: DeliveryConfig): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await schedulerTick(app, delivery);
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
