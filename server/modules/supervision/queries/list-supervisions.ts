/** What a user may see of 督办: a station its own items, a district supervisor the district, the city everything. */
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { isOverdue, MODE_LABELS, REASON_LABELS, STATE_LABELS, type SupervisionRow } from '../domain/supervision.js';
import { supervisionRepo, type Scope } from '../repository.js';

function scopeOf(a: Actor): Scope | null {
  if (a.role === 'admin' || a.role === 'analyst') return {};
  if (a.role === 'supervisor') return a.districtCode ? { districtCode: a.districtCode } : null;
  if (a.role === 'officer') return a.unitId ? { unitId: a.unitId } : null;
  return null;
}

/** Labels for people, beside the codes the client keys on. */
function present<T extends SupervisionRow>(s: T, today: string) {
  return {
    ...s,
    mode_label: MODE_LABELS[s.mode],
    reason_label: REASON_LABELS[s.reason],
    state_label: STATE_LABELS[s.state],
    overdue: isOverdue(s, today),
  };
}

export async function listSupervisions(ctx: Ctx, actor: Actor, state: string | null) {
  const scope = scopeOf(actor);
  if (!scope) return fail('forbidden', { zh: '无权查看督办', en: 'You may not view supervisions.' });
  const today = ctx.today();
  const items = await supervisionRepo.list(ctx.db, scope, state, 500);
  return { items: items.map((s) => present(s, today)) };
}

export async function ticketSupervisions(ctx: Ctx, actor: Actor, ticketId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t) || actor.role === 'enterprise')
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  const today = ctx.today();
  return { items: (await supervisionRepo.forTicket(ctx.db, t.id)).map((s) => present(s, today)) };
}

export async function supervisionStats(ctx: Ctx, actor: Actor) {
  const scope = scopeOf(actor);
  if (!scope || actor.role === 'officer')
    return fail('forbidden', { zh: '无权查看督办统计', en: 'You may not view supervision statistics.' });
  const rows = await supervisionRepo.statsByUnit(ctx.db, scope, ctx.today());
  const total = rows.reduce(
    (a, r) => ({
      open: a.open + r.open,
      overdue: a.overdue + r.overdue,
      answered: a.answered + r.answered,
      closed: a.closed + r.closed,
    }),
    { open: 0, overdue: 0, answered: 0, closed: 0 },
  );
  return { total, by_unit: rows };
}
