/**
 * The rules of user administration, pure: which unit a role may belong to, what a password must be, and the change
 * an administrator may not make to their own account (locking themself or the last administrator out).
 */
import type { Role } from '../../../../shared/domain.js';
import { ROLE_UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../../shared/admin.js';
import type { Bilingual } from '../../../platform/errors/index.js';

export interface UnitRef {
  id: string;
  kind: UnitKind;
}

/** Why a role/unit pair is refused, or null. Roles without a unit (enterprise, partner, public) must have none. */
export function unitProblem(role: Role, unit: UnitRef | null | undefined): Bilingual | null {
  const kinds = ROLE_UNIT_KINDS[role];
  if (!kinds) return unit ? { zh: '该角色不隶属任何单位', en: 'This role belongs to no unit.' } : null;
  if (!unit) return { zh: '该角色须指定所属单位', en: 'This role needs a unit.' };
  if (!kinds.includes(unit.kind))
    return {
      zh: `该角色的单位须为${kinds.map((k) => UNIT_KIND_LABELS[k]).join('或')}`,
      en: `This role's unit must be a ${kinds.join(' or ')}.`,
    };
  return null;
}

/** At least 8 characters with a letter and a digit; never the username. */
export function passwordProblem(password: string, username: string): Bilingual | null {
  if (password.length < 8) return { zh: '密码至少 8 位', en: 'The password needs at least 8 characters.' };
  if (password.length > 200) return { zh: '密码过长', en: 'The password is too long.' };
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    return { zh: '密码须同时包含字母和数字', en: 'The password needs both letters and digits.' };
  if (password.toLowerCase() === username.toLowerCase())
    return { zh: '密码不能与用户名相同', en: 'The password cannot be the username.' };
  return null;
}

export const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

export interface UserState {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * An administrator may not take away their own administration (demote or deactivate themself), and nobody may leave
 * the system without an active administrator. `activeAdmins` counts the active admins before the change.
 */
export function lockoutProblem(
  actorId: string,
  before: UserState,
  after: UserState,
  activeAdmins: number,
): Bilingual | null {
  const wasAdmin = before.role === 'admin' && before.active;
  const isAdmin = after.role === 'admin' && after.active;
  if (!wasAdmin || isAdmin) return null;
  if (before.id === actorId)
    return {
      zh: '不能取消自己的管理员角色或停用自己的账号',
      en: 'You cannot remove your own administrator role or deactivate your own account.',
    };
  if (activeAdmins <= 1)
    return { zh: '系统至少需要一名在用的管理员', en: 'The system needs at least one active administrator.' };
  return null;
}
