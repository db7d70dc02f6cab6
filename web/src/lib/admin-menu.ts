/**
 * The administration menu: ONE list, in menu order. Add a screen by adding its route in router.ts and an entry here.
 * An entry whose route is not (yet) in the router is not shown, so entries for screens built on other branches
 * (ODR enrolment, national import/export) can be listed before they are merged without a broken link.
 */
import type { Router } from 'vue-router';

export interface AdminEntry {
  /** the route path */
  to: string;
  zh: string;
  en: string;
  /** one line under the title on the screen */
  hint?: string;
}

export const ADMIN_MENU: AdminEntry[] = [
  { to: '/admin/users', zh: '用户', en: 'Users', hint: '用户与角色、所属单位、重置密码' },
  { to: '/admin/units', zh: '单位与辖区', en: 'Units', hint: '区局、市场监管所，以及各街道/镇由哪个所办理' },
  { to: '/admin/odr', zh: 'ODR 企业', en: 'ODR enterprises', hint: '在线消费纠纷解决企业的入驻与退出' },
  { to: '/admin/models', zh: '模型', en: 'Models', hint: '分类模型版本、评估与启用' },
  { to: '/admin/calendar', zh: '节假日', en: 'Holidays', hint: '按年录入放假安排与调休上班日' },
  { to: '/admin/audit', zh: '审计', en: 'Audit', hint: '审计日志检索、校验与导出' },
  { to: '/admin/exchange', zh: '国家平台数据交换', en: 'National exchange', hint: '全国 12315 平台数据导入导出' },
];

/** The entries whose route exists in this build (a catch-all redirect does not count as existing). */
export function availableEntries(router: Router, menu: AdminEntry[] = ADMIN_MENU): AdminEntry[] {
  const paths = new Set(router.getRoutes().map((r) => r.path));
  return menu.filter((e) => paths.has(e.to));
}
