/**
 * Smart pre-fill (智能预填): fields a consumer or operator would otherwise retype, found in free text with their span
 * and a confidence. Rules and gazetteers, not a model: fast (tens of thousands of texts a second), explainable, and
 * every rule is measured on the evaluation set (server/modules/text/eval/).
 */
import { DEMANDS, LEGAL_BASES, PLATFORMS } from '../lexicon.js';
import { MAX_TEXT_CHARS, normalizeKeepOffsets } from '../normalize.js';
import { findAddresses, type Gazetteer } from './address.js';
import { matchNames, type BusinessHit, type BusinessMatcher } from './business.js';
import { chooseBusiness, legalNames, type Candidate } from './legal.js';
import { tagSpans, type TaggerModel } from './tagger.js';
import { cleanName, contextNames } from './context.js';
import { findDates } from './dates.js';
import { CN_NUM_CHARS, parseCnNumber } from './numbers.js';

export interface PrefillField<T = unknown> {
  value: T;
  source: 'title' | 'text';
  start: number;
  end: number;
  confidence: number;
  [k: string]: unknown;
}

export interface Prefill {
  business?: PrefillField<string>;
  address?: PrefillField<string>;
  platform?: PrefillField<string>;
  product?: PrefillField<string>;
  amounts: PrefillField<number>[];
  purchase_date?: PrefillField<string>;
  /** every date the text states (ISO), in text order; purchase_date is the one nearest a purchase verb */
  dates: PrefillField<string>[];
  order_no?: PrefillField<string>;
  phones: PrefillField<string>[];
  id_numbers: PrefillField<string>[];
  quantity?: PrefillField<number>;
  demands: PrefillField<string>[];
  legal_basis: PrefillField<string>[];
}

export interface PrefillOptions {
  /** reference date (YYYY-MM-DD) for relative dates (昨天, 上周三) and dates without a year; usually received_at */
  refDate?: string;
  gazetteer?: Gazetteer;
  /** lexicons + the bureau's respondent registry, one Aho-Corasick automaton (text/businesses.ts builds it) */
  matcher?: BusinessMatcher;
  /** the learned span tagger (business, product); without it only names, forms and labels are used */
  tagger?: TaggerModel;
}

type Src = 'title' | 'text';
type Hit<T> = { value: T; start: number; end: number; confidence: number; [k: string]: unknown };

const r2 = (x: number) => Math.round(x * 100) / 100;

