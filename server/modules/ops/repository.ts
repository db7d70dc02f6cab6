/** SQL of the operations views: queue depths and the outbox backlog per durable subscriber. */
import type { Queryable } from '../../platform/db/index.js';
import { backlog, cursors } from '../../platform/events/index.js';

export const opsRepo = {
  /** open tickets by status (the partial queue index covers `closed_at IS NULL`) */
  async queueDepths(q: Queryable): Promise<{ status: string; n: number }[]> {
    return (
      await q.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM tickets WHERE closed_at IS NULL GROUP BY status ORDER BY status',
      )
    ).rows;
  },

  /** events each durable subscriber has yet to handle, and how old its cursor is */
  async outboxBacklog(q: Queryable): Promise<{ subscriber: string; backlog: number; idle_seconds: number }[]> {
    const out = [];
    for (const c of await cursors(q)) {
      out.push({
        subscriber: c.subscriber,
        backlog: await backlog(q, c.subscriber),
        idle_seconds: Math.max(0, (Date.now() - new Date(c.updated_at).getTime()) / 1000),
      });
    }
    return out;
  },

  async ping(q: Queryable): Promise<void> {
    await q.query('SELECT 1');
  },
};
