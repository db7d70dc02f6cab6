/**
 * Column mapping for CSV/XLSX exports (the national 12315 platform's and bureaus' spreadsheets use Chinese headers).
 * A mapping is {tifPath: header}; the default recognises common headers. Pure.
 */
import { toTicket } from '../../../platform/tif/index.js';
import type { TifTicket } from '../../../../shared/tif.js';

export type ColumnMap = Record<string, string>;

const DEFAULT_HEADERS: Record<string, string[]> = {
  id: ['id', '工单编号', '工单号', '编号', '登记编号', '投诉编号', '举报编号', '诉求编号', '受理编号'],
  received_at: [
    'received_at',
    '登记时间',
    '受理时间',
    '接收时间',
    '投诉时间',
    '举报时间',
    '来电时间',
    '创建时间',
    '日期',
    'date',
  ],
  kind: ['kind', '诉求类型', '类型', '工单类型', '业务类型', '诉求性质'],
  channel: ['channel', '来源', '渠道', '来源渠道', '诉求渠道'],
  title: ['title', '标题', '主题', '诉求标题'],
  text: ['text', '诉求内容', '内容', '投诉内容', '举报内容', '问题描述', '详细内容', '来电内容'],
  'complainant.id': ['complainant_id', '投诉人编号'],
  'complainant.name': ['complainant_name', '投诉人', '举报人', '姓名', '诉求人', '投诉人姓名', '来电人'],
  'complainant.phone': ['complainant_phone', '联系电话', '电话', '手机', '投诉人电话', '来电号码'],
  'complainant.id_number': ['complainant_id_number', '身份证号', '证件号码', '身份证'],
  'complainant.address': ['complainant_address', '投诉人地址', '联系地址', '通讯地址'],
  'respondent.name': [
    'respondent_name',
    '被投诉人',
    '被投诉单位',
    '被举报人',
    '被举报单位',
    '企业名称',
    '经营者名称',
    '商家名称',
  ],
  'respondent.address': ['respondent_address', '被投诉人地址', '被投诉单位地址', '经营地址', '企业地址', '被举报地址'],
  'respondent.credit_code': ['respondent_credit_code', '统一社会信用代码', '信用代码'],
  'respondent.platform': ['platform', '平台', '电商平台', '交易平台'],
  location: ['location', '事发地点', '地点', '问题地点'],
  amount: ['amount', '金额', '涉案金额', '争议金额'],
};

export function resolveMapping(headers: string[], custom?: ColumnMap): Map<string, number> {
  const idx = new Map<string, number>();
  const norm = (h: string) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
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
export function rowToTicket(
  row: (string | number | Date | null | undefined)[],
  mapping: Map<string, number>,
  headers: string[],
): TifTicket | string {
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
    if (!used.has(i) && v !== null && v !== undefined && v !== '' && headers[i])
      extra[headers[i]!] = v instanceof Date ? v.toISOString() : v;
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
  private atStart = true;
  /** the record just returned had a closing quote followed by text (not RFC 4180) */
  malformed = false;

  /** Feeds one physical line; returns a record when the line completes one. */
  push(line: string): string[] | null {
    if (!this.inQuotes && this.buf.length === 0 && this.field === '') this.malformed = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (this.inQuotes) {
        if (ch === '"') {
          if (line[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            this.inQuotes = false;
            // a closing quote is followed by a comma or the end of the line; anything else means this quote was
            // meant to open another field — the record is malformed (CsvRecords then distrusts a multi-line span)
            if (i + 1 < line.length && line[i + 1] !== ',') this.malformed = true;
          }
        } else this.field += ch;
      } else if (ch === '"' && this.atStart) {
        // a quote opens a quoted field only at the field's start (RFC 4180); inside a field it is a character, so
        // 他说"退款 does not swallow the lines after it
        this.inQuotes = true;
        this.atStart = false;
      } else if (ch === ',') {
        this.buf.push(this.field);
        this.field = '';
        this.atStart = true;
      } else {
        this.field += ch;
        this.atStart = false;
      }
    }
    if (this.inQuotes) {
      this.field += '\n';
      return null;
    }
    this.buf.push(this.field);
    const rec = this.buf;
    this.buf = [];
    this.field = '';
    this.atStart = true;
    return rec;
  }

  get pending(): boolean {
    return this.inQuotes;
  }
}

export type CsvOut = { line: number; record: string[] } | { line: number; error: string };

/**
 * CSV records from physical lines, with recovery from a broken quote. A quoted field may span lines, so an
 * unterminated quote would swallow the rest of the file into one field. A record that spans lines is accepted only
 * if it ends within `maxLines` lines and has the header's number of fields; otherwise its first line is rejected as
 * "unterminated quoted field" and the lines after it are read again as fresh records — one broken row costs that
 * row, never the rows after it. Pure: feed lines in order with push(), then end().
 * Limit: a later stray quote can close the span into a record of exactly the header's shape; that one case cannot be
 * told from a real multi-line field, and the lines between become one field of that row.
 */
export class CsvRecords {
  private p = new CsvParser();
  private span: [number, string][] = [];
  private chars = 0;
  /** number of fields a record must have (the header's), once known */
  expected: number | null = null;

  constructor(
    private readonly maxLines = 200,
    private readonly maxChars = 1_000_000,
  ) {}

  push(n: number, line: string): CsvOut[] {
    const out: CsvOut[] = [];
    this.feed(n, line, out);
    return out;
  }

  end(): CsvOut[] {
    const out: CsvOut[] = [];
    while (this.p.pending) this.broken(out);
    return out;
  }

  private feed(n: number, line: string, out: CsvOut[]): void {
    this.span.push([n, line]);
    this.chars += line.length;
    const rec = this.p.push(line);
    if (!rec) {
      if (this.span.length > this.maxLines || this.chars > this.maxChars) this.broken(out);
      return;
    }
    const start = this.span[0]![0];
    const multi = this.span.length > 1;
    if (multi && (this.p.malformed || (this.expected !== null && !fits(rec, this.expected)))) {
      this.broken(out);
      return;
    }
    this.span = [];
    this.chars = 0;
    out.push({ line: start, record: rec });
  }

  /** Rejects the first line of the pending span and reads the rest again from a clean state. */
  private broken(out: CsvOut[]): void {
    const [first, ...rest] = this.span;
    this.span = [];
    this.chars = 0;
    this.p = new CsvParser();
    if (first)
      out.push({
        line: first[0],
        error:
          'unterminated quoted field (a quote opened on this line never closes); the line is skipped and reading resumes on the next line',
      });
    for (const [n, l] of rest) this.feed(n, l, out);
  }
}

/** A record has the expected fields; extra trailing empty fields (a trailing comma) are tolerated. */
function fits(rec: string[], expected: number): boolean {
  if (rec.length < expected) return false;
  for (let i = expected; i < rec.length; i++) if (rec[i] !== '') return false;
  return true;
}

/**
 * An Excel date serial (days since 1899-12-30, the fraction is the time of day) as a zone-less ISO date-time, i.e.
 * Shanghai wall-clock time like every zone-less TIF time. Spreadsheets store date cells this way; read without styles
 * they arrive as plain numbers. Null for numbers that cannot be a date of this era.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null; // up to 9999-12-31
  const ms = Math.round((serial - 25569) * 86_400_000); // 25569 = 1970-01-01
  const d = new Date(ms);
  const iso = d.toISOString();
  return Math.abs(serial - Math.round(serial)) < 1e-9 ? iso.slice(0, 10) : iso.slice(0, 19);
}
