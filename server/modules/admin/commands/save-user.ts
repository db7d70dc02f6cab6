/**
 * An administrator creates an account or changes one (name, role, unit, enterprise, active). Every change is audited
 * with what changed; a change of role, unit or activity ends the user's sessions so it takes effect at once. An admin
 * cannot lock themself out, nor leave the system without an active admin (domain/users.ts).
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { ROLES, type Role } from '../../../../shared/domain.js';
import { accessRepo, hashPasswordAsync, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { lockoutProblem, passwordProblem, unitProblem, USERNAME } from '../domain/users.js';
import { adminRepo, type UserPatch } from '../repository.js';

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  unit_id?: string | null;
  enterprise_key?: string | null;
  password: string;
}

async function checkUnit(ctx: Ctx, role: Role, unitId: string | null | undefined) {
  const unit = unitId ? await accessRepo.getUnit(ctx.db, unitId) : null;
  if (unitId && !unit) return fail('invalid_input', { zh: `没有该单位：${unitId}`, en: `No such unit: ${unitId}` });
  const p = unitProblem(role, unit);
  if (p) return fail('invalid_input', p);
}

export async function createUser(ctx: Ctx, actor: Actor, u: NewUser) {
  const username = u.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    return fail('invalid_input', {
      zh: '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头',
      en: 'The username must be 3–32 lowercase letters, digits or _ . -, starting with a letter.',
    });
  if (!ROLES.includes(u.role))
    return fail('invalid_input', { zh: `没有该角色：${u.role}`, en: `No such role: ${u.role}` });
  await checkUnit(ctx, u.role, u.unit_id);
  if (u.role === 'enterprise' && !u.enterprise_key?.trim())
    return fail('invalid_input', {
      zh: '企业账号须填写所代表的企业',
      en: 'An enterprise account must name the enterprise it represents.',
    });
  const pw = passwordProblem(u.password, username);
  if (pw) return fail('invalid_input', pw);
  if (await adminRepo.usernameTaken(ctx.db, username))
    return fail('conflict', { zh: `用户名已存在：${username}`, en: `The username already exists: ${username}` });
  const id = randomUUID();
  const hash = await hashPasswordAsync(u.password);
  await ctx.db.tx(async (q) => {
    await adminRepo.insertUser(q, {
      id,
      username,
      password_hash: hash,
      display_name: u.display_name.trim(),
      role: u.role,
      unit_id: u.unit_id ?? null,
      enterprise_key: u.role === 'enterprise' ? u.enterprise_key!.trim() : null,
      at: ctx.now(),
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      detail: { username, role: u.role, unit_id: u.unit_id ?? null },
    });
  });
  return (await adminRepo.getUser(ctx.db, id))!;
}

export async function updateUser(ctx: Ctx, actor: Actor, id: string, p: UserPatch) {
  const before = await adminRepo.getUser(ctx.db, id);
  if (!before) return fail('not_found', { zh: `没有该用户`, en: 'No such user.' });
  if (p.role !== undefined && !ROLES.includes(p.role as Role))
    return fail('invalid_input', { zh: `没有该角色：${p.role}`, en: `No such role: ${p.role}` });
  if (p.display_name !== undefined && !p.display_name.trim())
    return fail('invalid_input', { zh: '姓名不能为空', en: 'The name cannot be empty.' });
  const role = (p.role ?? before.role) as Role;
  // a role change without a unit keeps the old unit only where it still fits the new role
  const unitId = p.unit_id !== undefined ? p.unit_id : before.unit_id;
  await checkUnit(ctx, role, unitId);
  const enterpriseKey =
    role === 'enterprise' ? (p.enterprise_key !== undefined ? p.enterprise_key : before.enterprise_key) : null;
  if (role === 'enterprise' && !enterpriseKey?.trim())
    return fail('invalid_input', {
      zh: '企业账号须填写所代表的企业',
      en: 'An enterprise account must name the enterprise it represents.',
    });
  const after = { id, role, active: p.active ?? before.active };
  const lock = lockoutProblem(
    actor.id,
    { id, role: before.role as Role, active: before.active },
    after,
    await adminRepo.countActiveAdmins(ctx.db),
  );
  if (lock) return fail('forbidden', lock);
  const patch: UserPatch = {
    display_name: p.display_name?.trim(),
    role,
    unit_id: unitId,
    enterprise_key: enterpriseKey,
    active: after.active,
  };
  const changed = Object.fromEntries(
    Object.entries(patch).filter(
      ([k, v]) => v !== undefined && v !== (before as unknown as Record<string, unknown>)[k],
    ),
  );
  if (!Object.keys(changed).length) return before;
  await ctx.db.tx(async (q) => {
    await adminRepo.updateUser(q, id, patch);
    const ended =
      'role' in changed || 'unit_id' in changed || 'active' in changed || 'enterprise_key' in changed
        ? await adminRepo.endSessions(q, id)
        : 0;
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      detail: { username: before.username, changed, sessions_ended: ended },
    });
  });
  return (await adminRepo.getUser(ctx.db, id))!;
}

/** Sets a new password chosen by the admin (told to the user out of band) and ends the user's sessions. */
export async function resetPassword(ctx: Ctx, actor: Actor, id: string, password: string) {
  const u = await adminRepo.getUser(ctx.db, id);
  if (!u) return fail('not_found', { zh: '没有该用户', en: 'No such user.' });
  const pw = passwordProblem(password, u.username);
  if (pw) return fail('invalid_input', pw);
  const hash = await hashPasswordAsync(password);
  let ended = 0;
  await ctx.db.tx(async (q) => {
    await adminRepo.setPassword(q, id, hash, ctx.now());
    // whoever knew the old password is signed out everywhere (an admin resetting their own password signs in again)
    ended = await adminRepo.endSessions(q, id);
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      detail: { username: u.username, sessions_ended: ended },
    });
  });
  return { ok: true, sessions_ended: ended };
}
