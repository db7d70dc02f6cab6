/**
 * A step of due process on a list entry — review, list (with the legal basis), reject, notify once, appeal,
 * dismiss the appeal, correct, remove, expire — through the risk module's state machine, audited. Effects follow the
 * state: while a listing is in force the person's tickets are flagged (left out of the mediation-success KPI, later
 * complaints handled in simplified form while report parts are still verified) and the early-warning detector
 * discounts them; removal or expiry lifts both.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { DueProcessError, effectsOf, transition, type ListAction, type ListEntry, type ListPayload } from '../../risk/index.js';
import type { Ctx } from '../../workflow/index.js';
import { abnormalRepo } from '../repository.js';

const AUDIT: Record<ListAction, 'abnormal.review' | 'abnormal.notify' | 'abnormal.appeal' | 'abnormal.remove' | 'abnormal.propose'> = {
  propose: 'abnormal.propose', start_review: 'abnormal.review', list: 'abnormal.review', reject: 'abnormal.review', notify: 'abnormal.notify',
  appeal: 'abnormal.appeal', dismiss_appeal: 'abnormal.appeal', correct: 'abnormal.review', remove: 'abnormal.remove', expire: 'abnormal.remove',
};

export interface ListingHooks {
  onEffective?: (personKey: string, inForce: boolean) => void;
}

export async function actOnEntry(ctx: Ctx & ListingHooks, actor: Actor | { id: string; role: 'system'; districtCode?: null; unitId?: null }, id: string, action: ListAction, payload: ListPayload & { note?: string } = {}) {
  const row = await abnormalRepo.get(ctx.db, id);
  if (!row) return fail('not_found', '名录条目不存在');
  if (actor.role === 'supervisor' && row.district_code && actor.districtCode && row.district_code !== actor.districtCode) return fail('not_found', '名录条目不存在或不属本区');
  const today = ctx.today();
  let next: ListEntry;
  try {
    next = transition(row.entry as unknown as ListEntry, action, { role: actor.role, id: actor.id, ...(actor.districtCode ? { district: actor.districtCode } : {}) }, today, payload).entry;
  } catch (e) {
    if (e instanceof DueProcessError) return fail(/not allowed from/.test(e.message) ? 'illegal_transition' : /role/.test(e.message) ? 'forbidden' : 'invalid_input', e.message);
    throw e;
  }
  const before = effectsOf(row.entry as unknown as ListEntry, today).excludeFromMediationKpi;
  const after = effectsOf(next, today).excludeFromMediationKpi;
  await ctx.db.tx(async (q) => {
    await abnormalRepo.update(q, id, next.state, next, next.criteria, next.expires_at ?? null);
    if (before !== after) await abnormalRepo.flagTickets(q, row.person_key, after);
    await audit(q, { actorId: actor.id, actorRole: actor.role, unitId: actor.unitId ?? null, action: AUDIT[action], subjectType: 'abnormal', subjectId: id, detail: { action, state: next.state, legal_basis: payload.legal_basis, reason: payload.reason } });
  });
  if (before !== after) ctx.onEffective?.(row.person_key, after);
  return { id, state: next.state, entry: next };
}

/** Scheduler: listings whose period ran out leave the list (期满移出). */
export async function expireEntries(ctx: Ctx & ListingHooks): Promise<number> {
  let n = 0;
  for (const e of await abnormalRepo.expiring(ctx.db, ctx.today())) {
    await actOnEntry(ctx, { id: 'system', role: 'system' }, e.id, 'expire');
    n++;
  }
  return n;
}
