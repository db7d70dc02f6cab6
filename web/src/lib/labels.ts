/**
 * Labels for the codes screens show (the server sends Chinese labels; the web shows these in either locale). Each map
 * holds [zh, en] side by side, or names the shared/*-labels.ts maps of each language; i18n.test.ts checks every map
 * here has both languages for every code.
 */
import { localeLabel, pairLabel } from './i18n';
import { LIST_STATE_LABELS_EN, LIST_STATE_LABELS_ZH } from '../../../shared/analysis-labels.js';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTION_LABELS_EN,
  AUDIT_SUBJECT_LABELS,
  AUDIT_SUBJECT_LABELS_EN,
} from '../../../shared/audit-labels.js';
import { ROLE_LABELS, ROLE_LABELS_EN } from '../../../shared/domain.js';
import { UNIT_KIND_LABELS, UNIT_KIND_LABELS_EN } from '../../../shared/admin.js';

const pick = pairLabel;

export const ACTIONS: Record<string, [string, string]> = {
  accept: ['受理', 'Accept'],
  decline: ['不予受理', 'Decline'],
  send_odr: ['转ODR企业', 'Send to ODR'],
  odr_settle: ['ODR和解', 'ODR settled'],
  odr_fail: ['ODR未和解', 'ODR failed'],
  start_mediation: ['开始调解', 'Start mediation'],
  suspend: ['中止(检测鉴定)', 'Suspend (testing)'],
  resume: ['恢复调解', 'Resume'],
  mediate_success: ['调解成功', 'Mediated'],
  terminate: ['终止调解', 'Terminate'],
  notify_termination: ['告知终止', 'Notify termination'],
  start_verification: ['开始核查', 'Start verification'],
  extend_verification: ['延长核查', 'Extend verification'],
  open_case: ['立案', 'Open case'],
  not_open_case: ['不予立案', 'Do not open case'],
  notify_reporter: ['告知举报人', 'Notify reporter'],
  answer: ['答复', 'Answer'],
  close: ['办结', 'Close'],
  follow_up: ['回访', 'Follow up'],
  mark_duplicate: ['标记重复件', 'Mark duplicate'],
  refer_out: ['移送有管辖权部门', 'Refer to competent bureau'],
  sign_12345: ['签收（12345）', 'Sign for (12345)'],
  return_12345: ['退回（12345）', 'Return (12345)'],
  reply_12345: ['答复（12345）', 'Reply (12345)'],
  extend_12345: ['延期（12345）', 'Extend (12345)'],
};
/** The 12345 track's actions: done in the 12345 panel (template, reason), not from the ticket's toolbar. */
export const is12345Action = (a: string) => a.endsWith('_12345');
export const actionLabel = (a: string) => pick(ACTIONS, a);

/** Timeline entries that are not workflow actions (inspections, 督办, corrections, ratings, deadline markers). */
export const EVENTS: Record<string, [string, string]> = {
  received: ['收件', 'Received'],
  transfer: ['转办', 'Transfer'],
  inspection_created: ['生成现场检查任务', 'Inspection created'],
  inspection_result: ['现场检查结果', 'Inspection result'],
  supervision_opened: ['开启督办', 'Supervision opened'],
  proceeding_recorded: ['登记关联程序', 'Related proceeding recorded'],
  supervision_answered: ['回复督办', 'Supervision answered'],
  supervision_closed: ['督办办结', 'Supervision closed'],
  labels_corrected: ['更正分类', 'Labels corrected'],
  rating: ['满意度评价', 'Satisfaction rated'],
  deadline_warning: ['临期提醒', 'Deadline warning'],
  deadline_breached: ['超期', 'Deadline breached'],
  deadlines_recounted: ['按新日历重算期限', 'Deadlines recounted on the new holiday calendar'],
  evidence_attached: ['提交证据', 'Evidence attached'],
  rebuttal_submitted: ['经营者申诉材料', 'Business rebuttal'],
  received_12345: ['收到12345转办件', '12345 transfer received'],
  reopen_12345: ['12345重办', '12345 transfer re-opened'],
  satisfaction_12345: ['12345回访满意度', '12345 satisfaction'],
  case_lead_opened: ['诉转案：生成案源线索', 'Case lead opened'],
  case_decided: ['案源线索立案决定', 'Case decision'],
  case_penalty: ['行政处罚决定', 'Penalty decision'],
};
/** Label of a timeline entry: an event of its own, else the workflow action it records. */
export const eventLabel = (type: string) => (EVENTS[type] ? pick(EVENTS, type) : actionLabel(type));

export const STATUSES: Record<string, [string, string]> = {
  received: ['待受理', 'Received'],
  triage: ['待分派', 'Triage'],
  odr: ['ODR企业处理中', 'With ODR enterprise'],
  accepted: ['已受理', 'Accepted'],
  declined: ['不予受理', 'Declined'],
  mediating: ['调解中', 'Mediating'],
  suspended: ['调解中止', 'Suspended'],
  mediated: ['调解成功', 'Mediated'],
  terminated: ['终止调解', 'Terminated'],
  verifying: ['举报核查中', 'Verifying'],
  case_opened: ['已立案', 'Case opened'],
  not_opened: ['不予立案', 'Not opened'],
  answered: ['已答复', 'Answered'],
  closed: ['已办结', 'Closed'],
  duplicate: ['重复件', 'Duplicate'],
};
export const statusLabel = (s: string) => pick(STATUSES, s);
export const STATUS_KEYS = Object.keys(STATUSES);

