/**
 * A user account for an ODR firm: role enterprise, linked to the firm by its key, the password set by the admin and
 * hashed like every other account (scrypt, access module). Only an enrolled (or applied) firm gets accounts.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { accessRepo, hashPasswordAsync, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { odrRepo } from '../repository/enterprises.js';

export const PASSWORD_MIN = 10;

export async function createFirmAccount(
  ctx: Ctx,
  actor: Actor,
  key: string,
  i: { username: string; display_name: string; password: string },
) {
  const username = i.username.trim();
  if (!/^[A-Za-z0-9_.@-]{3,40}$/.test(username))
    return fail('invalid_input', {
      zh: '用户名为3–40位字母、数字或 _ . @ -',
      en: 'The username must be 3–40 letters, digits or _ . @ -',
    });
  if (i.password.length < PASSWORD_MIN || !/[A-Za-z]/.test(i.password) || !/\d/.test(i.password))
    return fail('invalid_input', {
      zh: `密码至少${PASSWORD_MIN}位，须同时含字母和数字`,
      en: `The password needs at least ${PASSWORD_MIN} characters, with both letters and digits.`,
    });
  if (!i.display_name.trim())
    return fail('invalid_input', { zh: '显示名称不能为空', en: 'The display name cannot be empty.' });
  const e = await odrRepo.enrolment(ctx.db, key);
  if (!e?.enrol_state || e.enrol_state === 'rejected')
    return fail('not_found', {
      zh: `没有该ODR企业 (${key.slice(0, 60)})`,
      en: `No such ODR enterprise (${key.slice(0, 60)}).`,
    });
  // scrypt off the event loop, before the transaction
  const password_hash = await hashPasswordAsync(i.password);
  return ctx.db.tx(async (q) => {
    const id = randomUUID();
    const ok = await accessRepo.insertUser(q, {
      id,
      username,
      password_hash,
      display_name: i.display_name.trim(),
      role: 'enterprise',
      unit_id: null,
      enterprise_key: key,
    });
    if (!ok)
      return fail('conflict', { zh: `用户名 ${username} 已被使用`, en: `The username ${username} is already taken.` });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'odr.account',
      subjectType: 'user',
      subjectId: id,
      detail: { enterprise: key, op: 'create' },
    });
    return { id, username, display_name: i.display_name.trim(), active: true };
  });
}
