/** The admin changes an ODR firm's settlement window, its platform or its contact; complaints already sent keep their window. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { normaliseBusinessKey } from '../../intake/index.js';
import type { Ctx } from '../../workflow/index.js';
import { checkContact, checkWindow, type Contact } from '../domain/enrolment.js';
import { odrRepo } from '../repository/enterprises.js';

export async function updateEnrolment(
  ctx: Ctx,
  actor: Actor,
  key: string,
  p: { window_days?: number | null; platform?: string | null; contact?: Contact },
) {
  const problem = checkWindow(p.window_days) ?? (p.contact ? checkContact(p.contact) : null);
  if (problem) return fail('invalid_input', problem);
  const platform =
    p.platform === undefined ? undefined : p.platform?.trim() ? normaliseBusinessKey(p.platform.trim()) : null;
  if (platform && platform === key)
    return fail('invalid_input', { zh: '所属平台不能是企业自身', en: 'The platform cannot be the enterprise itself.' });
  return ctx.db.tx(async (q) => {
    const e = await odrRepo.enrolment(q, key, true);
    if (!e?.enrol_state)
      return fail('not_found', {
        zh: `没有该ODR企业 (${key.slice(0, 60)})`,
        en: `No such ODR enterprise (${key.slice(0, 60)}).`,
      });
    await odrRepo.update(q, key, {
      window_days: p.window_days,
      platform,
      contact_enc: p.contact
        ? ctx.sealer.seal({
            name: p.contact.name.trim(),
            phone: p.contact.phone.replace(/\s/g, ''),
            email: p.contact.email?.trim() || undefined,
          })
        : undefined,
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.decide',
      subjectType: 'enterprise',
      subjectId: key,
      detail: { update: Object.keys(p) },
    });
    return { key, updated: Object.keys(p) };
  });
}
