/**
 * The rules of user administration, pure: which unit a role may belong to, what a password must be, and the change
 * an administrator may not make to their own account (locking themself or the last administrator out).
 */
import type { Role } from '../../../../shared/domain.js';
import { ROLE_UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../../shared/admin.js';

export interface UnitRef {
  id: string;
  kind: UnitKind;
}

/** Why a role/unit pair is refused, or null. Roles without a unit (enterprise, partner, public) must have none. */
export function unitProblem(role: Role, unit: UnitRef | null | undefined): string | null {
  const kinds = ROLE_UNIT_KINDS[role];
  if (!kinds) return unit ? '该角色不隶属任何单位' : null;
  if (!unit) return '该角色须指定所属单位';
  if (!kinds.includes(unit.kind)) return `该角色的单位须为${kinds.map((k) => UNIT_KIND_LABELS[k]).join('或')}`;
  return null;
}

/** At least 8 characters with a letter and a digit; never the username. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 200) return '密码过长';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同';
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
): string | null {
  const wasAdmin = before.role === 'admin' && before.active;
  const isAdmin = after.role === 'admin' && after.active;
  if (!wasAdmin || isAdmin) return null;
  if (before.id === actorId) return '不能取消自己的管理员角色或停用自己的账号';
  if (activeAdmins <= 1) return '系统至少需要一名在用的管理员';
  return null;
}
