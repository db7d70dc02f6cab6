/**
 * A business asks for a correction of what the public disclosure shows about it (wrong business, a complaint that
 * was not about it, a settled case counted as unsettled…). Stored for the administrator; the contact is personal data,
 * sealed at rest and shown masked. Audited as the filing of a request, not as an access to personal data.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { mask } from '../../../platform/crypto/index.js';
import { fail } from '../../../platform/errors/index.js';
import { normaliseBusinessKey } from '../../intake/index.js';
import type { Ctx } from '../../workflow/index.js';
import { correctionRepo } from '../repository.js';

export interface CorrectionInput {
  business: string;
  credit_code?: string;
  reason: string;
  contact: string;
}

export async function fileCorrection(ctx: Ctx, i: CorrectionInput): Promise<{ id: string; state: string }> {
  const key = normaliseBusinessKey(i.business);
  if (!key || !(await correctionRepo.knownBusiness(ctx.db, key)))
    return fail('not_found', {
      zh: '公示中没有该经营者，请核对名称',
      en: 'This business is not in the public listing; please check the name.',
    });
  const id = `COR-${randomUUID().slice(0, 8)}`;
  const contact = i.contact.trim();
  const masked = /^\d{7,}$/.test(contact.replace(/[\s-]/g, ''))
    ? mask.phone(contact.replace(/[\s-]/g, ''))
    : contact.includes('@')
      ? contact.replace(/^(.).*(@.*)$/, '$1***$2')
      : `${[...contact][0] ?? ''}***`;
  await ctx.db.tx(async (q) => {
    await correctionRepo.insert(q, {
      id,
      business: i.business.trim(),
      businessKey: key,
      creditCode: i.credit_code?.trim() || null,
      reason: i.reason.trim(),
      contactEnc: ctx.sealer.seal({ contact }),
      contactMask: masked ?? null,
      at: ctx.now(),
    });
    await audit(q, {
      actorId: null,
      actorRole: 'public',
      unitId: null,
      action: 'disclosure.correction',
      subjectType: 'disclosure_correction',
      subjectId: id,
      detail: { business_key: key },
    });
  });
  return { id, state: 'open' };
}
