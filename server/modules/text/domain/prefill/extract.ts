/**
 * Smart pre-fill (智能预填): fields a consumer or operator would otherwise retype, found in free text with their span
 * and a confidence. Rules and gazetteers, not a model: fast (tens of thousands of texts a second), explainable, and
 * every rule is measured on the evaluation set (server/modules/text/eval/).
 */
import { MAX_TEXT_CHARS, normalizeKeepOffsets } from '../normalize.js';
import { findAddresses, type Gazetteer } from './address.js';
import { matchNames, type BusinessHit, type BusinessMatcher } from './business.js';
import { chooseBusiness, legalNames, type Candidate } from './legal.js';
import { tagSpans, type TaggerModel } from './tagger.js';
import { cleanName, contextNames } from './context.js';
import { findDates } from './dates.js';
import { demands, legalBases } from './demands.js';
import { GIFT_BEFORE, goodsNamed, modelAfterName, products, quantities } from './goods.js';
import { r2, type Hit } from './hit.js';
import { idNumbers, orderNos, phones } from './identifiers.js';
import { platforms } from './platforms.js';
import { amounts } from './money.js';

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
// …a name after these is a means of contact; a brand given away with the purchase (赠品西门子洗衣机) is a gift, not the
// seller (GIFT_BEFORE, goods.ts)
const MEANS_BEFORE = /(?:通过|添加|加了?|用|使用|的)$/;
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
  // no purchase phrase and nothing the tagger took: a model written after the brand, else an everyday good named
  if (!prod.length) {
    const g = modelAfterName(s, biz) ?? goodsNamed(s);
    if (g) prod.push(g);
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
