/**
 * The permission table: every permission once, with the roles that hold it and the scope each role holds it in. The
 * server's catalog (server/modules/access/domain/catalog.ts: `can`, `holds`, `scopeOf`, the ticket-level actions)
 * reads it for route guards, jurisdiction and SQL; the web reads the same table to decide what to show (web
 * lib/session.ts `can`), so no screen lists roles of its own. Pure data: no server import.
 */
import type { Role } from './domain.js';

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

export type Grants = Partial<Record<Role, ScopeKind>>;
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

/** Whether a role holds a permission at all (its scope aside). */
export function roleHolds(role: Role | string | null | undefined, p: Permission): boolean {
  return !!role && (PERMISSIONS[p].grants as Partial<Record<string, ScopeKind>>)[role] !== undefined;
}
