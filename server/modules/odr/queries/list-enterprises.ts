/**
 * The ODR register for staff: applications waiting first, each firm with its state, window, platform and a masked
 * contact; one firm in full (the contact opened — audited like any personal data) with its accounts and API keys.
 */
import { audit } from '../../../platform/audit/index.js';
import { mask } from '../../../platform/crypto/index.js';
import { fail } from '../../../platform/errors/index.js';
import { accessRepo, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { ENROL_STATE_LABELS, type Contact, type EnrolState } from '../domain/enrolment.js';
import { odrRepo, type EnrolmentRow } from '../repository/enterprises.js';
import { keyRepo } from '../repository/keys.js';

function contactOf(ctx: Ctx, r: EnrolmentRow): Contact | null {
  if (!r.contact_enc) return null;
  try {
    return ctx.sealer.open<Contact>(r.contact_enc);
  } catch {
    return null;
  }
}

function present(r: EnrolmentRow, contact: Contact | null, full: boolean) {
  return {
    key: r.key,
    name: r.name,
    credit_code: r.credit_code,
    enrol_state: r.enrol_state,
    state_label: r.enrol_state ? ENROL_STATE_LABELS[r.enrol_state] : null,
    odr: r.odr,
    odr_since: r.odr_since,
    window_days: r.window_days,
    platform: r.platform,
    contact: contact ? (full ? contact : { name: mask.name(contact.name), phone: mask.phone(contact.phone) }) : null,
    applied_by: r.applied_by,
    applied_at: r.applied_at,
    decided_by: r.decided_by,
    decided_at: r.decided_at,
    decision_note: r.decision_note,
  };
}

export async function listEnterprises(
  ctx: Ctx,
  f: { state?: EnrolState; q?: string; limit?: number; offset?: number },
) {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const { rows, total } = await odrRepo.list(ctx.db, {
    state: f.state ?? null,
    q: f.q?.trim().slice(0, 100) || null,
    limit,
    offset: Math.max(f.offset ?? 0, 0),
  });
  return { total, items: rows.map((r) => present(r, contactOf(ctx, r), false)) };
}

export async function getEnterprise(ctx: Ctx, actor: Actor, key: string) {
  const r = await odrRepo.enrolment(ctx.db, key);
  if (!r?.enrol_state)
    return fail('not_found', {
      zh: `没有该ODR企业 (${key.slice(0, 60)})`,
      en: `No such ODR enterprise (${key.slice(0, 60)}).`,
    });
  const contact = contactOf(ctx, r);
  if (contact)
    await audit(ctx.db, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'personal_data.view',
      subjectType: 'enterprise',
      subjectId: key,
      purpose: 'ODR企业联系人',
      detail: { contact: true },
    });
  const [accounts, keys] = await Promise.all([accessRepo.enterpriseUsers(ctx.db, key), keyRepo.list(ctx.db, key)]);
  return { ...present(r, contact, true), accounts, keys };
}
