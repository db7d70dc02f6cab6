/** Revokes a firm's API key at once (the next request with it answers 401). */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { keyRepo } from '../repository/keys.js';

export async function revokeApiKey(ctx: Ctx, actor: Actor, key: string, keyId: string) {
  if (actor.apiKeyId)
    return fail('forbidden', { zh: 'API密钥不能用于管理密钥', en: 'An API key cannot be used to manage keys.' });
  return ctx.db.tx(async (q) => {
    if (!(await keyRepo.revoke(q, key, keyId, actor.id, ctx.now())))
      return fail('not_found', { zh: '没有这个有效密钥', en: 'No such active key.' });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.key',
      subjectType: 'enterprise',
      subjectId: key,
      detail: { op: 'revoke', key_id: keyId },
    });
    return { id: keyId, revoked: true };
  });
}
