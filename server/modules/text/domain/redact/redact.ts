/**
 * Personal data in free text (GB/T 35273 个人信息): names, mobile and landline numbers, ID numbers, bank cards, plate
 * numbers, detailed home addresses, e-mail, WeChat and QQ ids. `findPii` returns spans over the original string;
 * `redact` masks them the way the structured fields are masked (`本人张*，手机139****5678`, `身份证3101**********1234`).
 *
 * Rules, not a model: a handful of regular expressions over a width-folded copy of the text (full-width digits and
 * letters folded one-to-one, so offsets stay those of the original), plus cue words for names and addresses. It is
 * pure and fast (tens of thousands of texts a second) so intake can run it on every ticket. It errs towards masking:
 * a masked order number costs an officer a look at the original; a phone number left in clear reaches a business.
 * Business hotlines (400/800/95xxx) and the 12315/12345 numbers are not personal and stay.
 */
import { GIVEN_CHARS, surnameAt } from './surnames.js';

export type PiiKind =
  'name' | 'mobile' | 'landline' | 'id_number' | 'bank_card' | 'plate' | 'address' | 'email' | 'wechat' | 'qq';

export interface PiiSpan {
  kind: PiiKind;
  /** UTF-16 offsets into the original string */
  start: number;
  end: number;
}

export interface RedactOptions {
  /** identifiers known from the structured fields (the complainant's name, phone, ID number): masked wherever they occur */
  known?: {
    names?: (string | null | undefined)[];
    phones?: (string | null | undefined)[];
    ids?: (string | null | undefined)[];
  };
}

export interface Redaction {
  text: string;
  spans: PiiSpan[];
}

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space folded to ASCII, one UTF-16 unit for one. */
export function foldWidth(s: string): string {
  if (!/[\u3000\uff01-\uff5e]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? ' ' : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

const NOT_BEFORE = '(?<![0-9A-Za-z])';
const NOT_AFTER = '(?![0-9A-Za-z])';
const SEP = '[ \\-—–]?';
const MOBILE_RE = new RegExp(`${NOT_BEFORE}(?:\\+?86${SEP})?1[3-9]\\d(?:${SEP}\\d){8}${NOT_AFTER}`, 'g');
const LANDLINE_RE = new RegExp(
  `${NOT_BEFORE}(?:[(（]0\\d{2,3}[)）]|0\\d{2,3}${SEP})[2-9]\\d{6,7}(?:${SEP}(?:转|ext\\.?)?\\d{1,4}(?!\\d))?${NOT_AFTER}`,
  'g',
);
/** a bare 7–8 digit local number counts only after a phone cue (电话64381234); dates and amounts never match */
const LOCAL_RE =
  /(?:电话|手机|座机|号码|联系方式|联系|tel|Tel|TEL|call)[号码是为:：\s]{0,4}([2-9]\d{3}[ -]?\d{3,4})(?![0-9A-Za-z])/g;
const ID_RE = new RegExp(
  `${NOT_BEFORE}[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${NOT_AFTER}`,
  'g',
);
const ID15_RE = /(?:身份证|证件)(?:号码|号)?[是为:：\s]{0,3}([1-9]\d{14})(?![0-9A-Za-z])/g;
const CARD_RE = new RegExp(`${NOT_BEFORE}\\d{4}(?:[ -]?\\d){11,15}${NOT_AFTER}`, 'g');
const CARD_CUE = /(?:卡号|银行卡|信用卡|储蓄卡|借记卡|银行账号|银行帐号|账号|帐号|卡|账户|帐户)[^0-9\n]{0,8}$/;
const ORDER_CUE = /(?:订单|单号|编号|运单|快递|流水|交易号|发票|合同|批号|序列号|SN|IMEI|工单|条码)[^0-9\n]{0,8}$/i;
const PLATE_RE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][ ·.]?[A-HJ-NP-Z][ ·.]?[A-HJ-NP-Z0-9]{5,6}(?![0-9A-Za-z])/g;
const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,10}/g;
const WECHAT_RE =
  /(?:微信号?|weixin|wechat|WeChat|wx|WX|vx|VX|Vx|v信|V信|薇信)[号:：是为\s]{0,4}([A-Za-z][-_A-Za-z0-9]{5,19})(?![A-Za-z0-9_-])/g;
