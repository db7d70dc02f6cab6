/**
 * Per-ticket text features for the criteria: punitive-damage demands, purchased quantities, product kind, problem
 * class, agency cues, outcomes recorded by the source, and a bottom-k MinHash sketch for near-duplicate texts.
 * Everything here is cheap (one pass of regexes and one pass of 3-gram hashing) because it runs on every ticket.
 */
import type { TifTicket } from '../../../../shared/tif.js';

export const PUNITIVE_RE =
  /(三倍|3倍|十倍|10倍|退一赔三|退一赔十|假一赔[三十]|一赔三|一赔十|惩罚性赔偿|价款的?[三十]倍|第五十五条|55条|第一百四十八条|148条|treble damages|triple damages|punitive damages)/i;

/** Product kinds with the two yardsticks of 法释〔2024〕9号 Art. 12: shelf life and ordinary usual quantity. */
export interface ProductKind {
  name: string;
  re: RegExp;
  shelf_days: number;
  reasonable: number;
}
export const PRODUCT_KINDS: readonly ProductKind[] = [
  {
    name: '保健食品',
    re: /(保健品|保健食品|胶囊|口服液|蛋白粉|酵素|益生菌|鱼油|维生素|燕窝|阿胶|人参|灵芝)/,
    shelf_days: 720,
    reasonable: 6,
  },
  { name: '婴幼儿配方食品', re: /(奶粉|婴儿配方|米粉)/, shelf_days: 540, reasonable: 8 },
  { name: '乳制品', re: /(牛奶|酸奶|乳饮料|奶酪)/, shelf_days: 30, reasonable: 24 },
  { name: '酒类', re: /(白酒|茅台|五粮液|红酒|葡萄酒|洋酒|黄酒|威士忌)/, shelf_days: 3650, reasonable: 6 },
  { name: '啤酒饮料', re: /(啤酒|饮料|矿泉水|果汁|可乐|咖啡)/, shelf_days: 270, reasonable: 48 },
  {
    name: '生鲜食品',
    re: /(水果|蔬菜|猪肉|牛肉|羊肉|海鲜|鸡蛋|面包|蛋糕|熟食|糕点|月饼|粽子)/,
    shelf_days: 7,
    reasonable: 10,
  },
  {
    name: '预包装食品',
    re: /(食品|零食|饼干|巧克力|糖果|坚果|方便面|罐头|调味|酱油|醋|食用油|茶叶|蜂蜜|大米|面粉|火腿|香肠|辣条)/,
    shelf_days: 365,
    reasonable: 20,
  },
  {
    name: '化妆品',
    re: /(化妆品|面膜|口红|护肤|精华|面霜|乳液|洗发水|沐浴露|牙膏|香水)/,
    shelf_days: 1095,
    reasonable: 6,
  },
  { name: '药品医疗器械', re: /(药品|药物|中药|西药|口罩|医疗器械|血压计|血糖)/, shelf_days: 730, reasonable: 6 },
  { name: '烟草', re: /(香烟|卷烟|电子烟)/, shelf_days: 540, reasonable: 10 },
  {
    name: '家用电器',
    re: /(手机|电脑|平板|耳机|充电器|电视|冰箱|洗衣机|空调|热水器|电饭煲|吸尘器)/,
    shelf_days: 3650,
    reasonable: 6,
  },
  { name: '服装鞋帽', re: /(衣服|服装|鞋|帽|裤|外套|羽绒服|T恤|内衣|袜)/, shelf_days: 3650, reasonable: 10 },
];

