/** Disables (or re-enables) one of an ODR firm's accounts; disabling ends its sessions at once. */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { accessRepo, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';

export async function setFirmAccountActive(ctx: Ctx, actor: Actor, key: string, userId: string, active: boolean) {
  return ctx.db.tx(async (q) => {
    const u = await accessRepo.userById(q, userId);
    // an account of another firm, or a staff account, is answered like one that does not exist
    if (!u || u.role !== 'enterprise' || u.enterprise_key !== key)
      return fail('not_found', { zh: '该企业没有这个账户', en: 'This enterprise has no such account.' });
    await accessRepo.setActive(q, userId, active);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.account',
      subjectType: 'user',
      subjectId: userId,
      detail: { enterprise: key, op: active ? 'enable' : 'disable' },
    });
    return { id: userId, username: u.username, active };
  });
}
