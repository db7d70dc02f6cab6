/** Login with a password → an opaque session token (only its hash is stored). */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Role } from '../../../../shared/domain.js';
import { audit } from '../../../platform/audit/index.js';
import { DUMMY_HASH, verifyPasswordAsync } from '../domain/password.js';
import { LoginThrottle } from '../domain/throttle.js';
import type { Actor } from '../domain/actor.js';
import { accessRepo, type UserRow } from '../repository.js';

export const tokenHash = (t: string) => createHash('sha256').update(t).digest('base64url');

export function toActor(u: UserRow): Actor {
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    displayName: u.display_name,
    unitId: u.unit_id,
    districtCode: u.district_code,
    enterpriseKey: u.enterprise_key,
  };
}

/** The process's login throttle (in-process state: see domain/throttle.ts). */
export const loginThrottle = new LoginThrottle();

export interface LoginOptions {
  /** the client's address (per-address back-off) */
  address?: string;
  throttle?: LoginThrottle;
  now?: () => number;
}

/**
 * Checks the throttle before the password; hashes against a dummy for unknown or inactive accounts (same work, same
 * answer); audits every failure, the lockout and the success. A throttled attempt is refused without looking at the
 * password, so guessing goes no faster by ignoring the back-off.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  o: LoginOptions = {},
): Promise<{ token: string; actor: Actor }> {
  const throttle = o.throttle ?? loginThrottle;
  const now = o.now ?? Date.now;
  const address = o.address ?? 'unknown';
  const v = throttle.check(username, address, now());
  if (!v.ok) {
    const s = Math.ceil(v.retryAfterMs / 1000);
    const what =
      v.why === 'account_locked'
        ? '该账号因连续登录失败已被临时锁定'
        : v.why === 'address_backoff'
          ? '该地址登录失败次数过多'
          : '登录失败次数过多';
    const whatEn =
      v.why === 'account_locked'
        ? 'This account is locked for a while after repeated failed logins'
        : 'Too many failed logins' + (v.why === 'address_backoff' ? ' from this address' : '');
    return fail(
      'rate_limited',
      { zh: `${what}，请 ${s} 秒后再试 (${v.why})`, en: `${whatEn}; please try again in ${s} s.` },
      { retry_after_s: s, reason: v.why },
    );
  }
  const u = await accessRepo.userByUsername(db, username);
  const ok = await verifyPasswordAsync(password, u?.password_hash ?? DUMMY_HASH);
  if (!u || !u.active || !ok) {
    const f = throttle.fail(username, address, now());
    const subject = u?.id ?? null;
    await audit(db, {
      actorId: subject,
      actorRole: u?.role ?? null,
      action: 'login.failed',
      subjectType: 'user',
      subjectId: subject ?? `username:${username.slice(0, 64)}`,
      detail: { address, failures: f.failures, known: !!u },
    });
    if (f.locked) {
      await audit(db, {
        actorId: null,
        actorRole: 'system',
        action: 'login.lockout',
        subjectType: 'user',
        subjectId: subject ?? `username:${username.slice(0, 64)}`,
        detail: { address, failures: f.failures, minutes: Math.round(throttle.policy.lockMs / 60_000) },
      });
    }
    return fail('unauthenticated', {
      zh: '用户名或密码错误 (wrong username or password)',
      en: 'Wrong username or password.',
    });
  }
  throttle.succeed(username);
  const token = randomBytes(32).toString('base64url');
  await accessRepo.insertSession(db, tokenHash(token), u.id, 12);
  await audit(db, {
    actorId: u.id,
    actorRole: u.role,
    unitId: u.unit_id,
    action: 'login',
    subjectType: 'user',
    subjectId: u.id,
    detail: { address },
  });
  return { token, actor: toActor(u) };
}

export async function resolveSession(db: Db, token: string): Promise<Actor | null> {
  const u = await accessRepo.userBySession(db, tokenHash(token));
  return u ? toActor(u) : null;
}

export async function logout(db: Db, token: string): Promise<void> {
  await accessRepo.deleteSession(db, tokenHash(token));
}
