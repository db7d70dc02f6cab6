/**
 * English names of the Chinese values the server uses as data (CCA categories and problem types, demands, the cube's
 * worded values, export purposes): the values stay Chinese in the API, the database and the audit log — they are the
 * contract — and the web's English locale shows these names. Browser-safe.
 */
import type { CATEGORIES, PROBLEM_TYPES } from './domain.js';

export const CATEGORY_LABELS_EN: Record<(typeof CATEGORIES)[number], string> = {
  家用电子电器类: 'Household electronics and appliances',
  日用商品类: 'Daily-use goods',
  服装鞋帽类: 'Clothing, shoes and hats',
  食品类: 'Food',
  交通工具类: 'Vehicles',
  房屋及建材类: 'Housing and building materials',
  首饰及文体用品类: 'Jewellery, stationery and sporting goods',
  '烟、酒和饮料类': 'Tobacco, alcohol and beverages',
  医药及医疗用品类: 'Medicines and medical supplies',
  农用生产资料类: 'Agricultural inputs',
  '生活、社会服务类': 'Everyday and social services',
  房屋装修及物业服务类: 'Home renovation and property management',
  旅游服务: 'Tourism',
  '文化、娱乐、体育服务': 'Culture, entertainment and sports',
  邮政业服务: 'Postal services',
  电信服务: 'Telecoms',
  互联网服务: 'Internet services',
  金融服务: 'Financial services',
  保险服务: 'Insurance',
  卫生保健服务: 'Health care',
  教育培训服务: 'Education and training',
  公共设施服务: 'Public utilities',
  销售服务: 'Retail services',
  其他商品和服务: 'Other goods and services',
};

export const PROBLEM_TYPE_LABELS_EN: Record<(typeof PROBLEM_TYPES)[number], string> = {
  售后服务: 'After-sales service',
  合同: 'Contract',
  质量: 'Quality',
  虚假宣传: 'False advertising',
  安全: 'Safety',
  价格: 'Price',
  假冒: 'Counterfeit',
  人格权益: 'Personal dignity',
  计量: 'Measurement',
  其他: 'Other',
};

/** What a consumer may ask for on the portal (the values the text lexicon extracts; stored in Chinese). */
export const DEMANDS = [
  '退货',
  '退款',
  '换货',
  '维修',
  '赔偿',
  '三倍赔偿',
  '十倍赔偿',
  '赔礼道歉',
  '履行合同',
  '查处',
] as const;
export const DEMAND_LABELS_EN: Record<(typeof DEMANDS)[number], string> = {
  退货: 'Return the goods',
  退款: 'Refund',
  换货: 'Exchange',
  维修: 'Repair',
  赔偿: 'Compensation',
  三倍赔偿: 'Treble compensation',
  十倍赔偿: 'Tenfold compensation',
  赔礼道歉: 'Apology',
  履行合同: 'Perform the contract',
  查处: 'Investigate and penalise',
};

/**
 * The lines a consumer corrected or added by hand on the portal, appended to the complaint text for the officer:
 * in Chinese whatever the portal's language, since the bureau reads the ticket in Chinese.
 */
export function filingSupplement(
  text: string,
  p: {
    product?: string | false;
    purchase_date?: string | false;
    order_no?: string | false;
    demands?: string[] | false;
  },
): string {
  const extra = [
    p.product && `商品或服务：${p.product}`,
    p.purchase_date && `购买日期：${p.purchase_date}`,
    p.order_no && `订单号：${p.order_no}`,
    p.demands && p.demands.length && `诉求：${p.demands.join('、')}`,
  ].filter(Boolean);
  return extra.length ? `${text}\n\n【补充信息】${extra.join('；')}` : text;
}

