/**
 * The officer's queue: open tickets in the actor's jurisdiction, ordered by statutory deadline. Lists show the
 * redacted text (the original is opened one ticket at a time, audited); an enterprise gets the mediation text, and its
 * search matches ticket numbers only — a search for "举报" over the text would tell it which complaints carry a report.
 */
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

const EXCERPT = 160;
/**
 * The queue counts its matches up to here and says "1,000 or more" past it (`total_capped`): an exact count of a
 * station's whole open set costs as much as the set (tens of thousands at 10 M tickets) on every page, while the page
 * itself is a walk of the partial index tickets_queue in deadline order that stops after `limit` rows.
 */
export const QUEUE_COUNT_CAP = 1000;
const EXCERPT_MEDIATION = 400; // report clauses are cut from the excerpt: read more so 160 characters remain

export async function listQueue(ctx: Ctx, actor: Actor, f: QueueQuery) {
  const today = ctx.today();
  const ent = actor.role === 'enterprise';
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const { rows, total, capped } = await ticketRepo.queue(ctx.db, {
    scope: queueScope(actor),
    status: f.status,
    kind: f.kind,
    open: f.open,
    q: f.q?.slice(0, 100),
    clock: f.clock,
    today,
    amberUntil: ctx.cal().addWorkdays(today, 2),
    districtCode: f.district,
    unitId: f.unit,
    limit,
    offset: Math.max(f.offset ?? 0, 0),
    searchText: !ent,
    excerptChars: ent ? EXCERPT_MEDIATION : EXCERPT,
    countCap: QUEUE_COUNT_CAP,
  });
  return {
    total,
    total_capped: capped,
    items: rows.map((r) =>
      presentListItem(r, today, ent ? 'mediation' : 'redacted', ent ? EXCERPT_MEDIATION : EXCERPT),
    ),
  };
}
