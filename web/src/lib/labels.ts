/**
 * Labels for the codes screens show (the server sends Chinese labels; the web shows these in either locale). Each map
 * holds [zh, en] side by side, or names the shared/*-labels.ts maps of each language; i18n.test.ts checks every map
 * here has both languages for every code.
 */
import { isZh, localeLabel, pair, pairLabel } from './i18n';
import {
  CRITERIA_LABELS,
  DEADLINE_LABELS,
  DEADLINE_LABELS_EN,
  LIST_STATE_LABELS_EN,
  LIST_STATE_LABELS_ZH,
} from '../../../shared/analysis-labels.js';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTION_LABELS_EN,
  AUDIT_SUBJECT_LABELS,
  AUDIT_SUBJECT_LABELS_EN,
} from '../../../shared/audit-labels.js';
import { ROLE_LABELS, ROLE_LABELS_EN } from '../../../shared/domain.js';
import { UNIT_KIND_LABELS, UNIT_KIND_LABELS_EN } from '../../../shared/admin.js';
import { basisEn } from '../../../shared/legal-en.js';
import {
  CATEGORY_LABELS_EN,
  CUBE_VALUE_LABELS_EN,
  DEMAND_LABELS_EN,
  DIMENSION_LABELS_EN,
  DIMENSION_LABELS_ZH,
  EXPORT_PURPOSE_LABELS_EN,
  PROBLEM_TYPE_LABELS_EN,
} from '../../../shared/value-labels.js';
import { PARTNER_FIELD_LABELS_EN, PARTNER_PURPOSE_LABELS_EN } from '../../../shared/partner.js';

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

export const DUE: Record<string, [string, string]> = Object.fromEntries(
  Object.entries(DEADLINE_LABELS).map(([k, zh]) => [k, [zh, DEADLINE_LABELS_EN[k] ?? k]]),
);
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
export const channelLabel = (c: string | null) => pick(CHANNELS, c);

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

// ---- oversight, portal and analysis screens ----

/**
 * A Chinese value the server keeps as data (a category, a demand, a cube value) in this locale: the value itself in
 * Chinese, its English name from an en-only map in English (the value when the map lacks it).
 */
const valueIn = (en: Record<string, string>, v: string | null | undefined, fallback?: string) =>
  v ? localeLabel({ zh: {}, en }, v, [fallback ?? v, en[v] ?? fallback ?? v]) : '';
export const categoryLabel = (v: string | null | undefined) => valueIn(CATEGORY_LABELS_EN, v);
export const problemLabel = (v: string | null | undefined) => valueIn(PROBLEM_TYPE_LABELS_EN, v);
export const demandLabel = (v: string) => valueIn(DEMAND_LABELS_EN, v);
export const exportPurposeLabel = (v: string) => valueIn(EXPORT_PURPOSE_LABELS_EN, v);
export const partnerPurposeLabel = (v: string) => valueIn(PARTNER_PURPOSE_LABELS_EN, v);
export const partnerFieldLabel = (k: string, zh: string) => valueIn(PARTNER_FIELD_LABELS_EN, k, zh);
/** A cube dimension's name (in Chinese the server's label when given, else shared/'s copy of it). */
export const dimensionLabel = (dim: string, server?: string) =>
  valueIn(DIMENSION_LABELS_EN, dim, server ?? DIMENSION_LABELS_ZH[dim] ?? dim);
/**
 * A cube value as this locale reads it: in Chinese the server's label; in English the workflow codes' names, the
 * worded values' names, or the server's label for data (district, station and business names).
 */
export function cubeValueLabel(dim: string, value: unknown, zh: string): string {
  const v = String(value ?? '');
  const codes = dim === 'kind' ? KINDS : dim === 'status' ? STATUSES : dim === 'channel' ? CHANNELS : null;
  if (codes?.[v]) return localeLabel({ zh: {}, en: {} }, v, [zh, codes[v]![1]]);
  return valueIn(CUBE_VALUE_LABELS_EN[dim] ?? {}, v, zh);
}

