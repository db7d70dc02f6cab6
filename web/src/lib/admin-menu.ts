/**
 * The administration menu: ONE list, in menu order. Add a screen by adding its route in router.ts and an entry here.
 * An entry whose route is not (yet) in the router is not shown, so entries for screens built on other branches
 * (ODR enrolment, national import/export) can be listed before they are merged without a broken link.
 */
import type { Router } from 'vue-router';

export interface AdminEntry {
  /** the route path */
  to: string;
  /** the menu label's message key (web/src/lib/messages/admin.ts) */
  label: string;
  /** message key of the one line under the title on the screen */
  hint?: string;
}

export const ADMIN_MENU: AdminEntry[] = [
  { to: '/admin/users', label: 'adminMenu.users', hint: 'adminMenu.usersHint' },
  { to: '/admin/units', label: 'adminMenu.units', hint: 'adminMenu.unitsHint' },
  { to: '/admin/odr', label: 'adminMenu.odr', hint: 'adminMenu.odrHint' },
  { to: '/admin/models', label: 'adminMenu.models', hint: 'adminMenu.modelsHint' },
  { to: '/admin/calendar', label: 'adminMenu.calendar', hint: 'adminMenu.calendarHint' },
  { to: '/admin/audit', label: 'adminMenu.audit', hint: 'adminMenu.auditHint' },
  { to: '/admin/exchange', label: 'adminMenu.exchange', hint: 'adminMenu.exchangeHint' },
];

/** The entries whose route exists in this build (a catch-all redirect does not count as existing). */
export function availableEntries(router: Router, menu: AdminEntry[] = ADMIN_MENU): AdminEntry[] {
  const paths = new Set(router.getRoutes().map((r) => r.path));
  return menu.filter((e) => paths.has(e.to));
}
