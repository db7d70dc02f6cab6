/**
 * What a row-level export holds, per role: Chinese headers, every code turned into its Chinese label, dates in
 * Shanghai time, the complainant never as embedded JSON. Personal data is minimised by role: analysts work on
 * figures and get no complainant columns at all; district supervisors and the admin, who handle tickets, get the
 * masked name and phone (the masked form of the lists — exports never carry the original, see access/text-policy).
 * Pure: the route streams rows through `exportRow`.
 */
import { shanghaiDateTime } from '../../../../shared/time.js';
import { valueLabel } from './labels.js';

export interface ExportColumn {
  key: string;
  header: string;
  width: number;
  value: (r: Record<string, unknown>) => string | number | null;
}

const text = (k: string) => (r: Record<string, unknown>) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
const masked = (r: Record<string, unknown>, k: 'name' | 'phone') => {
  const c = r.complainant as { name?: string; phone?: string } | null;
  return c?.[k] ?? null;
};

const BASE: ExportColumn[] = [
  { key: 'no', header: '工单编号', width: 22, value: text('no') },
  { key: 'id', header: '系统编号', width: 20, value: text('id') },
  { key: 'kind', header: '诉求类型', width: 8, value: (r) => valueLabel('kind', r.kind) },
  { key: 'channel', header: '来源渠道', width: 10, value: (r) => valueLabel('channel', r.channel ?? '未知') },
  { key: 'received_at', header: '收件时间', width: 17, value: (r) => shanghaiDateTime(r.received_at as string | Date) },
  { key: 'title', header: '诉求标题', width: 36, value: text('title') },
  { key: 'respondent_name', header: '被诉经营者', width: 28, value: text('respondent_name') },
  { key: 'respondent_credit_code', header: '统一社会信用代码', width: 20, value: text('respondent_credit_code') },
  { key: 'platform', header: '电商平台', width: 12, value: (r) => (r.platform ? String(r.platform) : '（非平台）') },
  { key: 'district', header: '所属区', width: 10, value: (r) => valueLabel('district', r.district_code ?? '未定') },
  { key: 'street', header: '街道（镇）', width: 16, value: (r) => valueLabel('street', r.street_code ?? '未定') },
  { key: 'unit', header: '承办单位', width: 22, value: (r) => valueLabel('unit', r.unit_id ?? '未定') },
  { key: 'category', header: '商品/服务类别', width: 18, value: text('category') },
  { key: 'problem', header: '问题类型', width: 10, value: text('problem') },
  { key: 'status', header: '办理状态', width: 14, value: (r) => valueLabel('status', r.status) },
  { key: 'outcome', header: '办理结果', width: 10, value: (r) => valueLabel('outcome', r.outcome ?? '办理中') },
  {
    key: 'on_time',
    header: '按期办理',
    width: 8,
    value: (r) => (Number(r.late_decisions) > 0 ? '超期' : Number(r.decisions) > 0 ? '按期' : '尚无决定'),
  },
  { key: 'due_date', header: '当前办理期限', width: 12, value: text('due_date') },
  {
    key: 'closed_at',
    header: '办结时间',
    width: 17,
    value: (r) => (r.closed_at ? shanghaiDateTime(r.closed_at as string | Date) : null),
  },
  { key: 'odr', header: '经ODR企业', width: 9, value: (r) => (r.odr ? '是' : '否') },
  { key: 'legal_basis', header: '法律依据', width: 24, value: text('legal_basis') },
  {
    key: 'amount',
    header: '涉及金额（元）',
    width: 12,
    value: (r) => (r.amount === null || r.amount === undefined ? null : Number(r.amount)),
  },
  { key: 'abnormal', header: '涉异常名录', width: 10, value: (r) => (r.abnormal ? '是' : '否') },
  { key: 'age_group', header: '投诉人年龄段', width: 18, value: (r) => valueLabel('age_group', r.age_group ?? '未知') },
];
const PERSON: ExportColumn[] = [
  { key: 'complainant_name', header: '投诉人（脱敏）', width: 12, value: (r) => masked(r, 'name') },
  { key: 'complainant_phone', header: '联系电话（脱敏）', width: 14, value: (r) => masked(r, 'phone') },
];

/** The columns a role's export holds. */
export function exportColumns(role: string): ExportColumn[] {
  return role === 'supervisor' || role === 'admin' ? [...BASE, ...PERSON] : BASE;
}

/** Columns of a cube (pivot result) export: the chosen dimensions' labels, then the measures. */
export const CUBE_MEASURES: { key: string; header: string }[] = [
  { key: 'count', header: '件数' },
  { key: 'complainants', header: '涉及人数' },
  { key: 'open', header: '在办' },
  { key: 'mediated', header: '调解成功' },
  { key: 'terminated', header: '终止调解' },
  { key: 'odr_settled', header: 'ODR和解' },
  { key: 'late', header: '超期件' },
  { key: 'amount', header: '涉及金额（元）' },
];

/** Purposes offered in the export dialog (the API takes any stated purpose of 2–200 characters). */
export const EXPORT_PURPOSES = ['月度分析报告', '专题分析', '领导交办', '数据核查', '督办与考核'] as const;