/** The portal's progress entries, as a consumer reads them (the officers' timeline uses EVENTS and ACTIONS). */
export const PORTAL_EVENTS: Record<string, [string, string]> = {
  received: ['已收到', 'Received'],
  accept: ['已受理', 'Accepted'],
  decline: ['不予受理', 'Declined'],
  send_odr: ['转企业协商和解', 'Sent to the business (ODR)'],
  odr_settle: ['企业已和解', 'Settled by the business'],
  odr_fail: ['企业未能和解，转行政调解', 'Not settled; back to the bureau'],
  start_mediation: ['开始调解', 'Mediation started'],
  suspend: ['调解中止（检测鉴定）', 'Suspended (testing)'],
  resume: ['恢复调解', 'Resumed'],
  mediate_success: ['调解成功', 'Mediated'],
  terminate: ['终止调解', 'Mediation terminated'],
  notify_termination: ['已告知终止调解', 'Termination notified'],
  open_case: ['已立案', 'Case opened'],
  not_open_case: ['不予立案', 'No case opened'],
  notify_reporter: ['已告知处理结果', 'Reporter notified'],
  answer: ['已答复', 'Answered'],
  close: ['已办结', 'Closed'],
  transfer: ['已转办', 'Transferred'],
  rating: ['已评价', 'Rated'],
};

/** Early warnings: life-cycle states, review commands, dismissal reasons, handling actions, subjects, detectors. */
export const ALERT_STATES: Record<string, [string, string]> = {
  new: ['新预警', 'New'],
  confirmed: ['已确认', 'Confirmed'],
  dismissed: ['已排除', 'Dismissed'],
  handled: ['已处置', 'Handled'],
};
export const ALERT_COMMANDS: Record<string, [string, string]> = {
  confirm: ['确认预警', 'Confirm'],
  dismiss: ['排除（误报）', 'Dismiss (false alarm)'],
  handle: ['登记处置', 'Record handling'],
  reopen: ['重新打开', 'Reopen'],
};
/** The same codes as server/modules/early-warning/domain/lifecycle.ts (the server sends its Chinese labels too). */
export const ALERT_DISMISS_REASONS: Record<string, [string, string]> = {
  normal_volume: ['正常波动', 'Normal fluctuation'],
  duplicate_event: ['与已有预警重复', 'Duplicate of an existing warning'],
  abnormal_complainants: ['异常投诉人集中投诉', 'Concentrated filing by abnormal complainants'],
  data_error: ['数据错误', 'Data error'],
  other: ['其他', 'Other'],
};
export const ALERT_HANDLING_ACTIONS: Record<string, [string, string]> = {
  interview: ['约谈', 'Compliance interview'],
  inspection: ['现场检查', 'On-site inspection'],
  consumer_warning: ['消费提示/警示', 'Consumer notice / warning'],
  mediation: ['集中调解', 'Joint mediation'],
  case_filed: ['立案调查', 'Case opened for investigation'],
  referral: ['移送相关部门', 'Referred to the competent department'],
  other: ['其他', 'Other'],
};
export const ALERT_SUBJECT_TYPES: Record<string, [string, string]> = {
  respondent: ['经营者', 'Business'],
  location: ['地点', 'Location'],
  topic: ['话题', 'Topic'],
  category: ['商品服务类别', 'Category'],
};
export const ALERT_DETECTORS: Record<string, [string, string]> = {
  scan: ['前瞻扫描统计（1–14天窗口）', 'Prospective scan statistic (1–14 day windows)'],
  'nb-cusum': ['负二项累积和（CUSUM）', 'Negative-binomial CUSUM'],
};
export const ALERT_BASELINES: Record<string, [string, string]> = {
  history: ['依据本对象历史基线', "This subject's own history"],
  cold: ['冷启动（历史不足，门槛提高十倍）', 'Cold start (too little history; threshold ten times higher)'],
};
/** A code's label from a [zh, en] map, else the server's label for it, else the fallback pair. */
export const codeLabel = (
  map: Record<string, readonly [string, string]>,
  code: string | null | undefined,
  server?: string | null,
  other: readonly [string, string] = ['其他', 'Other'],
) => (code && map[code] ? pairLabel(map, code) : (server ?? pair(other)));