const QQ_RE = /(?:QQ|qq|Qq|扣扣)[号码群:：是为\s]{0,4}([1-9]\d{4,10})(?!\d)/g;

// ---------- names ----------
/** cues after which a name follows; strong ones ("姓名：") take the name up to the next break */
const NAME_CUE_RE =
  /(本人|我叫|我是|我名叫|名叫|姓名|名字叫|名字|联系人|投诉人|举报人|反映人|申请人|来电人|委托人|当事人|代理人|签名|署名|落款|消费者|业主|车主|买家|患者|家属|户主|客户|市民|顾客|经办人|工作人员|店员|店长|业务员|销售员|师傅)[：:\s]{0,2}/g;
// "举报人信息保密" is no name: a role word counts as a strong cue only with a colon ("投诉人：谢超凡")
const STRONG_CUE = new Set(['姓名', '我叫', '我名叫', '名叫', '名字叫']);
/** characters that cannot be part of a given name (function words, punctuation-like) */
const NOT_GIVEN = new Set([
  ...'的了是在于和与及或也都就还又被把给向从对为因以而但并且所这那其某之等个们人家店司商员号路街区市省县镇村室楼层元年月日时分秒前后上下中里外内有无没不要想去来到说让请帮已曾将会能可该此每各多少买购卖退换投诉举报反映联系电话手机身份证男女先生士姐老师傅总经理谢复急礼好理决望盼烦苦',
]);
/** what may follow a cue-less or weakly cued name so that we take it for one */
const AFTER_NAME_RE =
  /^(?:$|[\s\p{P}\p{S}\d]|先生|女士|小姐|同志|手机|电话|联系|身份|证件|于|在|男|女|因|从|向|今|昨|前|去|来|到|是|家住|住|现|已|曾|对|通过|为|投诉|举报|反映|购买|买|称|说|表示|反馈|要求|希望|本人|签)/u;

function givenLen(s: string, i: number, max: number, strong = true): number {
  let n = 0;
  while (n < max) {
    const c = s[i + n];
    if (!c || !/\p{Script=Han}/u.test(c) || NOT_GIVEN.has(c) || (!strong && !GIVEN_CHARS.has(c))) break;
    n++;
  }
  return n;
}

/** A name starting at i (surname + one or two given characters), or 0. */
function nameAt(s: string, i: number, strong: boolean): number {
  const sur = surnameAt(s, i);
  if (!sur) return 0;
  if (s[i + sur] === '某' || s[i + sur] === '*' || s[i + sur] === '×') return 0; // already anonymous ("李某")
  const g = givenLen(s, i + sur, 2, strong);
  if (g === 0) return 0;
  for (let len = g; len >= 1; len--) {
    const end = i + sur + len;
    if (strong && len === g) return sur + len;
    if (AFTER_NAME_RE.test(s.slice(end, end + 2))) return sur + len;
  }
  return 0;
}

