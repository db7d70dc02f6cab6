import type { Ctx } from '../../workflow/index.js';

/** Analytical reads go to the replica when there is one (read-your-writes: the primary for someone who just wrote). */
export const reader = (ctx: Ctx, actorId?: string) => ctx.reads?.reader(actorId) ?? ctx.db;
