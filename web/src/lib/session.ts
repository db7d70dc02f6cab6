/** The signed-in user (from /api/me), shared by every screen; and which screens each role gets. */
import { reactive } from 'vue';
import { roleHolds, type Permission } from '../../../shared/permissions.js';
import { api } from './api';

export interface Me {
  id: string;
  username: string;
  role: string;
  role_label: string;
  displayName?: string;
  display_name?: string;
  unitId?: string | null;
  unit_name?: string | null;
  districtCode?: string | null;
  enterpriseKey?: string | null;
}

export const session = reactive<{ me: Me | null; loaded: boolean }>({ me: null, loaded: false });

/**
 * The session cookie is httpOnly, so the page cannot see it; a hint in localStorage says whether asking /api/me is
 * worth it. Anonymous visitors of the public portal then never trigger a 401 (which browsers log as an error).
 */
const HINT = 'xz_signed_in';
export async function loadMe(force = false): Promise<Me | null> {
  if (!force && localStorage.getItem(HINT) !== '1') {
    session.me = null;
    session.loaded = true;
    return null;
  }
  try {
    session.me = await api.get<Me>('/api/me', undefined, { quiet401: true });
    localStorage.setItem(HINT, '1');
  } catch {
    session.me = null;
    localStorage.removeItem(HINT);
  }
  session.loaded = true;
  return session.me;
}

export async function login(username: string, password: string): Promise<Me> {
  await api.post('/api/auth/login', { username, password });
  const me = await loadMe(true);
  if (!me) throw new Error('login failed');
  return me;
}

export async function logout() {
  await api.post('/api/auth/logout').catch(() => undefined);
  localStorage.removeItem(HINT);
  session.me = null;
}

export type Screen =
  | 'workbench'
  | 'intake'
  | 'cockpit'
  | 'analysis'
  | 'alerts'
  | 'abnormal'
  | 'monitoring'
  | 'enterprise'
  | 'admin'
  | 'models'
  | 'knowledge';

/** Screens per role, in menu order. The server enforces access; this only decides what to show. */
export const SCREENS: Record<string, Screen[]> = {
  operator: ['workbench', 'intake', 'knowledge'],
  officer: ['workbench', 'intake', 'knowledge'],
  supervisor: ['workbench', 'alerts', 'abnormal', 'cockpit', 'analysis', 'intake', 'knowledge', 'monitoring'],
  // the analyst reads the monitoring loop (the server refuses it every step)
  analyst: ['cockpit', 'analysis', 'alerts', 'abnormal', 'knowledge', 'monitoring'],
  admin: ['workbench', 'cockpit', 'analysis', 'alerts', 'abnormal', 'intake', 'admin', 'knowledge', 'monitoring'],
  // a third-party monitoring body sees only the instructions addressed to it
  monitor: ['monitoring'],
  enterprise: ['enterprise'],
  partner: ['abnormal'],
  public: [],
};

/**
 * Whether the signed-in user's role holds a permission of the catalog (shared/permissions.ts, the table the server's
 * route guards read). For showing a control only: the server still decides, and per ticket the detail's
 * `allowed_actions` (which also weigh the ticket's scope) are what a ticket screen renders.
 */
export function can(p: Permission): boolean {
  return roleHolds(session.me?.role, p);
}

export function homeOf(role: string | undefined): string {
  const s = SCREENS[role ?? 'public']?.[0];
  return s ? `/${s}` : '/';
}
