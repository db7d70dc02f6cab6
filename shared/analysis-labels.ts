/**
 * Chinese labels for the analysis cube's values (channels, outcomes, age groups, on-time states, alert and list
 * states), shared by the API, the exports, the monthly report and the web. Browser-safe.
 */
import { KIND_LABELS, STATUS_LABELS, type Status } from './domain.js';

export const CHANNEL_LABELS: Record<string, string> = {
  web: '网站',
  phone: '电话',
  '12345': '12345转办',
  '12315': '12315平台',
  app: 'App',
  wechat: '微信',
  letter: '信件',
  'walk-in': '来访',
  import: '导入',
};

/** The statutory deadlines a ticket carries (workflow's DeadlineKey), as exports and the web name them. */
export const DEADLINE_LABELS: Record<string, string> = {
  accept_by: '受理期限',
  odr_by: 'ODR和解期限',
  mediate_by: '调解期限',
  notice_by: '告知期限',
  verify_by: '核查期限',
  notify_by: '告知举报人期限',
  answer_by: '答复期限',
  follow_up_by: '回访期限',
  sign_12345_by: '12345签收期限',
  reply_12345_by: '12345答复期限',
};
export const DEADLINE_LABELS_EN: Record<string, string> = {
  accept_by: 'accept by',
  odr_by: 'ODR window',
  mediate_by: 'mediate by',
  notice_by: 'notify by',
  verify_by: 'verify by',
  notify_by: 'tell reporter by',
  answer_by: 'answer by',
  follow_up_by: 'follow up by',
  sign_12345_by: '12345 sign by',
  reply_12345_by: '12345 reply by',
};

/** A channel as a person or a spreadsheet writes it (网站, 12345转办) → its code; anything else is kept as written. */
export function channelCode(c: string): string {
  return CHANNEL_BY_LABEL.get(c.trim()) ?? c;
}
const CHANNEL_BY_LABEL = new Map(Object.entries(CHANNEL_LABELS).map(([code, label]) => [label, code]));

export const OUTCOME_LABELS: Record<string, string> = {
  declined: '不予受理',
  odr_settled: 'ODR和解',
  mediated: '调解成功',
  terminated: '终止调解',
  not_opened: '不予立案',
  case_opened: '已立案',
  answered: '已答复',
  referred: '已移送',
  duplicate: '重复件',
  办理中: '办理中',
};

/** 一老一小: the two groups the bureau reports on, and the others for comparison. */
export const AGE_GROUPS = ['未成年', '18-34', '35-59', '60岁以上', '未知'] as const;
export const AGE_GROUP_LABELS: Record<string, string> = {
  未成年: '未成年人（不满18岁）',
  '18-34': '18—34岁',
  '35-59': '35—59岁',
  '60岁以上': '老年人（60岁及以上）',
  未知: '年龄未知',
};

export const ALERT_KIND_LABELS: Record<string, string> = { group_dispute: '群体纠纷', concentrated_demand: '集中诉求' };
export const ALERT_STATE_LABELS: Record<string, string> = {
  new: '待核实',
  confirmed: '已确认',
  dismissed: '已排除（误报）',
  handled: '已处置',
};

export const kindLabel = (k: string | null | undefined) => (k ? (KIND_LABELS[k] ?? k) : '');
export const statusLabel = (s: string | null | undefined) => (s ? (STATUS_LABELS[s as Status] ?? s) : '');
export const channelLabel = (c: string | null | undefined) => (c ? (CHANNEL_LABELS[c] ?? c) : '未知');
export const outcomeLabel = (o: string | null | undefined) => (o ? (OUTCOME_LABELS[o] ?? o) : '办理中');
export const ageGroupLabel = (a: string | null | undefined) => (a ? (AGE_GROUP_LABELS[a] ?? a) : '年龄未知');

/** 异常名录 entry states as the cockpit shows their counts (the same wording as server/modules/risk's LIST_STATE_LABELS). */
export const LIST_STATE_LABELS_ZH: Record<string, string> = {
  proposed: '模型提议',
  under_review: '审核中',
  listed: '已列入',
  rejected: '不予列入',
  notified: '已一次性告知',
  appealed: '申诉中',
  corrected: '已更正',
  removed: '已移出',
  expired: '期满移出',
  total: '合计',
};
/** The same states' English names (the web's English locale). */
export const LIST_STATE_LABELS_EN: Record<keyof typeof LIST_STATE_LABELS_ZH, string> = {
  proposed: 'Proposed',
  under_review: 'Under review',
  listed: 'Listed',
  rejected: 'Rejected',
  notified: 'Notified',
  appealed: 'Appealed',
  corrected: 'Corrected',
  removed: 'Removed',
  expired: 'Expired',
  total: 'Total',
};

/** 异常名录 criteria (server/modules/risk/domain/catalog.ts codes) as [zh, en]: the screens and the English notice. */
export const CRITERIA_LABELS: Record<string, [string, string]> = {
  volume: ['投诉举报数量和频次明显超出正常范围', 'Volume and frequency of filings far beyond normal'],
  same_kind: ['反复就同类商品同类问题投诉举报', 'Repeated filings on the same goods and problem'],
  template: ['模板化诉求文本', 'Templated complaint text'],
  punitive: ['主张惩罚性赔偿(三倍/十倍)占比高', 'High share of punitive damages claims (3× / 10×)'],
  buy_again: ['获赔后明知仍购买同类商品再投诉', 'Bought the same goods again after compensation, then complained'],
  quantity: ['购买数量超出合理生活消费需要', 'Quantities beyond reasonable personal consumption'],
  collusion: ['多身份关联或通谋分别投诉同一经营者', 'Linked identities or collusion against the same business'],
  impersonation: ['冒用他人名义或受雇代为投诉', "Filing in another person's name, or hired to file"],
  untrue_reports: ['多次举报同类违法行为经查不属实', 'Repeated reports of the same violation found untrue'],
  litigation: [
    '多次申请信息公开、提起复议诉讼或向纪检监察举报',
    'Repeated disclosure requests, reviews, lawsuits or discipline reports',
  ],
  fabricated_evidence: [
    '证据材料疑似伪造(AI生成标识/同图多用)',
    'Evidence suspected fabricated (AI marks / reused images)',
  ],
  other: ['其他滥用投诉的行为', 'Other abuse of complaints'],
};

/** English names for the report and the web's English locale (the same values as the Chinese maps above). */
export const CHANNEL_LABELS_EN: Record<string, string> = {
  web: 'Web',
  phone: 'Phone',
  '12345': '12345 hotline transfer',
  '12315': '12315 platform',
  app: 'App',
  wechat: 'WeChat',
  letter: 'Letter',
  'walk-in': 'Walk-in',
  import: 'Import',
};
export const AGE_GROUP_LABELS_EN: Record<string, string> = {
  未成年: 'Minors (under 18)',
  '18-34': '18–34',
  '35-59': '35–59',
  '60岁以上': 'Older people (60 and over)',
  未知: 'Age unknown',
};
export const ALERT_KIND_LABELS_EN: Record<string, string> = {
  group_dispute: 'Group dispute',
  concentrated_demand: 'Concentrated demand',
};
export const ALERT_STATE_LABELS_EN: Record<string, string> = {
  new: 'To verify',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed (false alarm)',
  handled: 'Handled',
};