export const KINDS: Record<string, [string, string]> = {
  complaint: ['投诉', 'Complaint'],
  report: ['举报', 'Report'],
  consultation: ['咨询', 'Enquiry'],
  suggestion: ['建议', 'Suggestion'],
  help: ['求助', 'Help'],
  unknown: ['未分类', 'Unclassified'],
};
export const kindLabel = (k: string) => pick(KINDS, k);
export const KIND_KEYS = Object.keys(KINDS);

export const DUE: Record<string, [string, string]> = {
  accept_by: ['受理期限', 'accept by'],
  odr_by: ['ODR和解期限', 'ODR window'],
  mediate_by: ['调解期限', 'mediate by'],
  notice_by: ['告知期限', 'notify by'],
  verify_by: ['核查期限', 'verify by'],
  notify_by: ['告知举报人期限', 'tell reporter by'],
  answer_by: ['答复期限', 'answer by'],
  follow_up_by: ['回访期限', 'follow up by'],
  sign_12345_by: ['12345签收期限', '12345 sign by'],
  reply_12345_by: ['12345答复期限', '12345 reply by'],
};
export const dueLabel = (k: string | null | undefined) => pick(DUE, k);

export const CHANNELS: Record<string, [string, string]> = {
  web: ['网站', 'Web'],
  phone: ['电话', 'Phone'],
  '12345': ['12345转办', '12345'],
  '12315': ['12315平台', '12315'],
  app: ['App', 'App'],
  wechat: ['微信', 'WeChat'],
  letter: ['信件', 'Letter'],
  'walk-in': ['来访', 'Walk-in'],
  import: ['导入', 'Import'],
};
export const channelLabel = (c: string) => pick(CHANNELS, c);

export const FIELDS: Record<string, [string, string]> = {
  business: ['商家', 'Business'],
  address: ['地址', 'Address'],
  platform: ['平台', 'Platform'],
  product: ['商品/服务', 'Product'],
  amounts: ['金额', 'Amounts'],
  purchase_date: ['购买日期', 'Purchase date'],
  dates: ['日期', 'Dates'],
  order_no: ['订单号', 'Order no.'],
  phones: ['电话', 'Phones'],
  id_numbers: ['身份证号', 'ID numbers'],
  quantity: ['数量', 'Quantity'],
  demands: ['诉求', 'Demands'],
  legal_basis: ['法律依据', 'Legal basis'],
  goods_service: ['商品/服务类别', 'Category'],
  problem: ['问题性质', 'Problem type'],
  kind: ['类型', 'Kind'],
};
export const fieldLabel = (f: string) => pick(FIELDS, f);

/** Actions that need a reason code, and which rule list supplies it. */
export const REASON_LIST: Record<string, 'decline_reasons' | 'termination_reasons' | 'not_open_reasons'> = {
  decline: 'decline_reasons',
  terminate: 'termination_reasons',
  not_open_case: 'not_open_reasons',
};
/** Actions whose effect is final or public: the UI asks once more. */
export const NEEDS_NOTE = new Set(['answer']);
export const DANGER = new Set(['decline', 'terminate', 'not_open_case', 'mark_duplicate', 'odr_fail']);

/** The rule set a ticket is handled under, as a person names it (the server's full title is in the detail's rules.name). */
export const RULE_SETS: Record<string, [string, string]> = {
  order20: ['总局令第20号（暂行办法）', 'SAMR Order 20 (interim)'],
  order121: ['总局令第121号', 'SAMR Order 121'],
};
export const ruleSetLabel = (v: string | null | undefined) => pick(RULE_SETS, v);

/** Maps kept one per language in shared/ (the server's exports and report use the Chinese ones). */
export const SHARED_MAPS = {
  listingState: { zh: LIST_STATE_LABELS_ZH, en: LIST_STATE_LABELS_EN },
  auditAction: {
    zh: AUDIT_ACTION_LABELS as Record<string, string>,
    en: AUDIT_ACTION_LABELS_EN as Record<string, string>,
  },
  auditSubject: {
    zh: AUDIT_SUBJECT_LABELS as Record<string, string>,
    en: AUDIT_SUBJECT_LABELS_EN as Record<string, string>,
  },
  role: {
    zh: { ...ROLE_LABELS, system: '系统', apikey: '接口密钥' } as Record<string, string>,
    en: { ...ROLE_LABELS_EN, system: 'System', apikey: 'API key' } as Record<string, string>,
  },
  unitKind: { zh: UNIT_KIND_LABELS as Record<string, string>, en: UNIT_KIND_LABELS_EN as Record<string, string> },
};
/** States of an abnormal-list entry (名录状态). */
export const listingStateLabel = (s: string) => localeLabel(SHARED_MAPS.listingState, s);
/** An audit action, subject type or actor role (the audit screen, the ticket timeline's actor). */
export const auditActionLabel = (a: string) => localeLabel(SHARED_MAPS.auditAction, a, ['其他操作', 'Other action']);
export const auditSubjectLabel = (s: string) => localeLabel(SHARED_MAPS.auditSubject, s, ['其他对象', 'Other subject']);
export const roleLabel = (r: string | null | undefined) => localeLabel(SHARED_MAPS.role, r, ['其他', 'Other']);
/** A unit's kind (市局, 区局, 市场监管所, 分派中心): the admin screens. */
export const unitKindLabel = (k: string) => localeLabel(SHARED_MAPS.unitKind, k, ['其他', 'Other']);