/** 异常名录: the steps of an entry and the criteria (server/modules/risk/domain/catalog.ts codes). */
export const ABNORMAL_ACTIONS: Record<string, [string, string]> = {
  start_review: ['开始审核', 'Start review'],
  list: ['决定列入', 'List'],
  reject: ['不予列入', 'Reject'],
  notify: ['一次性告知', 'Notify once'],
  appeal: ['登记申诉', 'Record appeal'],
  dismiss_appeal: ['申诉不成立', 'Dismiss appeal'],
  remove: ['移出名录', 'Remove from list'],
};
/** The criteria's [zh, en] names live in shared/ (the English 一次性告知书 names them too). */
export const CRITERIA = CRITERIA_LABELS;
const CRITERION_BY_ZH = new Map(Object.entries(CRITERIA).map(([code, [zh]]) => [zh, code]));
/** A criterion by its code, or by the Chinese name the partner list carries (the server's label when unknown). */
export const criterionLabel = (code: string | null | undefined, server?: string | null) =>
  codeLabel(CRITERIA, code ?? (server ? CRITERION_BY_ZH.get(server) : null), server);

/** 督办: modes, reasons and states (server/modules/supervision/domain/supervision.ts codes). */
export const SUPERVISION_MODES: Record<string, [string, string]> = {
  phone: ['电话督办', 'By phone'],
  online: ['网上督办', 'Online'],
  onsite: ['现场督办', 'On site'],
};
export const SUPERVISION_REASONS: Record<string, [string, string]> = {
  overdue: ['超期未办结', 'Overdue, not closed'],
  sensitive: ['敏感诉求', 'Sensitive request'],
  repeated: ['重复投诉', 'Repeated complaints'],
  leader: ['领导批示', "Leadership's instruction"],
  public_opinion: ['舆情关注', 'Public attention'],
  other: ['其他', 'Other'],
};
export const SUPERVISION_STATES: Record<string, [string, string]> = {
  open: ['待回复', 'Awaiting answer'],
  answered: ['已回复待审核', 'Answered, to be reviewed'],
  closed: ['已办结', 'Closed'],
};
/** 关联程序 a complainant started (the risk module's proceeding kinds). */
export const PROCEEDING_KINDS: Record<string, [string, string]> = {
  disclosure: ['政府信息公开申请', 'Information disclosure request'],
  review: ['行政复议', 'Administrative review'],
  lawsuit: ['行政诉讼', 'Administrative lawsuit'],
  discipline: ['向纪检监察部门举报', 'Report to discipline inspection'],
};
export const INSPECTION_STATUSES: Record<string, [string, string]> = {
  open: ['待检查', 'To inspect'],
  done: ['已完成', 'Done'],
};

