/**
 * The scheduler role: an idempotent sweep over statutory deadlines. It appends one `deadline_warning` event when a
 * deadline is 2 working days away and one `deadline_breached` event when it has passed (markers make reruns
 * harmless), and reports failures instead of swallowing them.
 */
import type { App } from '../app.js';
import { sweepDeadlines } from '../modules/workflow/index.js';
import { expireEntries } from '../modules/abnormal-list/index.js';

export function startScheduler(app: App, everyMs = 10 * 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweepDeadlines(app);
      await app.warning?.tick(app.today());
      await expireEntries(app);
      if (r.failed) console.error(`scheduler: deadline sweep: ${r.failed} tickets failed`);
    } catch (e) {
      console.error(`scheduler: deadline sweep failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const t = setInterval(tick, everyMs);
  return () => {
    clearTimeout(first);
    clearInterval(t);
  };
}