/** Cube values the server words in Chinese (dimensions.ts's SQL and analytics' valueLabel), by dimension. */
export const UNCLASSIFIED = '未分类';
export const NOT_PLATFORM = '（非平台）';
export const NO_BUSINESS = '（无）';
/** The district value of tickets with no Shanghai district (analytics' SQL), and the abnormal dimension's "listed". */
export const UNLOCATED_DISTRICT = '未定';
export const ABNORMAL_LISTED = '异常名录';
/** 一老一小's two groups (the old_young dimension's values; the third is 其他). */
export const OLD_YOUNG_GROUPS = ['涉老年人', '涉未成年人'] as const;
export const CUBE_VALUE_LABELS_EN: Record<string, Record<string, string>> = {
  old_young: { 涉老年人: 'Elderly', 涉未成年人: 'Minors', 其他: 'Others' },
  abnormal: { 异常名录: 'On the abnormal list', 一般: 'Ordinary' },
  on_time: { 超期: 'Late', 按期: 'On time', 尚无决定: 'No decision yet' },
  outcome: {
    declined: 'Declined',
    odr_settled: 'ODR settled',
    mediated: 'Mediated',
    terminated: 'Mediation terminated',
    not_opened: 'No case opened',
    case_opened: 'Case opened',
    answered: 'Answered',
    referred: 'Referred',
    duplicate: 'Duplicate',
    办理中: 'In progress',
  },
  age_group: {
    未成年: 'Minors (under 18)',
    '18-34': '18–34',
    '35-59': '35–59',
    '60岁以上': 'Elderly (60 and over)',
    未知: 'Age unknown',
  },
  channel: { 未知: 'Unknown' },
  district: { 未定: 'Not located' },
  street: { 未定: 'Not located' },
  station: { 未定: 'Not assigned' },
  unit: { 未定: 'Not assigned' },
  category: { ...CATEGORY_LABELS_EN, [UNCLASSIFIED]: 'Unclassified' },
  problem: { ...PROBLEM_TYPE_LABELS_EN, [UNCLASSIFIED]: 'Unclassified' },
  platform: {
    [NOT_PLATFORM]: '(not a platform)',
    天猫: 'Tmall',
    淘宝: 'Taobao',
    京东: 'JD.com',
    抖音: 'Douyin',
    快手: 'Kuaishou',
    拼多多: 'Pinduoduo',
    美团: 'Meituan',
    饿了么: 'Ele.me',
    小红书: 'Xiaohongshu',
    闲鱼: 'Xianyu',
    携程: 'Trip.com',
    唯品会: 'Vipshop',
    盒马: 'Freshippo',
    得物: 'Dewu',
  },
  business: { [NO_BUSINESS]: '(none)' },
};

/** The cube's dimensions as server/modules/analytics/domain/dimensions.ts names them, for screens that name one. */
export const DIMENSION_LABELS_ZH: Record<string, string> = {
  day: '日期',
  week: '周',
  month: '月份',
  district: '区',
  street: '街镇',
  unit: '承办单位',
  station: '市场监管所（承办单位）',
  category: '商品/服务类别',
  problem: '问题类型',
  channel: '渠道',
  kind: '类型',
  status: '状态',
  business: '经营者',
  platform: '平台',
  age_group: '年龄段',
  old_young: '一老一小',
  abnormal: '异常名录',
  outcome: '办理结果',
  on_time: '按期办理',
};
/** The same dimensions in English. */
export const DIMENSION_LABELS_EN: Record<keyof typeof DIMENSION_LABELS_ZH, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  district: 'District',
  street: 'Street / town',
  unit: 'Handling unit',
  station: 'Market supervision station',
  category: 'Goods / service category',
  problem: 'Problem type',
  channel: 'Channel',
  kind: 'Kind',
  status: 'Status',
  business: 'Business',
  platform: 'Platform',
  age_group: 'Age group',
  old_young: 'Elderly and minors',
  abnormal: 'Abnormal list',
  outcome: 'Outcome',
  on_time: 'On time',
};

/** Export purposes offered before a download (stored in the audit log as written here); 其他 asks for free text. */
export const EXPORT_PURPOSES = ['月度分析报告', '专题分析', '领导交办', '数据核查', '督办与考核'] as const;
export const EXPORT_PURPOSE_OTHER = '其他';
export const EXPORT_PURPOSE_LABELS_EN: Record<(typeof EXPORT_PURPOSES)[number], string> = {
  月度分析报告: 'Monthly analysis report',
  专题分析: 'Thematic analysis',
  领导交办: 'Assigned by leadership',
  数据核查: 'Data verification',
  督办与考核: 'Supervision and assessment',
};

/** The purpose the abnormal-list screen states when a reviewer shows identities in clear (kept in the audit log). */
export const ABNORMAL_REVIEW_PURPOSE = '异常名录审核';
