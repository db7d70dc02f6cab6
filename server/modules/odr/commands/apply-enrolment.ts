/**
 * ODR入驻申请: a business applies itself (public form, rate-limited) or staff apply on its behalf (hotline, station,
 * admin). The application waits for the admin's decision; the contact names a person, so it is sealed at rest.
 * A firm that was rejected or withdrew may apply again; one already applied or enrolled may not.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { normaliseBusinessKey } from '../../intake/index.js';
import type { Ctx } from '../../workflow/index.js';
import { checkContact, checkCreditCode, checkWindow, type Contact } from '../domain/enrolment.js';
import { odrRepo } from '../repository/enterprises.js';

export interface ApplyInput {
  name: string;
  credit_code?: string | null;
  /** the platform the firm sells on (its enterprise key or name), e.g. a shop inside a marketplace's 联络站 */
  platform?: string | null;
  contact: Contact;
  /** the settlement window asked for, in working days (the admin decides; empty: the rule set's default) */
  window_days?: number | null;
}

export async function applyEnrolment(ctx: Ctx, actor: Actor | null, i: ApplyInput) {
  const name = i.name.trim();
  if (name.length < 2)
    return fail('invalid_input', { zh: '企业名称至少2个字', en: 'The enterprise name needs at least 2 characters.' });
  const problem = checkContact(i.contact) ?? checkCreditCode(i.credit_code) ?? checkWindow(i.window_days);
  if (problem) return fail('invalid_input', problem);
  const key = normaliseBusinessKey(name);
  const platform = i.platform?.trim() ? normaliseBusinessKey(i.platform.trim()) : null;
  if (platform === key)
    return fail('invalid_input', { zh: '所属平台不能是企业自身', en: 'The platform cannot be the enterprise itself.' });
  const by = actor?.id ?? 'public';
  return ctx.db.tx(async (q) => {
    const ok = await odrRepo.apply(q, {
      key,
      name,
      credit_code: i.credit_code?.trim() || null,
      platform,
      window_days: i.window_days ?? null,
      applied_by: by,
      at: ctx.now(),
      contact_enc: ctx.sealer.seal({
        name: i.contact.name.trim(),
        phone: i.contact.phone.replace(/\s/g, ''),
        email: i.contact.email?.trim() || undefined,
      }),
    });
    if (!ok)
      return fail('conflict', {
        zh: `「${name}」已提交申请或已是ODR企业 (already applied or enrolled)`,
        en: `“${name}” has already applied or is already an ODR enterprise.`,
      });
    await audit(q, {
      actorId: by,
      actorRole: actor?.role ?? 'public',
      unitId: actor?.unitId,
      action: 'odr.apply',
      subjectType: 'enterprise',
      subjectId: key,
      detail: { by_staff: !!actor },
    });
    return { key, name, enrol_state: 'applied' as const };
  });
}
