/**
 * Password hashing with scrypt (node:crypto), salted, constant-time comparison. The async forms run scrypt on libuv's
 * thread pool: a login flood then costs CPU on those threads, not the event loop that answers every other request.
 * The sync form remains for seeding accounts at start-up.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 };

const scryptAsync = (pw: string, salt: Buffer, len: number): Promise<Buffer> =>
  new Promise((res, rej) => scrypt(pw, salt, len, PARAMS, (e, k) => (e ? rej(e) : res(k))));

export function hashPassword(pw: string): string {
  const salt = randomBytes(16);
  const h = scryptSync(pw, salt, 32, PARAMS);
  return `scrypt$${salt.toString('base64')}$${h.toString('base64')}`;
}

export async function hashPasswordAsync(pw: string): Promise<string> {
  const salt = randomBytes(16);
  const h = await scryptAsync(pw, salt, 32);
  return `scrypt$${salt.toString('base64')}$${h.toString('base64')}`;
}

export function verifyPassword(pw: string, stored: string): boolean {
  const [alg, s, h] = stored.split('$');
  if (alg !== 'scrypt' || !s || !h) return false;
  const want = Buffer.from(h, 'base64');
  const got = scryptSync(pw, Buffer.from(s, 'base64'), want.length, PARAMS);
  return timingSafeEqual(want, got);
}

/** Same result as verifyPassword, off the event loop. A malformed stored hash still costs one scrypt (no timing tell). */
export async function verifyPasswordAsync(pw: string, stored: string): Promise<boolean> {
  const [alg, s, h] = stored.split('$');
  const ok = alg === 'scrypt' && !!s && !!h;
  const want = ok ? Buffer.from(h, 'base64') : Buffer.alloc(32);
  const got = await scryptAsync(pw, ok ? Buffer.from(s, 'base64') : Buffer.alloc(16), want.length || 32);
  return ok && want.length === got.length && timingSafeEqual(want, got);
}

/**
 * A hash no password matches in practice, for unknown usernames: the login does the same scrypt work whether or not
 * the account exists, so the answer time does not tell an attacker which usernames are real.
 */
export const DUMMY_HASH = `scrypt$${Buffer.alloc(16, 7).toString('base64')}$${Buffer.alloc(32, 0).toString('base64')}`;
