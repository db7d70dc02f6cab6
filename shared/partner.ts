/**
 * The 投诉举报异常名录 as shared with partner departments (police, court, credit platform, 12345 centre): one typed
 * shape used by the server (GET /api/partner/abnormal) and the web page, with the fields of the Yueyang guidance
 * (岳市监〔2024〕16号 四) in its order. Keys are plain identifiers; the Chinese column names live in PARTNER_FIELDS.
 */
export interface PartnerListEntry {
  /** 姓名 (masked unless an allowed role asked for clear text) */
  name: string;
  /** 身份证号 */
  id_number: string;
  /** 联系电话 */
  phone: string;
  /** 联系地址 */
  address: string;
  complaints: number;
  reports: number;
  disclosure_requests: number;
  reviews_lawsuits: number;
  discipline_reports: number;
  /** 主要反映问题 (criteria labels, Chinese) */
  issues: string[];
  /** 涉及领域或商品服务类别 (Chinese category names) */
  categories: string[];
  legal_basis: string;
  /** YYYY-MM-DD (Asia/Shanghai) */
  listed_on: string;
  /** YYYY-MM-DD */
  expires_on: string;
  masked: boolean;
}

export interface PartnerListRow extends PartnerListEntry {
  /** the list entry's id (for the audit trail) */
  id: string;
  /** keyed hashes (id_number:…, phone:…) other districts match on — never values, never shown */
  sharing_keys: string[];
}

export interface PartnerListResponse {
  purpose: string;
  count: number;
  entries: PartnerListRow[];
}

/** Column order and Chinese names of the shared list (the guidance's field list). */
export const PARTNER_FIELDS: readonly (readonly [keyof PartnerListEntry, string])[] = [
  ['name', '姓名'],
  ['id_number', '身份证号'],
  ['phone', '联系电话'],
  ['address', '联系地址'],
  ['complaints', '投诉数量'],
  ['reports', '举报数量'],
  ['disclosure_requests', '政府信息公开申请数量'],
  ['reviews_lawsuits', '复议或者诉讼数量'],
  ['discipline_reports', '向纪检监察部门举报数量'],
  ['issues', '主要反映问题'],
  ['categories', '涉及领域或商品服务类别'],
  ['legal_basis', '列入依据'],
  ['listed_on', '列入日期'],
  ['expires_on', '有效期至'],
] as const;

/** Purposes a partner picks from (free text is allowed too); the server requires 2–200 characters. */
export const PARTNER_PURPOSES = [
  '公安机关核查敲诈勒索线索',
  '法院审理相关案件核查',
  '信用平台信用记录核对',
  '12345 热线诉求甄别',
] as const;

/** The same columns' English names (the web's English locale). */
export const PARTNER_FIELD_LABELS_EN: Record<Exclude<keyof PartnerListEntry, 'masked'>, string> = {
  name: 'Name',
  id_number: 'ID number',
  phone: 'Phone',
  address: 'Address',
  complaints: 'Complaints',
  reports: 'Reports',
  disclosure_requests: 'Information disclosure requests',
  reviews_lawsuits: 'Reviews or lawsuits',
  discipline_reports: 'Reports to discipline inspection',
  issues: 'Main issues',
  categories: 'Areas or goods / service categories',
  legal_basis: 'Basis for listing',
  listed_on: 'Listed on',
  expires_on: 'Valid until',
};
/** The purposes' English names; the Chinese text is what is sent and recorded. */
export const PARTNER_PURPOSE_LABELS_EN: Record<(typeof PARTNER_PURPOSES)[number], string> = {
  公安机关核查敲诈勒索线索: 'Police: checking an extortion lead',
  法院审理相关案件核查: 'Court: checking for a case under trial',
  信用平台信用记录核对: 'Credit platform: checking a credit record',
  '12345 热线诉求甄别': '12345 hotline: screening a request',
};
