/**
 * An API key for a firm's bulk work (a platform's 联络站 settling thousands a day): 32 random bytes, shown once in the
 * answer, stored only as its SHA-256. It acts as the firm and nothing more (the enterprise role, scoped to the
 * firm's complaints); it cannot manage keys or accounts. Issued by the admin, or by the firm's own account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { tokenHash, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { API_KEY_PREFIX, keyPrefixOf } from '../domain/bulk.js';
import { keyRepo } from '../repository/keys.js';
import { odrRepo } from '../repository/enterprises.js';

/** A firm needs a few (one per integration, rotation overlap); more is a leak waiting to happen. */
export const MAX_ACTIVE_KEYS = 10;

export async function issueApiKey(ctx: Ctx, actor: Actor, key: string, label: string) {
  if (actor.apiKeyId)
    return fail('forbidden', { zh: 'API密钥不能用于管理密钥', en: 'An API key cannot be used to manage keys.' });
  const name = label.trim();
  if (!name)
    return fail('invalid_input', {
      zh: '请填写密钥用途（如：联络站批量接口）',
      en: "Please say what the key is for (e.g. the liaison station's bulk interface).",
    });
  const e = await odrRepo.get(ctx.db, key);
  if (!e?.odr)
    return fail('not_found', {
      zh: `${key.slice(0, 60)} 不是已入驻的ODR企业`,
      en: `${key.slice(0, 60)} is not an enrolled ODR enterprise.`,
    });
  return ctx.db.tx(async (q) => {
    if ((await keyRepo.countActive(q, key)) >= MAX_ACTIVE_KEYS)
      return fail('conflict', {
        zh: `每个企业最多${MAX_ACTIVE_KEYS}个有效密钥，请先吊销不用的密钥`,
        en: `Each enterprise may hold at most ${MAX_ACTIVE_KEYS} active keys; revoke one that is no longer used first.`,
      });
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    const at = ctx.now();
    await keyRepo.insert(q, {
      id,
      enterprise_key: key,
      prefix: keyPrefixOf(secret),
      key_hash: tokenHash(secret),
      label: name.slice(0, 80),
      created_by: actor.id,
      at,
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.key',
      subjectType: 'enterprise',
      subjectId: key,
      detail: { op: 'issue', key_id: id },
    });
    // the only time the secret leaves the server
    return { id, prefix: keyPrefixOf(secret), label: name.slice(0, 80), created_at: at, secret };
  });
}
