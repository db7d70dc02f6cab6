/**
 * The permission catalog: every permission once, with the roles that hold it and the scope each role holds it in.
 * Route guards (`auth: can('ticket.read')`), the jurisdiction checks of the use cases (policies.ts), the one
 * translation of a scope to SQL (access/repository.ts `scopeSql`) and the actions a ticket detail offers
 * (`allowed_actions`) all read this table; nothing else lists roles for access. The workflow's state machines still
 * say which role may take which step (transitions.ts, risk/lifecycle.ts): a step needs both.
 *
 * Scopes are what a role sees within a permission: a station (市场监管所) its own tickets, a district bureau its
 * district, the city bureau everything, an ODR enterprise the complaints routed to it (never reports, Order 20 Art. 33),
 * a monitoring body the items addressed to it; the public reach only their own filings (number + query code), which is
 * checked by the public routes themselves and needs no session.
 */
import type { Role } from '../../../../shared/domain.js';
import type { TicketLevelAction } from '../../../../shared/ticket-actions.js';
import type { Actor } from './actor.js';

export type ScopeKind = 'city' | 'district' | 'station' | 'own_business' | 'own_body';

/** The jurisdiction a role works in, where a permission is scoped by jurisdiction (most are). */
const JURISDICTION: Record<Exclude<Role, 'public'>, ScopeKind> = {
  operator: 'city',
  analyst: 'city',
  admin: 'city',
  partner: 'city',
  supervisor: 'district',
  officer: 'station',
  enterprise: 'own_business',
  monitor: 'own_body',
};

type Grants = Partial<Record<Role, ScopeKind>>;
const within = (...roles: Exclude<Role, 'public'>[]): Grants =>
  Object.fromEntries(roles.map((r) => [r, JURISDICTION[r]]));

// role groups used by several permissions below (the only place such lists are written)
const STAFF = ['operator', 'officer', 'supervisor', 'analyst', 'admin'] as const;
const HANDLERS = ['operator', 'officer', 'supervisor', 'admin'] as const;
const OFFICIALS = ['officer', 'supervisor', 'admin'] as const;
const OVERSIGHT = ['supervisor', 'analyst', 'admin'] as const;