function names(s: string, out: PiiSpan[]): void {
  for (const m of s.matchAll(NAME_CUE_RE)) {
    const at = m.index + m[0].length;
    const strong = STRONG_CUE.has(m[1]!) || /[:：]/.test(m[0]);
    const n = nameAt(s, at, strong);
    if (n) out.push({ kind: 'name', start: at, end: at + n });
  }
  // 张伟先生 / 王小红女士: the given name is personal; a bare 张先生 is not
  for (const m of s.matchAll(/(先生|女士|小姐|老师|阿姨|师傅)/g)) {
    for (const len of [3, 2]) {
      const a = m.index - len;
      if (a < 0) continue;
      const sur = surnameAt(s, a);
      if (!sur || sur >= len || givenLen(s, a + sur, len - sur, false) !== len - sur) continue;
      if (a > 0 && /\p{Script=Han}/u.test(s[a - 1]!) && !/[是叫和与及给向对找请的我]/.test(s[a - 1]!)) continue;
      out.push({ kind: 'name', start: a, end: m.index });
      break;
    }
  }
  // a signature: the last line or the last clause is a bare name (optionally dated) — "……请尽快处理。张伟 2023年5月1日"
  const tail =
    /(?:[。！!？?\n]|——|—|-{1,2}|\s)\s*([\u4e00-\u9fa5]{2,4})\s*(?:\d{4}[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?)?\s*$/u.exec(
      s,
    );
  if (tail) {
    const a = tail.index + tail[0].indexOf(tail[1]!);
    const n = a >= 6 ? nameAt(s, a, false) : 0;
    if (n === tail[1]!.length) out.push({ kind: 'name', start: a, end: a + n });
  }
}

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const HOME_CUE = /(家住|住在|住址|家庭住址|居住地|居住在|现住|现居|住于|收货地址|送货地址|我家|家在|邮寄地址|寄到)/u;

function homeAddresses(s: string, out: PiiSpan[]): void {
  // the room-level detail of a home address: building, unit, room numbers ("5号楼1201室", "3栋2单元501", "88弄12号")
  const detail =
    /(?<![0-9*A-Za-z])(?:[0-9一二三四五六七八九十百零〇]{1,5}(?:号楼|栋|幢|座|单元|弄|支弄|号|楼|层|室|户)\s*-?\s*){1,4}(?:[0-9]{2,5}(?:室|号|房)?)?/gu;
  for (const m of s.matchAll(detail)) {
    const v = m[0].trimEnd();
    if (!/[0-9]/.test(v) || (/^[0-9]{1,2}号$/.test(v) && /月\s*$/.test(s.slice(0, m.index)))) continue; // 3月25号 is a date
    // a building ("5号楼") or a shop's street number ("100号") is not a person; a room, or any number after a home cue, is
    if (/^\s*年/.test(s.slice(m.index + v.length)) || /\s/.test(v)) continue; // "…9号 2026年": a date follows
    const room = /(室|单元)/.test(v) || /(号楼|栋|幢|座|弄|号)-?[0-9]{3,5}(室|号|房)?$/.test(v);
    const home = HOME_CUE.test(s.slice(Math.max(0, m.index - 30), m.index));
    if (!room && !home) continue;
    out.push({ kind: 'address', start: m.index, end: m.index + v.length });
  }
}

/** Spans of personal data in `text`, sorted, non-overlapping. */
export function findPii(text: string, o: RedactOptions = {}): PiiSpan[] {
  if (!text) return [];
  const s = foldWidth(text);
  const found: PiiSpan[] = [];
  const push = (kind: PiiKind, start: number, end: number) => found.push({ kind, start, end });

  for (const m of s.matchAll(ID_RE)) push('id_number', m.index, m.index + m[0].length);
  for (const m of s.matchAll(ID15_RE)) push('id_number', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  for (const m of s.matchAll(MOBILE_RE)) {
    // "订单号:19513967161" is an order number that looks like a mobile; a phone cue nearer still wins
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:订单|单号|编号|运单|快递|流水|交易号|工单)[号码是为:：#\s]{0,3}$/.test(before)) continue;
    push('mobile', m.index, m.index + m[0].length);
  }
  for (const m of s.matchAll(CARD_RE)) {
    const d = digitsOf(m[0]);
    if (d.length < 16 || d.length > 19) continue;
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const cued = CARD_CUE.test(before);
    if (!cued && (ORDER_CUE.test(before) || !(d.startsWith('62') && luhn(d)))) continue;
    push('bank_card', m.index, m.index + m[0].length);
  }
  for (const m of s.matchAll(LANDLINE_RE)) push('landline', m.index, m.index + m[0].length);
  for (const m of s.matchAll(LOCAL_RE)) push('landline', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  for (const m of s.matchAll(EMAIL_RE)) push('email', m.index, m.index + m[0].length);
  for (const m of s.matchAll(WECHAT_RE)) push('wechat', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  for (const m of s.matchAll(QQ_RE)) push('qq', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  for (const m of s.matchAll(PLATE_RE)) if (/\d/.test(m[0])) push('plate', m.index, m.index + m[0].length);
  names(s, found);
  // a name found once by its cue is masked wherever it recurs ("本人张伟…张伟要求…")
  const seen = new Set(
    found.filter((x) => x.kind === 'name' && x.end - x.start >= 2).map((x) => s.slice(x.start, x.end)),
  );
  for (const n of seen)
    for (let i = s.indexOf(n); i >= 0; i = s.indexOf(n, i + n.length)) push('name', i, i + n.length);
  homeAddresses(s, found);
  known(s, o, found);
  return resolve(found);
}

/** The structured complainant's own identifiers wherever the text repeats them (any spacing of the digits). */
function known(s: string, o: RedactOptions, out: PiiSpan[]): void {
  const k = o.known;
  if (!k) return;
  for (const n of k.names ?? []) {
    const v = n?.trim();
    if (!v || v.length < 2 || v.length > 12) continue;
    for (let i = s.indexOf(v); i >= 0; i = s.indexOf(v, i + v.length))
      out.push({ kind: 'name', start: i, end: i + v.length });
  }
  for (const [kind, list] of [
    ['mobile', k.phones],
    ['id_number', k.ids],
  ] as const) {
    for (const p of list ?? []) {
      const d = foldWidth(p ?? '')
        .replace(/[^0-9Xx]/g, '')
        .replace(/^86(?=1\d{10}$)/, '');
      if (d.length < 7) continue;
      const re = new RegExp(
        `${NOT_BEFORE}${[...d].map((c) => (c === 'X' || c === 'x' ? '[Xx]' : c)).join(SEP)}${NOT_AFTER}`,
        'g',
      );
      for (const m of s.matchAll(re))
        out.push({ kind: d.length >= 15 ? 'id_number' : kind, start: m.index, end: m.index + m[0].length });
    }
  }
}

const PRIORITY: Record<PiiKind, number> = {
  id_number: 9,
  bank_card: 8,
  mobile: 7,
  email: 6,
  landline: 5,
  qq: 4,
  wechat: 4,
  plate: 3,
  name: 2,
  address: 1,
};

function resolve(spans: PiiSpan[]): PiiSpan[] {
  // longer and stronger spans win; the rest that overlap them are dropped
  spans.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const sp of spans) if (!kept.some((k) => sp.start < k.end && sp.end > k.start)) kept.push(sp);
  return kept.sort((a, b) => a.start - b.start);
}

/** The masked form of one span's text (`139****5678`, `3101**********1234`, `张*`, `沪A*****`). */
export function maskSpan(kind: PiiKind, v: string): string {
  const f = foldWidth(v);
  switch (kind) {
    case 'mobile': {
      const d = digitsOf(f).replace(/^86(?=1\d{10}$)/, '');
      return d.slice(0, 3) + '****' + d.slice(-4);
    }
    case 'landline': {
      const area = /^[(（]?(0\d{2,3})/.exec(f)?.[1];
      const d = digitsOf(f.replace(/^[(（]?0\d{2,3}[)）]?/, area ? '' : '$&'));
      return (area ? area + '-' : '') + '*'.repeat(Math.max(d.length - 2, 2)) + d.slice(-2);
    }
    case 'id_number':
    case 'bank_card': {
      const d = f.replace(/[\s-]/g, '');
      return d.slice(0, 4) + '*'.repeat(Math.max(d.length - 8, 4)) + d.slice(-4);
    }
    case 'name': {
      const sur = surnameAt(v, 0) || 1;
      return v.slice(0, sur) + '*'.repeat(Math.max(v.length - sur, 1));
    }
    case 'plate': {
      const c = f.replace(/[ ·.]/g, '');
      return c.slice(0, 2) + '*'.repeat(c.length - 2);
    }
    case 'email': {
      const at = f.indexOf('@');
      return f[0] + '***' + f.slice(at);
    }
    case 'wechat':
    case 'qq':
      return f.slice(0, 2) + '*'.repeat(Math.max(f.length - 2, 3));
    case 'address':
      return v.replace(/[0-9０-９一二三四五六七八九十百零〇]/g, '*');
  }
}

/** The names the redactor finds in a text (to mask them in a sibling text: the title of the same ticket). */
export function namesIn(text: string): string[] {
  return [
    ...new Set(
      findPii(text)
        .filter((x) => x.kind === 'name')
        .map((x) => text.slice(x.start, x.end)),
    ),
  ];
}

/** The text with every personal datum masked, and where each was. */
export function redact(text: string, o: RedactOptions = {}): Redaction {
  const spans = findPii(text, o);
  if (!spans.length) return { text, spans };
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += text.slice(at, sp.start) + maskSpan(sp.kind, text.slice(sp.start, sp.end));
    at = sp.end;
  }
  return { text: out + text.slice(at), spans };
}

/** Masks personal data in every string of a JSON value (pre-fill, enrichment) — keys and non-strings stay. */
export function redactJson<T>(v: T, o: RedactOptions = {}): T {
  if (typeof v === 'string') return redact(v, o).text as T;
  if (Array.isArray(v)) return v.map((x) => redactJson(x, o)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redactJson(x, o);
    return out as T;
  }
  return v;
}
