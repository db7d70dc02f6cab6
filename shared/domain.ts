/**
 * Constants shared by server, CLI and web: roles, channels, categories (CCA scheme, ../shared/DOMAIN.md §5).
 * Browser-safe.
 */
export const ROLES = [
  'public',
  'operator',
  'officer',
  'supervisor',
  'analyst',
  'enterprise',
  'partner',
  'admin',
  'monitor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  public: '公众',
  operator: '热线话务员',
  officer: '市场监管所办案人员',
  supervisor: '区局监督员',
  analyst: '市局分析员',
  enterprise: 'ODR企业',
  partner: '协作部门',
  admin: '系统管理员',
  monitor: '第三方监测机构',
};
/** The roles' English names (the web's English locale). */
export const ROLE_LABELS_EN: Record<Role, string> = {
  public: 'Public',
  operator: 'Hotline operator',
  officer: 'Station officer',
  supervisor: 'District supervisor',
  analyst: 'City analyst',
  enterprise: 'ODR enterprise',
  partner: 'Partner department',
  admin: 'Administrator',
  monitor: 'Monitoring body',
};

export const CHANNELS = ['web', 'phone', '12345', '12315', 'app', 'wechat', 'letter', 'walk-in', 'import'] as const;

export const KIND_LABELS: Record<string, string> = {
  complaint: '投诉',
  report: '举报',
  consultation: '咨询',
  suggestion: '建议',
  help: '求助',
  unknown: '未分类',
};

/** 商品大类 (10) and 服务大类 (13) + 其他, CCA scheme. */
export const GOODS_CATEGORIES = [
  '家用电子电器类',
  '日用商品类',
  '服装鞋帽类',
  '食品类',
  '交通工具类',
  '房屋及建材类',
  '首饰及文体用品类',
  '烟、酒和饮料类',
  '医药及医疗用品类',
  '农用生产资料类',
] as const;
export const SERVICE_CATEGORIES = [
  '生活、社会服务类',
  '房屋装修及物业服务类',
  '旅游服务',
  '文化、娱乐、体育服务',
  '邮政业服务',
  '电信服务',
  '互联网服务',
  '金融服务',
  '保险服务',
  '卫生保健服务',
  '教育培训服务',
  '公共设施服务',
  '销售服务',
] as const;
export const OTHER_CATEGORY = '其他商品和服务';
export const CATEGORIES = [...GOODS_CATEGORIES, ...SERVICE_CATEGORIES, OTHER_CATEGORY] as const;

/** 投诉问题性质 (10), with 2024 H1 shares used by the simulator. */
export const PROBLEM_TYPES = [
  '售后服务',
  '合同',
  '质量',
  '虚假宣传',
  '安全',
  '价格',
  '假冒',
  '人格权益',
  '计量',
  '其他',
] as const;
export const PROBLEM_SHARES_2024H1: Record<string, number> = {
  售后服务: 29.0,
  合同: 24.3,
  质量: 21.07,
  虚假宣传: 6.02,
  安全: 4.32,
  价格: 4.29,
  假冒: 1.74,
  人格权益: 1.06,
  计量: 0.91,
  其他: 7.29,
};

/** Ticket status values of the statutory workflow (see server/modules/workflow/domain/transitions.ts). */
export const STATUSES = [
  'received',
  'triage',
  'odr',
  'accepted',
  'declined',
  'mediating',
  'suspended',
  'mediated',
  'terminated',
  'verifying',
  'case_opened',
  'not_opened',
  'answered',
  'closed',
  'duplicate',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  received: '待受理',
  triage: '待分派',
  odr: 'ODR企业处理中',
  accepted: '已受理',
  declined: '不予受理',
  mediating: '调解中',
  suspended: '调解中止(检测鉴定)',
  mediated: '调解成功',
  terminated: '终止调解',
  verifying: '举报核查中',
  case_opened: '已立案',
  not_opened: '不予立案',
  answered: '已答复',
  closed: '已办结',
  duplicate: '重复件(已关联)',
};