export const PERMISSIONS = {
  // tickets
  'ticket.read': { label: '查看工单（队列、详情、文书）', grants: within(...STAFF, 'enterprise') },
  'ticket.file': { label: '登记工单', grants: within(...HANDLERS) },
  'ticket.act': { label: '执行流程操作', grants: within(...HANDLERS, 'enterprise') },
  'ticket.personal_data': { label: '查看未脱敏个人信息（留痕）', grants: within(...OFFICIALS) },
  'ticket.transfer': { label: '转办/退回', grants: within(...HANDLERS) },
  'ticket.labels.write': { label: '更正分类（训练样本）', grants: within(...HANDLERS) },
  'ticket.assist.read': { label: '智能预填与分类建议、类案推送', grants: within(...STAFF) },
  'ticket.risk.read': { label: '投诉人风险面板', grants: within(...STAFF) },
  'ticket.12345.read': { label: '12345 转办件面板', grants: within(...STAFF) },
  'ticket.proceedings.read': { label: '关联程序（查看）', grants: within(...STAFF) },
  'ticket.proceedings.write': { label: '关联程序（登记）', grants: within(...OFFICIALS) },
  'ticket.cases.read': { label: '诉转案线索', grants: within(...STAFF) },
  'ticket.supervisions.read': { label: '工单的督办记录', grants: within(...STAFF) },
  'evidence.upload': { label: '上传证据', grants: within(...HANDLERS, 'enterprise') },
  'evidence.list': { label: '证据清单', grants: within(...STAFF, 'enterprise') },
  'evidence.download': { label: '下载证据文件', grants: within(...HANDLERS) },
  // inspections and cases
  'inspection.read': { label: '工单的检查任务', grants: within(...STAFF) },
  'inspection.write': { label: '生成检查任务、录入检查结果', grants: within(...OFFICIALS) },
  'inspection.list': { label: '本单位检查任务', grants: within(...OFFICIALS) },
  'case.penalty.write': { label: '录入行政处罚决定', grants: within(...OFFICIALS) },
  // supervision (督办)
  'supervision.open': { label: '发起督办', grants: within('supervisor', 'admin') },
  'supervision.list': { label: '本辖区督办事项', grants: within('officer', ...OVERSIGHT) },
  'supervision.stats': { label: '督办统计', grants: within(...OVERSIGHT) },
  'supervision.answer': { label: '回复督办', grants: within(...OFFICIALS) },
  'supervision.close': { label: '督办办结', grants: within('supervisor', 'admin') },
  // early warning
  'alerts.read': { label: '预警列表与详情', grants: within(...OVERSIGHT) },
  'alerts.review': { label: '研判预警', grants: within(...OVERSIGHT) },
  // the abnormal list (异常名录)
  'abnormal.list.read': { label: '异常名录', grants: within(...OVERSIGHT) },
  'abnormal.list.unmask': { label: '异常名录明文身份（须说明用途）', grants: within('supervisor', 'analyst') },
  // list entries are area-level: a district bureau decides for its district; stations and the hotline register notices
  // and appeals for any entry (the state machine in risk/lifecycle.ts says which role may take which step)
  'abnormal.act': {
    label: '名录正当程序操作',
    grants: { ...within('supervisor', 'operator', 'admin'), officer: 'city' },
  },
  'abnormal.scan': { label: '运行名录模型', grants: within('analyst', 'admin') },
  'abnormal.propose': { label: '提议列入', grants: within('officer', 'analyst') },
  'abnormal.notice.read': { label: '一次性告知书', grants: { ...within('supervisor', 'admin'), officer: 'city' } },
  'abnormal.shared.read': { label: '共享名录（协作部门）', grants: within('partner', ...OVERSIGHT) },
  'abnormal.import': { label: '导入名录', grants: within('supervisor', 'admin') },
  // analytics
  'analytics.read': { label: '统计分析', grants: within(...OVERSIGHT, 'officer') },
  'analytics.export': { label: '统计导出与报告', grants: within(...OVERSIGHT) },
  // ODR
  'odr.enrolment.read': { label: '查询ODR企业', grants: within(...HANDLERS) },
  'odr.directory.read': { label: 'ODR企业名录与统计', grants: within(...OVERSIGHT) },
  'odr.enrol_on_behalf': { label: '代企业提交ODR入驻申请', grants: within('operator', 'supervisor', 'admin') },
  'odr.manage': { label: '管理ODR企业（审核、账户、密钥）', grants: within('admin') },
  'enterprise.self': { label: 'ODR企业：本企业信息、密钥与批量接口', grants: within('enterprise') },
  // knowledge, models, 12345, monitoring
  'knowledge.read': { label: '答复模板', grants: within(...STAFF) },
  'knowledge.write': { label: '修订答复模板', grants: within('supervisor', 'admin') },
  'models.read': { label: '模型版本', grants: within('analyst', 'admin') },
  'models.manage': { label: '登记、比较、切换模型', grants: within('admin') },
  '12345.intake': { label: '12345 转办件与回访回传', grants: within('operator', 'admin') },
  'monitoring.read': { label: '监测事项', grants: within('admin', 'analyst', 'supervisor', 'monitor') },
  'monitoring.issue': { label: '发起监测指令', grants: within('admin') },
  'monitoring.act': { label: '监测闭环操作', grants: within('admin', 'supervisor', 'monitor') },
  'calendar.notice.read': { label: '工作日历提示', grants: within(...STAFF) },
  // administration
  'admin.organisation': { label: '用户、单位、街道分派、工作日历', grants: within('admin') },
  'admin.audit': { label: '审计日志', grants: within('admin') },
  'admin.exchange': { label: '导入导出批次、公开更正', grants: within('admin') },
} as const satisfies Record<string, { label: string; grants: Grants }>;

