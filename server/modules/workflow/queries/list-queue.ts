/** The officer's queue: open tickets in the actor's jurisdiction, ordered by statutory deadline. */
import { queueScope, type Actor } from '../../access/index.js';
import { ticketRepo } from '../repository.js';
import { presentListItem } from '../http/presenters.js';
import type { Ctx } from '../context.js';

export interface QueueQuery {
  status?: string[];
  kind?: string;
  open?: boolean;
  q?: string;
  clock?: 'red' | 'amber';
  district?: string;
  unit?: string;
  limit?: number;
  offset?: number;
}

export async function listQueue(ctx: Ctx, actor: Actor, f: QueueQuery) {
  const today = ctx.today();
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const { rows, total } = await ticketRepo.queue(ctx.db, {
    scope: queueScope(actor), status: f.status, kind: f.kind, open: f.open, q: f.q?.slice(0, 100), clock: f.clock, today,
    amberUntil: ctx.cal().addWorkdays(today, 2), districtCode: f.district, unitId: f.unit, limit, offset: Math.max(f.offset ?? 0, 0),
  });
  return { total, items: rows.map((r) => presentListItem(r, today)) };
}
