/** The actor an API key speaks as: its firm, in the enterprise role, marked as a key (not a person's session). */
import { tokenHash, type Actor } from '../../access/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import { isApiKey } from '../domain/bulk.js';
import { keyRepo } from '../repository/keys.js';

export async function resolveApiKey(db: Queryable, token: string, at: Date): Promise<Actor | null> {
  if (!isApiKey(token)) return null;
  const k = await keyRepo.resolve(db, tokenHash(token), at);
  if (!k) return null;
  return {
    id: `apikey:${k.id}`,
    username: `apikey:${k.prefix}`,
    role: 'enterprise',
    displayName: `${k.name}（API）`,
    unitId: null,
    districtCode: null,
    enterpriseKey: k.enterprise_key,
    apiKeyId: k.id,
  };
}