/** 监测闭环 (server/modules/monitoring/domain/loop.ts): item and task states, steps, and the chain's six links. */
export const MONITORING_STATES: Record<string, [string, string]> = {
  issued: ['已发起，待监测机构接收', 'Issued, awaiting the monitoring body'],
  received: ['监测中', 'Being monitored'],
  reported: ['监测结果已反馈，待市局分派', 'Findings reported, awaiting dispatch'],
  dispatched: ['区局处置中', 'With the districts'],
  handled: ['处置结果已全部反馈，待市局办结', 'All handling reported, awaiting closure'],
  closed: ['已办结', 'Closed'],
};
export const MONITORING_TASK_STATES: Record<string, [string, string]> = {
  assigned: ['已分派，待区局接收', 'Assigned, awaiting the district'],
  handling: ['区局处置中', 'District handling'],
  done: ['处置结果已反馈', 'Handling reported'],
};
export const MONITORING_ACTIONS: Record<string, [string, string]> = {
  issue: ['发起监测指令', 'Issue instruction'],
  receive: ['接收监测指令', 'Receive instruction'],
  report_findings: ['反馈监测结果', 'Report findings'],
  return_findings: ['退回补充监测', 'Return for more monitoring'],
  dispatch: ['分派区局处置', 'Dispatch to districts'],
  accept_task: ['区局接收处置', 'Accept the task'],
  report_handling: ['反馈处置结果', 'Report handling'],
  close: ['办结', 'Close'],
};
/** The six links in the server's order (links carry no code; their position is the contract). */
export const MONITORING_LINKS: Record<string, [string, string]> = {
  0: ['监测指令发起', 'Instruction issued'],
  1: ['监测机构接收', 'Received by the monitoring body'],
  2: ['监测结果反馈', 'Findings reported'],
  3: ['市局分派', 'Dispatched by the city bureau'],
  4: ['区局处置', 'Handled by the districts'],
  5: ['处置结果反馈', 'Handling reported back'],
};

/** The analysis cube's measures. */
export const CUBE_MEASURES: Record<string, [string, string]> = {
  count: ['件数', 'Tickets'],
  complainants: ['涉及人数', 'People'],
  open: ['在办', 'Open'],
  mediated: ['调解成功', 'Mediated'],
  odr_settled: ['ODR和解', 'ODR settled'],
  late: ['超期件', 'Late'],
  amount: ['涉及金额（元）', 'Amount (CNY)'],
};

/** Shanghai's districts by code, as the cockpit's tile map names them: short (no 区/新区), the English in pinyin. */
export const DISTRICT_SHORT: Record<string, [string, string]> = {
  '310101': ['黄浦', 'Huangpu'],
  '310104': ['徐汇', 'Xuhui'],
  '310105': ['长宁', 'Changning'],
  '310106': ['静安', "Jing'an"],
  '310107': ['普陀', 'Putuo'],
  '310109': ['虹口', 'Hongkou'],
  '310110': ['杨浦', 'Yangpu'],
  '310112': ['闵行', 'Minhang'],
  '310113': ['宝山', 'Baoshan'],
  '310114': ['嘉定', 'Jiading'],
  '310115': ['浦东', 'Pudong'],
  '310116': ['金山', 'Jinshan'],
  '310117': ['松江', 'Songjiang'],
  '310118': ['青浦', 'Qingpu'],
  '310120': ['奉贤', 'Fengxian'],
  '310151': ['崇明', 'Chongming'],
};
/** A district's short name; the server's name (or the code) for one the map lacks. */
export const districtShortLabel = (code: string, fallback?: string) =>
  DISTRICT_SHORT[code] ? pick(DISTRICT_SHORT, code) : (fallback ?? code);
/** A district's full name: the server's (Chinese) name in Chinese, the pinyin in English. */
export const districtLabel = (code: string, serverName?: string | null) =>
  DISTRICT_SHORT[code] && !isZh() ? DISTRICT_SHORT[code][1] : (serverName ?? code);

/** The abnormal-list criteria by code: shared/analysis-labels.ts is the one source (the notice and the web share it). */
export const RISK_CRITERIA: Record<string, [string, string]> = CRITERIA_LABELS;
export const riskCriterionLabel = (code: string | undefined, fallback?: string) =>
  code && RISK_CRITERIA[code] ? pick(RISK_CRITERIA, code) : (fallback ?? code ?? '');
/**
 * A criterion's evidence in the reader's language: the English the criterion wrote (evidence_en) on an English
 * screen; the Chinese record on a Chinese one, and for entries stored before criteria wrote English.
 */
/** A listing's legal basis (Chinese citations as the supervisor chose them) named in this locale. */
export const legalBasisLabel = (basis: string): string => (isZh() ? basis : basisEn(basis));
export const criterionEvidence = (c: { evidence?: string | null; evidence_en?: string | null }): string =>
  (!isZh() && c.evidence_en ? c.evidence_en : c.evidence) ?? '';
