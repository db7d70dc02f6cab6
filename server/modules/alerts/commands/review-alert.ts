/**
 * A supervisor or analyst reviews an alert: confirm, dismiss with a reason (a dismissed alert is not a miss and does
 * not teach the detector anything), record what was done (约谈, inspection, consumer warning…), or reopen.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { areaInScope, scopeOf, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import {
  transition,
  type AlertCommand,
  type AlertLifecycle,
  type DismissReason,
  type HandlingAction,
} from '../../early-warning/index.js';
import { alertRepo } from '../repository.js';

export interface ReviewInput {
  command: 'confirm' | 'dismiss' | 'handle' | 'reopen';
  reason?: string;
  actions?: string[];
  note?: string;
}

/** An alert is area-level: the city reads all, a district bureau its district's and the city-wide ones (catalog). */
export function canSeeAlert(a: Actor, districtCode: string | null): boolean {
  return areaInScope(scopeOf(a, 'alerts.read'), districtCode);
}

export async function reviewAlert(ctx: Ctx, actor: Actor, id: string, i: ReviewInput) {
  const a = await alertRepo.get(ctx.db, id);
  if (!a || !canSeeAlert(actor, a.district_code))
    return fail('not_found', { zh: '预警不存在或无权访问', en: 'No such alert, or not visible to you.' });
  const at = ctx.today();
  const by = actor.id;
  const cmd: AlertCommand =
    i.command === 'dismiss'
      ? { type: 'dismiss', by, at, reason: (i.reason ?? 'other') as DismissReason, ...(i.note ? { note: i.note } : {}) }
      : i.command === 'handle'
        ? {
            type: 'handle',
            by,
            at,
            actions: (i.actions ?? []) as HandlingAction[],
            ...(i.note ? { note: i.note } : {}),
          }
        : { type: i.command, by, at, ...(i.note ? { note: i.note } : {}) };
  // a refused command throws an AlertTransitionError carrying its own code (illegal_transition or invalid_input)
  const next: AlertLifecycle = transition(a.lifecycle as unknown as AlertLifecycle, cmd);
  await ctx.db.tx(async (q) => {
    await alertRepo.setLifecycle(q, id, next.state, next);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'alert.review',
      subjectType: 'alert',
      subjectId: id,
      detail: { command: i.command, state: next.state },
    });
  });
  return { id, state: next.state, lifecycle: next };
}