/** 法释〔2024〕9号-style problem classes that professional claimants target, plus the CCA classes (DOMAIN §5). */
const PROBLEM_RULES: readonly [string, RegExp][] = [
  ['标签标识', /(标签|标识|中文标签|生产日期|配料|营养成分|QS|SC编号|生产许可证编号|执行标准)/],
  ['过期变质', /(过期|保质期|变质|发霉|霉变|异物|虫)/],
  ['虚假宣传', /(虚假宣传|绝对化用语|极限词|最佳|第一品牌|国家级|广告法|夸大|疗效|治疗)/],
  ['无证经营', /(无证|未取得|许可证|资质|备案)/],
  ['假冒伪劣', /(假冒|假货|仿冒|山寨|冒充)/],
  ['价格', /(价格|标价|多收|乱收费|明码标价|价格欺诈)/],
  ['计量', /(缺斤短两|计量|短秤|分量不足)/],
  ['售后服务', /(退款|退货|售后|维修|换货|不退|不给退)/],
  ['合同', /(合同|预付|会员卡|办卡|充值|跑路|关门|停业)/],
  ['质量', /(质量|故障|损坏|破损|坏了|不能用|异响|漏水)/],
];

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** 一..九十九, 一百..九百九十九 and arabic numbers. */
export function parseCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0,
    cur = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) cur = CN_DIGITS[ch]!;
    else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === '千') {
      total += (cur || 1) * 1000;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

/** Units of one pack word; 箱/件 of food is a case (taken as 12, the usual case of bottles or cans). */
// 块 is left out on purpose: in speech it is money (“1600块”) far more often than a count.
const UNIT_MULT: Record<string, number> = {
  箱: 12,
  打: 12,
  提: 6,
  条: 1,
  瓶: 1,
  盒: 1,
  罐: 1,
  袋: 1,
  包: 1,
  支: 1,
  听: 1,
  桶: 1,
  份: 1,
  件: 1,
  个: 1,
  双: 1,
  套: 1,
  台: 1,
  部: 1,
  只: 1,
  斤: 1,
  饼: 1,
};
const QTY_RE =
  /(?:购买|买了|买|采购|订购|下单|拍了?|共|一共|合计|总共)?\s*(?<![第\d.．一二两三四五六七八九十百千])(\d{1,4}|[一二两三四五六七八九十百千]{1,4})\s*(箱|打|提|瓶|盒|罐|袋|包|支|听|桶|份|件|个|双|套|台|部|只|条|斤|饼)/g;
/** Things that look like quantities but are not purchases: durations, ages, floors, money. */
const NOT_QTY_AFTER = /^(月|天|日|年|岁|楼|号|次|元|块钱|小时|分钟|多月)/;

export interface QuantityHit {
  units: number;
  raw: string;
}
export function parseQuantities(text: string, kind?: ProductKind | null): QuantityHit[] {
  const out: QuantityHit[] = [];
  for (const m of text.matchAll(QTY_RE)) {
    const n = parseCount(m[1]!);
    const unit = m[2]!;
    if (n === null || n <= 0 || n > 5000) continue;
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2);
    // 条 counts cigarettes; elsewhere it is an article of a law (食品安全法148条)
    if (unit === '条' && kind?.name !== '烟草') continue;
    if (NOT_QTY_AFTER.test(after) && unit !== '箱') continue;
    out.push({ units: n * (UNIT_MULT[unit] ?? 1), raw: m[0].trim() });
  }
  return out;
}

export function productKindOf(text: string): ProductKind | null {
  for (const k of PRODUCT_KINDS) if (k.re.test(text)) return k;
  return null;
}

export function problemClassOf(text: string): string | null {
  for (const [name, re] of PROBLEM_RULES) if (re.test(text)) return name;
  return null;
}

/** Openly declared agency by a natural person (受雇/代他人投诉); lawful representatives are exempted elsewhere. */
export const AGENCY_RE =
  /(受雇|受人委托|受他人委托|代(他人|朋友|亲戚|别人|客户)投诉|代为投诉|代理投诉|帮(朋友|别人|他人)投诉|代投诉)/;
/** Lawful representation declared in the text (residents' committee, legal aid, consumer association). */
export const LAWFUL_AGENT_RE =
  /(居委会|居民委员会|村委会|社区|法律援助|消费者协会|消协|消保委|消费者权益保护委员会|工会)/;

