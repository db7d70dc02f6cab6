/**
 * A step of due process on a list entry — review, list (with the legal basis), reject, notify once, appeal,
 * dismiss the appeal, correct, remove, expire — through the risk module's state machine, audited. Effects follow the
 * state: while a listing is in force the person's tickets are flagged (left out of the mediation-success KPI, later
 * complaints handled in simplified form while report parts are still verified) and the early-warning detector
 * discounts them; removal or expiry lifts both.
 */
import { audit } from '../../../platform/audit/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';
import type { Actor } from '../../access/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { effectsOf, transition, type ListAction, type ListEntry, type ListPayload } from '../../risk/index.js';
import type { Ctx } from '../../workflow/index.js';
import { abnormalRepo } from '../repository.js';

const AUDIT: Record<
  ListAction,
  'abnormal.review' | 'abnormal.notify' | 'abnormal.appeal' | 'abnormal.remove' | 'abnormal.propose'
> = {
  propose: 'abnormal.propose',
  start_review: 'abnormal.review',
  list: 'abnormal.review',
  reject: 'abnormal.review',
  notify: 'abnormal.notify',
  appeal: 'abnormal.appeal',
  dismiss_appeal: 'abnormal.appeal',
  correct: 'abnormal.review',
  remove: 'abnormal.remove',
  expire: 'abnormal.remove',
};

export async function actOnEntry(
  ctx: Ctx,
  actor: Actor | { id: string; role: 'system'; districtCode?: null; unitId?: null },
  id: string,
  action: ListAction,
  payload: ListPayload & { note?: string } = {},
) {
  const row = await abnormalRepo.get(ctx.db, id);
  if (!row) throw new DomainError('not_found', { zh: '名录条目不存在', en: 'No such list entry.' });
  if (
    actor.role === 'supervisor' &&
    row.district_code &&
    actor.districtCode &&
    row.district_code !== actor.districtCode
  )
    throw new DomainError('not_found', {
      zh: '名录条目不存在或不属本区',
      en: 'No such list entry, or not in this district.',
    });
  const today = ctx.today();
  // a refused step throws a DueProcessError carrying its own code (illegal_transition, forbidden, invalid_input)
  const next: ListEntry = transition(
    row.entry as unknown as ListEntry,
    action,
    { role: actor.role, id: actor.id, ...(actor.districtCode ? { district: actor.districtCode } : {}) },
    today,
    payload,
  ).entry;
  const before = effectsOf(row.entry as unknown as ListEntry, today).excludeFromMediationKpi;
  const after = effectsOf(next, today).excludeFromMediationKpi;
  await ctx.db.tx(async (q) => {
    await abnormalRepo.update(q, id, next.state, next, next.criteria, next.expires_at ?? null);
    if (before !== after) await abnormalRepo.flagTickets(q, row.person_key, after);
    // the detector's discount list follows `in_force` (subscriber in the worker role)
    await appendEvents(q, [
      event('listing.changed', id, {
        entry_id: id,
        person_key: row.person_key,
        state: next.state,
        in_force: after,
        effect_changed: before !== after,
      }),
    ]);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId ?? null,
      action: AUDIT[action],
      subjectType: 'abnormal',
      subjectId: id,
      detail: { action, state: next.state, legal_basis: payload.legal_basis, reason: payload.reason },
    });
  });
  return { id, state: next.state, entry: next };
}

/** Scheduler: listings whose period ran out leave the list (期满移出). */
export async function expireEntries(ctx: Ctx): Promise<number> {
  let n = 0;
  for (const e of await abnormalRepo.expiring(ctx.db, ctx.today())) {
    await actOnEntry(ctx, { id: 'system', role: 'system' }, e.id, 'expire');
    n++;
  }
  return n;
}
