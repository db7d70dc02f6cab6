/**
 * The admin's decision on an ODR firm: approve (with its settlement window, or the rule set's), reject an application
 * with a reason, or withdraw an enrolled firm (退出) with a reason. Only an approved firm receives complaints; a
 * withdrawn firm's API keys stop working with it (they resolve only for enrolled firms).
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { decideEnrolment, type EnrolDecision } from '../domain/enrolment.js';
import { odrRepo } from '../repository/enterprises.js';

export async function decideOnEnrolment(
  ctx: Ctx,
  actor: Actor,
  key: string,
  d: EnrolDecision,
  i: { note?: string; window_days?: number | null },
) {
  return ctx.db.tx(async (q) => {
    const e = await odrRepo.enrolment(q, key, true);
    if (!e || (!e.enrol_state && !e.odr))
      return fail('not_found', {
        zh: `没有该企业的ODR申请 (${key.slice(0, 60)})`,
        en: `No ODR application from this enterprise (${key.slice(0, 60)}).`,
      });
    const v = decideEnrolment(e.enrol_state, d, i);
    if (!v.ok) return fail(v.code, v.message);
    await odrRepo.decide(q, key, {
      ...v.value,
      by: actor.id,
      at: ctx.now(),
      today: ctx.today(),
      note: i.note?.trim() || null,
      window_days: i.window_days,
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.decide',
      subjectType: 'enterprise',
      subjectId: key,
      detail: { decision: d, window_days: i.window_days ?? null },
    });
    return { key, enrol_state: v.value.state, odr: v.value.odr };
  });
}