// ---------- platform ----------
const PLATFORM_ALIASES: [string, string][] = Object.entries(PLATFORMS)
  .flatMap(([name, aliases]) => aliases.map((a) => [a, name] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);
const PLATFORM_RE = new RegExp(PLATFORM_ALIASES.map(([a]) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const PLATFORM_OF = new Map(PLATFORM_ALIASES);

function platforms(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of s.matchAll(PLATFORM_RE)) {
    // "苏宁" inside a longer shop name, or "微信" as a way to contact, are weaker signals
    const name = PLATFORM_OF.get(m[0])!;
    const weak = name === '微信' || name === '阿里巴巴';
    out.push({ value: name, start: m.index!, end: m.index! + m[0].length, confidence: weak ? 0.5 : 0.9 });
  }
  return out;
}

// ---------- amounts ----------
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?`;
const CNUM = `[${CN_NUM_CHARS}]+`;
const AMOUNT_RE = new RegExp(
  `(?:(?:人民币|RMB|rmb|￥|¥)\\s*(${NUM})(\\s*万)?(?:\\s*元)?)|(?:(${NUM})\\s*(万|千|w|W)?\\s*(?:多|余)?\\s*(?:元|块钱|块|圆|人民币|rmb|RMB))|(?:(${CNUM})\\s*(?:元|块钱|块|圆)(?:\\s*([零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])角)?(?:\\s*[零〇]?\\s*([零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])分)?)|(?:\\$\\s?(${NUM}))|(?:(${NUM})\\s*(?:dollars|usd|USD))`,
  'g',
);
// "2万定金", "35W以内", "16万8成交": 万/W without 元, money by its clause; "赔偿金是2500": a bare number after a money noun
const WAN_RE = new RegExp(`(?<![\\d.])(${NUM})\\s*(万|w|W)(\\d)?(?![\\d元块圆a-zA-Z平米方])`, 'g');
const BARE_RE = new RegExp(
  `(?:金额|价格|价钱|价款|费用|赔偿金|违约金|定金|订金|押金|意向金|货款|房款|总价|单价|花费|花了|付了|交了|支付了?|共计|合计|总计|收费)\\s*(?:是|为|达|约|共|:|：)?\\s*(${NUM})(?![\\d.]|\\s*(?:[年月日号天个件%‰次期台套平米方人倍]|万|w|W|元|块|圆|小时|分钟))`,
  'g',
);
const PER_RE = new RegExp(
  `(?<![\\d.])(${NUM})\\s*/\\s*(?:米|平|平米|平方|㎡|天|日|月|次|个|件|小时|延米|m)(?![a-zA-Z])`,
  'g',
);
const MONEY_CLAUSE = /元|钱|款|金|费|价|预算|支付|付|交|缴|收|花|赔|退|报价|成交|贷|欠/;
const CN_D: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
// 块 as a measure word: "12块板子", "10块鸡丁", "两块地砖" — money only before 钱/punctuation/particles
const KUAI_NOUN = /^[\u4e00-\u9fa5]/;
const KUAI_OK = /^[钱的了多左呢啊吧吗呀一就都也还才又给]/;

function clauseAround(s: string, a: number, b: number): string {
  let x = a;
  while (x > 0 && a - x < 30 && !/[，,。；;！!？?\n]/.test(s[x - 1]!)) x--;
  let y = b;
  while (y < s.length && y - b < 30 && !/[，,。；;！!？?\n]/.test(s[y]!)) y++;
  return s.slice(x, a) + s.slice(b, y);
}

// every AMOUNT_RE match names a currency or its unit; WAN_RE, BARE_RE and PER_RE each need a digit (most reviews
// have neither, and skip the four scans)
const CURRENCY_GATE = /[元块圆￥¥$]|人民币|rmb|RMB|dollars|usd|USD/;
const DIGIT = /\d/;

function amounts(s: string): Hit<number>[] {
  const out: Hit<number>[] = [];
  const digits = DIGIT.test(s);
  if (!digits && !CURRENCY_GATE.test(s)) return out;
  const free = (a: number, b: number) => !out.some((o) => a < o.end && b > o.start);
  const push = (v: number, a: number, b: number, conf: number) => {
    if (!Number.isFinite(v) || v <= 0 || v > 1e9 || !free(a, b)) return;
    // "373***元", "135****": a masked figure is no figure
    if (
      /[*＊xX×]/.test(s[a - 1] ?? '') ||
      /[*＊×]/.test(s[b] ?? '') ||
      /^[\d.,]*[*＊×]/.test(s.slice(a, b).replace(/^\D+/, ''))
    )
      return;
    out.push({ value: Math.round(v * 100) / 100, start: a, end: b, confidence: conf });
  };
  if (CURRENCY_GATE.test(s))
    for (const m of s.matchAll(AMOUNT_RE)) {
      let v = NaN;
      const a = m.index!;
      const b = a + m[0].length;
      if (/块$/.test(m[0]) && !/块钱$/.test(m[0])) {
        const next = s.slice(b, b + 1);
        if (KUAI_NOUN.test(next) && !KUAI_OK.test(next)) continue;
      }
      if (m[1]) v = Number(m[1].replace(/,/g, '')) * (m[2] ? 1e4 : 1);
      else if (m[3])
        v =
          Number(m[3].replace(/,/g, '')) *
          (m[4] === '万' || m[4] === 'w' || m[4] === 'W' ? 1e4 : m[4] === '千' ? 1e3 : 1);
      else if (m[5]) v = parseCnNumber(m[5]) + (m[6] ? CN_D[m[6]]! / 10 : 0) + (m[7] ? CN_D[m[7]]! / 100 : 0);
      else if (m[8]) v = Number(m[8].replace(/,/g, ''));
      else if (m[9]) v = Number(m[9].replace(/,/g, ''));
      push(v, a, b, m[5] ? 0.8 : 0.9);
    }
  if (!digits) return out.sort((x, y) => x.start - y.start);
  for (const m of s.matchAll(WAN_RE)) {
    const a = m.index!;
    const b = a + m[0].length;
    if (!MONEY_CLAUSE.test(clauseAround(s, a, b))) continue;
    push(Number(m[1]!.replace(/,/g, '')) * 1e4 + (m[3] ? Number(m[3]) * 1e3 : 0), a, b, 0.75);
  }
  for (const m of s.matchAll(BARE_RE)) {
    const a = m.index! + m[0].length - m[1]!.length;
    push(Number(m[1]!.replace(/,/g, '')), a, m.index! + m[0].length, 0.7);
  }
  for (const m of s.matchAll(PER_RE)) {
    const a = m.index!;
    if (!/收费|价格|单价|元|钱|费/.test(clauseAround(s, a, a + m[0].length))) continue;
    push(Number(m[1]!.replace(/,/g, '')), a, a + m[1]!.length, 0.6);
  }
  return out.sort((x, y) => x.start - y.start);
}

// ---------- identifiers ----------
const MOBILE_RE = /(?<![\dA-Za-z])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}[-\s]?\d{4}|\*{4}\d{4})(?![\dA-Za-z])/g;
const LANDLINE_RE = /(?<![\dA-Za-z])(?:0\d{2,3}[-－—\s]?\d{7,8}|400[-\s]?\d{3}[-\s]?\d{4})(?![\dA-Za-z])/g;
const ID_RE =
  /(?<![\dA-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])|(?<![\dA-Za-z])[1-9]\d{5}\*{8,10}\d{3}[\dXx*](?![\dA-Za-z])/g;
const ORDER_RE =
  /(?:订单(?:编号|号码|号)?|交易(?:单号|号)|(?:运|快递|物流)?单号|合同\s*[（(]?\s*(?:编号|号)|order\s*(?:no\.?|number|#|id)|confirmation\s*(?:no\.?|number|#))\s*(?:是|为)?\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9*-]{5,39})/gi;

function idChecksumOk(id: string): boolean {
  if (id.includes('*')) return true;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * w[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function phones(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out; // both patterns need digits
  for (const re of [MOBILE_RE, LANDLINE_RE]) {
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      out.push({
        value: m[0]
          .replace(/[\s－—-]/g, (c) => (c === '－' || c === '—' ? '-' : c === ' ' ? '' : c))
          .replace(/^\+?86-?/, ''),
        start: a,
        end: a + m[0].length,
        confidence: re === MOBILE_RE ? 0.95 : 0.8,
      });
    }
  }
  return out;
}

function idNumbers(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out;
  for (const m of s.matchAll(ID_RE))
    out.push({
      value: m[0].toUpperCase(),
      start: m.index!,
      end: m.index! + m[0].length,
      confidence: idChecksumOk(m[0]) ? 0.97 : 0.6,
    });
  return out;
}

function orderNos(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out; // a number with fewer than 3 digits is refused below
  for (const m of s.matchAll(ORDER_RE)) {
    const v = m[1]!;
    if (/^1[3-9]\d{9}$/.test(v)) continue;
    // the source's mask ("order # XXXX") is no number; a partly masked one is kept as written, flagged
    if (/^[xX*]+$/.test(v.replace(/-/g, '')) || (v.match(/[0-9]/g)?.length ?? 0) < 3) continue;
    const masked = /[*]|X{3,}/.test(v);
    const a = m.index! + m[0].length - v.length;
    out.push({
      value: v,
      start: a,
      end: a + v.length,
      confidence: masked ? 0.6 : /\d{6,}/.test(v) ? 0.95 : 0.7,
      ...(masked ? { masked: true } : {}),
    });
  }
  return out;
}

// ---------- product and quantity ----------
const UNIT =
  '(?:个|件|台|瓶|盒|箱|份|双|袋|包|斤|公斤|千克|克|支|张|套|部|罐|条|只|本|桶|听|块|副|片|粒|枚|把|辆|次|节|课时|单)';
const QTY_RE = new RegExp(
  `(?:购买了?|买了?|订购了?|下单了?|订了|拍了|共|一共|总共|合计|采购了?)\\s*(\\d+|[${CN_NUM_CHARS}]{1,4})\\s*(${UNIT})`,
  'g',
);
const PRODUCT_RE = new RegExp(
  `(?:购买了?|买了?|订购了?|下单了?|订了|拍了|选购了?|采购了?|办理了?|办了|充值了?|报名了?|预订了?|定了|入住了?|点了)\\s*(?:(?:\\d+|[${CN_NUM_CHARS}]{1,4})\\s*${UNIT})?\\s*(?:[\\u4e00-\\u9fa5]{0,2}的)?([\\u4e00-\\u9fa5A-Za-z0-9]{1,16})`,
  'g',
);
const PRODUCT_LABEL_RE =
  /(?:商品(?:名称)?|产品(?:名称)?|服务(?:项目)?|购买商品)\s*[:：为是]\s*([^\s，,。；;、]{1,30})/g;
// trailing words that are not part of the product name
const PRODUCT_TAIL =
  /(?:后|时|之后|以后|但是|但|却|结果|发现|回来|回家|使用|不久|没|不|就|才|一直|至今|当天|过程中|期间|一周|一个月|半年|给|送|来|去|并|且|还|也|都|已|在|于|是|的时候|收到|到货|商家|店家|卖家|客服|平台|质量|价格|金额|费用|花了|共计|共|总计|，|。).*$/;

function products(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of s.matchAll(PRODUCT_LABEL_RE)) {
    const v = m[1]!;
    const a = m.index! + m[0].length - v.length;
    out.push({ value: v, start: a, end: a + v.length, confidence: 0.9 });
  }
  for (const m of s.matchAll(PRODUCT_RE)) {
    let v = m[1]!;
    const a = m.index! + m[0].length - v.length;
    v = v.replace(/^(?:购买|选购|订购|采购|买|了)+/, '').replace(PRODUCT_TAIL, '');
    const a2 = m.index! + m[0].length - m[1]!.length + m[1]!.indexOf(v);
    // strip platform or shop words at the start ("在京东买" handled by verb; "淘宝上的" left)
    if (v.length < 2 || /^(?:东西|商品|产品|物品|货|了|过|到|一些|一下|一个|个)$/.test(v)) continue;
    if (PLATFORM_OF.has(v)) continue;
    out.push({
      value: v,
      start: a2 >= a ? a2 : a,
      end: (a2 >= a ? a2 : a) + v.length,
      confidence: v.length <= 8 ? 0.7 : 0.55,
    });
  }
  return out;
}

function quantities(s: string): Hit<number>[] {
  const out: Hit<number>[] = [];
  for (const m of s.matchAll(QTY_RE)) {
    const n = parseCnNumber(m[1]!);
    if (!Number.isFinite(n) || n <= 0) continue;
    const a = m.index! + m[0].length - m[1]!.length - m[2]!.length;
    out.push({ value: n, unit: m[2], start: a, end: m.index! + m[0].length, confidence: 0.8 });
  }
  return out;
}

// ---------- demands and legal basis ----------
const DESCRIPTIVE_DEMANDS = new Set(['换货', '维修', '履行合同', '查处']);

// compiled once (a RegExp per call and kind was a measurable share of pre-fill's time)
const DEMAND_RES = DEMANDS.map((d) => ({ name: d.name, re: new RegExp(d.re.source, 'g') }));
const LEGAL_RES = LEGAL_BASES.map((l) => ({ name: l.name, re: new RegExp(l.re.source, 'g') }));
// every legal basis pattern contains one of these: most texts cite none and skip the 18 scans
const LEGAL_GATE = /法|办法|规定|三包|无理由|解释|明码标价/;

function demands(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const d of DEMAND_RES) {
    const re = d.re;
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      // the demand words are common; a demand is stronger after 要求/希望/请求
      const ctx = s.slice(Math.max(0, a - 12), a);
      const asked = /要求|希望|请求|诉求|申请|想|需要|请/.test(ctx);
      if (d.name === '赔偿' && !asked && /损失/.test(m[0])) continue;
      // 更换/维修/发货/整改 describe what happened far more often than they ask for it: a demand only when asked
      if (!asked && DESCRIPTIVE_DEMANDS.has(d.name)) continue;
      out.push({ value: d.name, start: a, end: a + m[0].length, confidence: asked ? 0.95 : 0.85 });
      break; // one span per demand kind
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function legalBases(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!LEGAL_GATE.test(s)) return out;
  for (const l of LEGAL_RES) {
    const re = l.re;
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      out.push({ value: l.name, start: a, end: a + m[0].length, confidence: 0.9 });
      break;
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

// ---------- purchase date ----------
const PURCHASE_VERB =
  /购买|买了|买的|点了|点的|purchas|bought|ordered|下单|订购|办理|办卡|充值|入住|报名|消费|签订|签了|付款|支付|预订|定了|订了|拍了|购入|采购/;

interface Analysed {
  src: Src;
  business: Hit<string>[];
  address: Hit<string>[];
  platform: Hit<string>[];
  product: Hit<string>[];
  amounts: Hit<number>[];
  dates: Hit<string>[];
  order_no: Hit<string>[];
  phones: Hit<string>[];
  id_numbers: Hit<string>[];
  quantity: Hit<number>[];
  demands: Hit<string>[];
  legal_basis: Hit<string>[];
}

const MEANS_AFTER = /^(?:[\/、或]|方式|支付|转账|付款|扫码|红包|群|好友|号|联系|沟通|聊天|语音|视频|电话|账户|账号)/;
// …and a brand given away with the purchase (赠品西门子洗衣机, 送的美的电饭煲) is a gift, not the seller
const MEANS_BEFORE = /(?:通过|添加|加了?|用|使用|的)$/;
const GIFT_BEFORE = /(?:赠品|赠送|附赠|送的|送了|赠的|送一台|送个)$/;
// services people pay or talk through (canonical lexicon names); a shop is reached through them, rarely complained of
const MEANS = new Set(['微信', '支付宝', '微信支付', '腾讯', '云闪付', '钉钉']);

// what a learned business span must not look like: a place (晋安区琴亭河), a clause (河水被污染), a time (两个小时)
const PLACE_LIKE = /^[\u4e00-\u9fa5]{1,4}[省市区县]|[河湖江路街巷村镇]|小区|门口|附近|旁边/;
const CLAUSE_LIKE = /[被了的着过已很太都也就还又再没不吗呢吧啊我你他她它]|个小时|[一二两三四五六七八九十\d]+个/;
function plausibleLearnedName(v: string, start: number, s: string): boolean {
  // 被 opens a passive clause, and a few names (被窝): such a span counts only when the text comes back to it
  const clause = v.startsWith('被') && s.indexOf(v, start + v.length) >= 0 ? v.slice(1) : v;
  if (v.length > 12 || PLACE_LIKE.test(v) || CLAUSE_LIKE.test(clause)) return false;
  // the first words of a long text are a greeting or a clause far more often than a name, unless the name comes back
  if (start === 0 && s.length > 40 && s.indexOf(v, v.length) < 0) return false;
  return true;
}

/** Tagger score margin → probability that the span is right (fitted on the hand-checked real set, eval/README.md). */
export function taggerConfidence(margin: number): number {
  return r2(Math.min(0.7, 0.35 + margin / 60));
}

function analyse(raw: string, src: Src, o: PrefillOptions): Analysed {
  const s = normalizeKeepOffsets(raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw);
  // names match in lower case; an ASCII-only lower-casing keeps every offset
  const sl = /[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
  const ids = idNumbers(s);
  const ph = phones(s).filter((p) => !ids.some((i) => p.start < i.end && p.end > i.start));
  const orders = orderNos(s);
  const notId = <T>(h: Hit<T>) =>
    !ids.some((i) => h.start < i.end && h.end > i.start) && !orders.some((i) => h.start < i.end && h.end > i.start);
  const dates = findDates(s, o.refDate).map((d) => {
    const ctx = s.slice(Math.max(0, d.start - 6), Math.min(s.length, d.end + 40)).split(/[。；;!！?？]/)[0] ?? '';
    const near = PURCHASE_VERB.test(ctx);
    // confidence = that it is the purchase date; dateConfidence = that the date is read right (the `dates` list)
    return {
      value: d.iso,
      start: d.start,
      end: d.end,
      confidence: r2((near ? 0.9 : 0.5) * (d.relative ? 0.85 : d.guessedYear ? 0.9 : 1)),
      near,
      dateConfidence: d.relative ? 0.8 : d.guessedYear ? 0.85 : 0.97,
    };
  });
  const addr = o.gazetteer
    ? findAddresses(s, o.gazetteer).map((a) => ({
        value: a.value,
        start: a.start,
        end: a.end,
        confidence: a.confidence,
        parts: a.parts,
      }))
    : [];
  const names: BusinessHit[] = o.matcher ? matchNames(sl, o.matcher, undefined, s) : [];
  // a payment or messaging service named as the way money or words went (转账/微信/支付宝方式, 曲美微信群, 添加业之峰的微信,
  // 通过微信联系) is the means, not the one complained against: still a candidate, below any merchant found
  const bizNames = names.map((n) =>
    n.via === 'lexicon' &&
    ((MEANS.has(n.value) &&
      (MEANS_AFTER.test(s.slice(n.end, n.end + 3)) || MEANS_BEFORE.test(s.slice(Math.max(0, n.start - 3), n.start)))) ||
      GIFT_BEFORE.test(s.slice(Math.max(0, n.start - 3), n.start)))
      ? { ...n, confidence: Math.min(n.confidence, 0.5) }
      : n,
  );
  const biz: Hit<string>[] = [...legalNames(s), ...bizNames.filter((n) => !n.platform || n.via === 'registry')];
  const plat: Hit<string>[] = o.matcher
    ? names.filter((n) => n.platform).map((n) => ({ ...n, confidence: r2(n.confidence * 0.95) }))
    : platforms(s);
  biz.push(...bizNames.filter((n) => n.platform));
  // a trade name placed by the words around it, unless a known or legal name already covers that place
  for (const c of contextNames(sl, src === 'title')) {
    // "京东曲美官方售后": the platform the shop sells on, then the shop
    const p = names.find((n) => n.platform && n.start === c.start && n.end <= c.end - 2);
    // "曲美微信群一名导购": the name, then the service its people use
    const q = p ? undefined : names.find((n) => n.start >= c.start + 2 && n.start < c.end);
    const x = p ? { ...c, start: p.end } : q ? { ...c, end: q.start } : c;
    if (q && cleanName(s.slice(x.start, x.end)) !== s.slice(x.start, x.end)) continue;
    if (biz.some((b) => x.start < b.end && x.end > b.start)) continue;
    biz.push({ ...x, value: s.slice(x.start, x.end) });
  }
  const prod = products(s);
  if (o.tagger && sl.length) {
    let hint: Uint8Array | undefined;
    if (names.length) {
      hint = new Uint8Array(sl.length);
      for (const x of names) for (let i = x.start; i < x.end; i++) hint[i] = i === x.start ? 1 : 2;
    }
    for (const sp of tagSpans(o.tagger, sl, hint)) {
      if (sp.end - sp.start < 2) continue;
      let v = s.slice(sp.start, sp.end).trim();
      if (v.length < 2 || /^[\d\s\p{P}]+$/u.test(v)) continue;
      let start = sp.start;
      if (sp.kind === 'BIZ') {
        if (!plausibleLearnedName(v, sp.start, s)) continue;
        // what the context finder refuses where a name would stand (退意, 从未, 半夜, 衣柜, a bare 合肥) the tagger's
        // span is refused too; a place before the name (闻喜曲美) is cut off as there
        const c = cleanName(v);
        if (!c) continue;
        start = sp.start + (v.length - c.length);
        v = c;
      }
      const h = {
        value: v,
        start,
        end: sp.kind === 'BIZ' ? start + v.length : sp.end,
        confidence: taggerConfidence(sp.margin),
        via: 'tagger' as const,
      };
      if (sp.kind === 'BIZ') biz.push(h);
      else if (!prod.length) prod.push({ ...h, confidence: r2(h.confidence * 0.9) });
    }
  }
  return {
    src,
    business: biz,
    address: addr,
    platform: plat,
    product: prod,
    amounts: amounts(s).filter(notId),
    dates: dates.sort((x, y) => Number(y.near) - Number(x.near) || x.start - y.start),
    order_no: orders,
    phones: ph.filter(notId),
    id_numbers: ids,
    quantity: quantities(s),
    demands: demands(s),
    legal_basis: legalBases(s),
  };
}

function tag<T>(h: Hit<T> | undefined, src: Src): PrefillField<T> | undefined {
  if (!h) return undefined;
  const { near: _n, ...rest } = h as Hit<T> & { near?: boolean };
  return { ...rest, source: src } as PrefillField<T>;
}

/** Merge: single fields from the text first, then the title; list fields from both, de-duplicated by value. */
export function prefill(text: string | null | undefined, title?: string | null, opts: PrefillOptions = {}): Prefill {
  const parts: Analysed[] = [];
  if (text) parts.push(analyse(String(text), 'text', opts));
  if (title) parts.push(analyse(String(title), 'title', opts));
  const one = <K extends keyof Analysed>(k: K, pickBest = false): PrefillField<never> | undefined => {
    for (const p of parts) {
      const hs = p[k] as Hit<never>[];
      if (!hs.length) continue;
      const h = pickBest ? hs.reduce((a, b) => (b.confidence > a.confidence ? b : a)) : hs[0];
      return tag(h, p.src);
    }
    return undefined;
  };
  const many = <K extends keyof Analysed>(k: K): PrefillField<never>[] => {
    const seen = new Set<string>();
    const out: PrefillField<never>[] = [];
    for (const p of parts) {
      for (const h of p[k] as Hit<never>[]) {
        const key = String(h.value);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(tag(h, p.src)!);
      }
    }
    return out;
  };
  const res: Prefill = {
    amounts: many('amounts'),
    dates: many('dates')
      .map(({ dateConfidence, ...d }) => ({ ...d, confidence: dateConfidence as number }))
      .sort((a, b) => (a.source === b.source ? a.start - b.start : a.source === 'text' ? -1 : 1)),
    phones: many('phones'),
    id_numbers: many('id_numbers'),
    demands: many('demands'),
    legal_basis: many('legal_basis'),
  };
  const set = <K extends 'business' | 'address' | 'platform' | 'product' | 'order_no' | 'quantity'>(
    k: K,
    v: PrefillField<never> | undefined,
  ) => {
    if (v) (res as unknown as Record<string, unknown>)[k] = v;
  };
  // a learned span is believed more when the name comes back (title and text, or twice)
  const whole = `${title ?? ''}\n${text ?? ''}`;
  const cands = parts
    .flatMap((p) => (p.business as unknown as BusinessHit[]).map((h) => ({ ...h, from: p.src }) as Candidate))
    .flatMap((c) => {
      if (c.via !== 'tagger' && c.via !== 'context') return [c];
      let n = 0;
      for (let i = whole.indexOf(c.value); i >= 0 && n < 3; i = whole.indexOf(c.value, i + 1)) n++;
      if (c.via === 'context' && c.subject && n < 2) {
        // "业之峰增减项霸王条款 … 北京业之峰": the title's opening words run on past the name; the part the complaint
        // comes back to is the name
        for (let len = c.value.length - 1; len >= 2; len--) {
          const v = c.value.slice(0, len);
          const i = whole.indexOf(v);
          if (i >= 0 && whole.indexOf(v, i + len) >= 0 && cleanName(v) === v)
            return [{ ...c, value: v, end: c.start + len, confidence: 0.8 }];
        }
      }
      if (c.via === 'context' && c.repeat && n < 2) return [];
      // the title's subject, named again in the text, is who the complaint is about: above a brand the text mentions
      if (c.via === 'context' && c.subject && n >= 2) return [{ ...c, confidence: 0.86 }];
      if (c.via === 'context')
        return [{ ...c, confidence: r2(Math.min(0.78, c.confidence + (n >= 2 ? 0.1 : 0) + (n >= 3 ? 0.05 : 0))) }];
      return [{ ...c, confidence: r2(Math.min(0.8, c.confidence + (n >= 2 ? 0.1 : 0))) }];
    });
  const biz = chooseBusiness(cands);
  if (biz) {
    const { from, ...rest } = biz;
    res.business = { ...rest, source: from } as PrefillField<string>;
  }
  set('address', one('address', true));
  set('platform', one('platform', true));
  set('product', one('product', true));
  set('order_no', one('order_no'));
  set('quantity', one('quantity'));
  const d = one('dates');
  if (d) {
    // rest, not `delete`: same keys in the same order, without turning the object into a slow dictionary
    const { dateConfidence: _dc, ...pd } = d as Record<string, unknown>;
    res.purchase_date = pd as PrefillField<string>;
  }
  return res;
}
