/**
 * Column mapping for CSV/XLSX exports (the national 12315 platform's and bureaus' spreadsheets use Chinese headers).
 * A mapping is {tifPath: header}; the default recognises common headers. Pure.
 */
import { toTicket } from '../../../platform/tif/index.js';
import type { TifTicket } from '../../../../shared/tif.js';

export type ColumnMap = Record<string, string>;

const DEFAULT_HEADERS: Record<string, string[]> = {
  id: ['id', '工单编号', '工单号', '编号', '登记编号', '投诉编号', '举报编号', '诉求编号', '受理编号'],
  received_at: ['received_at', '登记时间', '受理时间', '接收时间', '投诉时间', '举报时间', '来电时间', '创建时间', '日期', 'date'],
  kind: ['kind', '诉求类型', '类型', '工单类型', '业务类型', '诉求性质'],
  channel: ['channel', '来源', '渠道', '来源渠道', '诉求渠道'],
  title: ['title', '标题', '主题', '诉求标题'],
  text: ['text', '诉求内容', '内容', '投诉内容', '举报内容', '问题描述', '详细内容', '来电内容'],
  'complainant.id': ['complainant_id', '投诉人编号'],
  'complainant.name': ['complainant_name', '投诉人', '举报人', '姓名', '诉求人', '投诉人姓名', '来电人'],
  'complainant.phone': ['complainant_phone', '联系电话', '电话', '手机', '投诉人电话', '来电号码'],
  'complainant.id_number': ['complainant_id_number', '身份证号', '证件号码', '身份证'],
  'complainant.address': ['complainant_address', '投诉人地址', '联系地址', '通讯地址'],
  'respondent.name': ['respondent_name', '被投诉人', '被投诉单位', '被举报人', '被举报单位', '企业名称', '经营者名称', '商家名称'],
  'respondent.address': ['respondent_address', '被投诉人地址', '被投诉单位地址', '经营地址', '企业地址', '被举报地址'],
  'respondent.credit_code': ['respondent_credit_code', '统一社会信用代码', '信用代码'],
  'respondent.platform': ['platform', '平台', '电商平台', '交易平台'],
  location: ['location', '事发地点', '地点', '问题地点'],
  amount: ['amount', '金额', '涉案金额', '争议金额'],
};

export function resolveMapping(headers: string[], custom?: ColumnMap): Map<string, number> {
  const idx = new Map<string, number>();
  const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase();
  const hs = headers.map(norm);
  if (custom) {
    for (const [field, header] of Object.entries(custom)) {
      const i = hs.indexOf(norm(header));
      if (i >= 0) idx.set(field, i);
    }
  }
  for (const [field, names] of Object.entries(DEFAULT_HEADERS)) {
    if (idx.has(field)) continue;
    const i = hs.findIndex((h) => names.some((n) => norm(n) === h));
    if (i >= 0) idx.set(field, i);
  }
  // unmapped columns whose header starts with "label:" / "标签:" become labels
  hs.forEach((h, i) => {
    const m = /^(label|标签)[:：](.+)$/.exec(headers[i]!.trim());
    if (m) idx.set(`labels.${m[2]}`, i);
  });
  return idx;
}

/** One spreadsheet row → a TIF ticket or a rejection reason. */
export function rowToTicket(row: (string | number | Date | null | undefined)[], mapping: Map<string, number>, headers: string[]): TifTicket | string {
  const o: Record<string, unknown> = {};
  const used = new Set<number>();
  for (const [field, i] of mapping) {
    used.add(i);
    let v = row[i];
    if (v === null || v === undefined || v === '') continue;
    if (v instanceof Date) v = v.toISOString();
    const parts = field.split('.');
    if (parts.length === 2) {
      const [a, b] = parts as [string, string];
      o[a] = { ...((o[a] as object) ?? {}), [b]: typeof v === 'number' ? String(v) : v };
    } else o[field] = v;
  }
  if (typeof o.received_at === 'string') o.received_at = normaliseDate(o.received_at);
  const extra: Record<string, unknown> = {};
  row.forEach((v, i) => {
    if (!used.has(i) && v !== null && v !== undefined && v !== '' && headers[i]) extra[headers[i]!] = v instanceof Date ? v.toISOString() : v;
  });
  if (Object.keys(extra).length) o.extra = extra;
  return toTicket(o);
}

/** '2026/3/5 14:02' or '2026年3月5日' → ISO. */
export function normaliseDate(s: string): string {
  const t = s.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
  if (!m) return t;
  const p = (x: string | undefined) => (x ?? '0').padStart(2, '0');
  const date = `${m[1]}-${p(m[2])}-${p(m[3])}`;
  return m[4] ? `${date}T${p(m[4])}:${p(m[5])}:${p(m[6])}` : date;
}

/** RFC 4180 CSV line splitter that keeps quoted newlines: feed it chunks of lines, get complete records. */
export class CsvParser {
  private buf: string[] = [];
  private field = '';
  private inQuotes = false;

  /** Feeds one physical line; returns a record when the line completes one. */
  push(line: string): string[] | null {
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (this.inQuotes) {
        if (ch === '"') {
          if (line[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.inQuotes = false;
        } else this.field += ch;
      } else if (ch === '"') this.inQuotes = true;
      else if (ch === ',') {
        this.buf.push(this.field);
        this.field = '';
      } else this.field += ch;
    }
    if (this.inQuotes) {
      this.field += '\n';
      return null;
    }
    this.buf.push(this.field);
    const rec = this.buf;
    this.buf = [];
    this.field = '';
    return rec;
  }

  get pending(): boolean {
    return this.inQuotes;
  }
}
