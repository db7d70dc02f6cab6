/** Login with a password → an opaque session token (only its hash is stored). */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Role } from '../../../../shared/domain.js';
import { verifyPassword } from '../domain/password.js';
import type { Actor } from '../domain/actor.js';
import { accessRepo, type UserRow } from '../repository.js';

export const tokenHash = (t: string) => createHash('sha256').update(t).digest('base64url');

export function toActor(u: UserRow): Actor {
  return {
    id: u.id, username: u.username, role: u.role as Role, displayName: u.display_name, unitId: u.unit_id,
    districtCode: u.district_code, enterpriseKey: u.enterprise_key,
  };
}

export async function login(db: Db, username: string, password: string): Promise<{ token: string; actor: Actor }> {
  const u = await accessRepo.userByUsername(db, username);
  if (!u || !u.active || !verifyPassword(password, u.password_hash)) return fail('unauthenticated', '用户名或密码错误 (wrong username or password)');
  const token = randomBytes(32).toString('base64url');
  await accessRepo.insertSession(db, tokenHash(token), u.id, 12);
  return { token, actor: toActor(u) };
}

export async function resolveSession(db: Db, token: string): Promise<Actor | null> {
  const u = await accessRepo.userBySession(db, tokenHash(token));
  return u ? toActor(u) : null;
}

export async function logout(db: Db, token: string): Promise<void> {
  await accessRepo.deleteSession(db, tokenHash(token));
}