export type Permission = keyof typeof PERMISSIONS;

const grantsOf = (p: Permission): Grants => PERMISSIONS[p].grants;

/** The roles holding a permission: a route's `auth` (a fresh array, so no caller can change the catalog). */
export function can(p: Permission): Role[] {
  return Object.keys(grantsOf(p)) as Role[];
}

/** Whether the actor's role holds the permission at all (its scope is decided by `scopeOf`). */
export function holds(a: Pick<Actor, 'role'>, p: Permission): boolean {
  return grantsOf(p)[a.role] !== undefined;
}

/**
 * A permission resolved for one actor: the rows it reaches, without SQL. A scoped role whose account lacks the unit,
 * district or enterprise it needs reaches nothing (never everything).
 */
export type Scope =
  { all: true } | { unit: string } | { district: string } | { odr: string } | { body: string } | { none: true };

export function scopeOf(a: Actor, p: Permission): Scope {
  switch (grantsOf(p)[a.role]) {
    case 'city':
      return { all: true };
    case 'district':
      return a.districtCode ? { district: a.districtCode } : { none: true };
    case 'station':
      return a.unitId ? { unit: a.unitId } : { none: true };
    case 'own_business':
      return a.enterpriseKey ? { odr: a.enterpriseKey } : { none: true };
    case 'own_body':
      return { body: a.id };
    default:
      return { none: true };
  }
}

/** What a ticket says about where it belongs. */
export interface TicketPlace {
  unit_id: string | null;
  district_code: string | null;
  odr_key: string | null;
  kind: string;
}

/**
 * Whether a ticket lies in a scope. A district reaches the tickets located in it and those its bureau or its stations
 * hold (a ticket transferred in from elsewhere keeps its location). access/repository.ts `scopeSql` is the same rule
 * in SQL; catalog.test.ts and the access db test hold the two together.
 */
export function ticketInScope(s: Scope, t: TicketPlace): boolean {
  if ('all' in s) return true;
  if ('unit' in s) return t.unit_id === s.unit;
  if ('district' in s)
    return t.district_code === s.district || t.unit_id === s.district || (t.unit_id ?? '').startsWith(`S${s.district}`);
  if ('odr' in s) return t.kind === 'complaint' && t.odr_key === s.odr;
  return false;
}

/**
 * Whether an area-level item (an alert, a list entry) lies in a scope: one without a district concerns the whole city,
 * so every district sees it; stations, enterprises and bodies reach no area-level item.
 */
export function areaInScope(s: Scope, districtCode: string | null): boolean {
  if ('all' in s) return true;
  if ('district' in s) return districtCode === null || districtCode === s.district;
  return false;
}

/** Ticket-level permissions a detail screen offers beside the workflow steps (the web renders exactly these). */
export const TICKET_ACTIONS = {
  transfer: 'ticket.transfer',
  inspect: 'inspection.write',
  upload_evidence: 'evidence.upload',
  supervise: 'supervision.open',
  view_supervisions: 'ticket.supervisions.read',
  record_proceedings: 'ticket.proceedings.write',
  view_proceedings: 'ticket.proceedings.read',
  view_cases: 'ticket.cases.read',
  act_on_cases: 'case.penalty.write',
  answer_supervision: 'supervision.answer',
  propose_abnormal: 'abnormal.propose',
  correct_labels: 'ticket.labels.write',
} as const satisfies Record<TicketLevelAction, Permission>;
export type TicketAction = TicketLevelAction;

/** The ticket-level actions this actor may take on this ticket: role in the catalog and the ticket in its scope. */
export function ticketActions(a: Actor, t: TicketPlace): TicketAction[] {
  return (Object.keys(TICKET_ACTIONS) as TicketAction[]).filter((k) => ticketInScope(scopeOf(a, TICKET_ACTIONS[k]), t));
}