export type Outcome = 'compensated' | 'untrue' | 'declined' | 'other';
const OUTCOME_KEY_RE = /(outcome|result|finding|status|结果|结论|处理|办结)/i;
const PLATFORM_OUTCOMES: Record<string, Outcome> = {
  not_opened: 'untrue',
  mediated: 'compensated',
  odr_settled: 'compensated',
  declined: 'declined',
  terminated: 'other',
  case_opened: 'other',
  answered: 'other',
  referred: 'other',
  duplicate: 'other',
};
/** What the source recorded as the result of an earlier ticket (labels or extra), if anything. */
export function outcomeOf(t: TifTicket): Outcome | null {
  const sources = [t.labels, t.extra] as (Record<string, unknown> | undefined)[];
  let found: Outcome | null = null;
  for (const src of sources) {
    if (!src) continue;
    for (const [k, v] of Object.entries(src)) {
      if (!OUTCOME_KEY_RE.test(k)) continue;
      if (v === true && /compensat|赔/.test(k)) return 'compensated';
      if (typeof v !== 'string') continue;
      // Xiezhi's own workflow outcomes (workflow/domain/transitions.ts): a report not opened as a case was not
      // substantiated; a mediation or an ODR settlement that succeeded is how a consumer is compensated here.
      const own = PLATFORM_OUTCOMES[v];
      if (own) {
        if (own === 'untrue') return own;
        if (own === 'compensated' || !found || found === 'other') found = own;
        continue;
      }
      if (/(不属实|查无实据|未发现(违法|问题)|举报不实|unfounded|not confirmed|unsubstantiated|no violation)/i.test(v))
        return 'untrue';
      if (/(调解成功|已赔偿|赔偿|赔付|退一赔|compensat|refund(ed)?|monetary relief)/i.test(v)) found = 'compensated';
      else if (!found && /(不予受理|终止调解|declined|rejected)/i.test(v)) found = 'declined';
      else if (!found) found = 'other';
    }
  }
  return found;
}

// ---------------------------------------------------------------- near-duplicate sketches

export const SKETCH_K = 24;
/** Strip what a template varies (numbers, dates, spaces, punctuation) so its instances hash alike. */
export function normaliseForSketch(s: string): string {
  return s
    .toLowerCase()
    .replace(/\d+/g, '0')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Bottom-k MinHash over character 3-grams (5-grams for Latin-only text, where 3 letters carry little), computed in
 * one pass over char codes with the same normalisation as normaliseForSketch: digits → 0, ASCII lowercased,
 * whitespace/punctuation/symbols dropped. Returns the normalised length too (short texts need more repeats).
 */
let CODES = new Uint16Array(4096);
export function sketchOf(text: string): { len: number; sketch: Uint32Array | null } {
  const n0 = text.length;
  if (CODES.length < n0) CODES = new Uint16Array(n0 * 2);
  const codes = CODES; // reused: this runs on every ticket and the buffer never escapes
  let n = 0,
    latin = true,
    prevDigit = false;
  for (let i = 0; i < n0; i++) {
    let c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (prevDigit) continue;
      prevDigit = true;
      codes[n++] = 48;
      continue;
    }
    prevDigit = false;
    if (c >= 65 && c <= 90) c += 32;
    if (
      (c >= 97 && c <= 122) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c > 0xff && !isPunct(c))
    ) {
      if (c > 127) latin = false;
      codes[n++] = c;
    }
  }
  const g = latin ? 5 : 3;
  if (n < g + 4) return { len: n, sketch: null };
  const best = new Uint32Array(SKETCH_K);
  let filled = 0;
  for (let i = 0; i + g <= n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + g; j++) {
      h ^= codes[j]!;
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h >>>= 0;
    if (filled === SKETCH_K && h >= best[SKETCH_K - 1]!) continue;
    // insertion into the sorted k smallest, skipping duplicates
    let lo = 0,
      hi = filled;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    if (lo < filled && best[lo] === h) continue;
    const last = filled < SKETCH_K ? filled++ : SKETCH_K - 1;
    for (let j = last; j > lo; j--) best[j] = best[j - 1]!;
    best[lo] = h;
  }
  return { len: n, sketch: filled < SKETCH_K ? best.slice(0, filled) : best };
}

/** CJK and full-width punctuation, general punctuation, symbols: not content. */
function isPunct(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2190 && c <= 0x2bff) ||
    c === 0xfe0f
  );
}

export function sketch(text: string): Uint32Array | null {
  return sketchOf(text).sketch;
}

/** Jaccard estimate from two bottom-k sketches (k smallest of the union, fraction present in both). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(SKETCH_K, Math.max(a.length, b.length));
  let i = 0,
    j = 0,
    seen = 0,
    both = 0;
  while (seen < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : 0xffffffff + 1;
    const y = j < b.length ? b[j]! : 0xffffffff + 1;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    seen++;
  }
  return seen ? both / seen : 0;
}
