/** The users screen: every account with its role and unit in Chinese, never a password hash. */
import { ROLE_LABELS, type Role } from '../../../../shared/domain.js';
import type { Ctx } from '../../workflow/index.js';
import { adminRepo, type AdminUserRow } from '../repository.js';

export const presentUser = (u: AdminUserRow) => ({
  id: u.id,
  username: u.username,
  display_name: u.display_name,
  role: u.role,
  role_label: ROLE_LABELS[u.role as Role] ?? '其他',
  unit_id: u.unit_id,
  unit_name: u.unit_name,
  enterprise_key: u.enterprise_key,
  active: u.active,
  created_at: u.created_at,
  password_set_at: u.password_set_at,
  last_login: u.last_login,
});

export async function listUsers(ctx: Ctx) {
  return { items: (await adminRepo.listUsers(ctx.db)).map(presentUser) };
}
