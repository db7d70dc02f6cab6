/**
 * Who the complaint is against, as consumers write it: national platforms and brands (lexicon data), the bureau's own
 * registry of respondents already seen in its tickets, legal names (XX有限公司, XX旗舰店), labelled fields (投诉对象：…)
 * and a learned span tagger. Names and registry are matched in ONE Aho-Corasick pass over the normalised text.
 */
import { normalizeKeepOffsets } from '../normalize.js';
import { AhoCorasick } from './aho.js';

/** One sector file of server/modules/text/data/businesses/. */
export interface SectorData {
  sector: string;
  platform?: boolean;
  /** malls and markets: where a shop is, rarely the respondent itself (红星美凯龙曲美家居 → 曲美) */
  venue?: boolean;
  entries?: string[];
  stop?: string[];
}

export type BusinessSource = 'lexicon' | 'registry' | 'legal' | 'label' | 'tagger' | 'context';

export interface BusinessHit {
  /** canonical name (lexicon, registry) or the legal/label name as written */
  value: string;
  start: number;
  end: number;
  confidence: number;
  via: BusinessSource;
  [k: string]: unknown;
  sector?: string;
  platform?: boolean;
  /** a mall or market (居然之家, 红星美凯龙): where shops stand, the respondent only when no shop is named */
  venue?: boolean;
  /** the brand a legal name or branch belongs to (天津业之峰诺华装饰有限公司 → 业之峰) */
  brand?: string;
}

interface Pat {
  canonical: string;
  sector: string;
  platform: boolean;
  weak: boolean;
  venue?: boolean;
  kind: 'lexicon' | 'registry' | 'stop';
  /** registry: tickets seen for this name */
  seen?: number;
}

export interface BusinessMatcher {
  ac: AhoCorasick;
  pats: Pat[];
  /** how many registry names were added */
  registrySize: number;
}

export interface RegistryName {
  name: string;
  tickets?: number;
}

/** The matching form of a name: the same normalisation the text gets, plus lower case. */
export function nameKey(s: string): string {
  return normalizeKeepOffsets(s)
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/\s+/g, ' ')
    .trim();
}

const LEGAL_TAIL =
  /(?:股份有限公司|有限责任公司|有限公司|股份公司|集团有限公司|集团公司|集团|分公司|总公司|公司|分店|总店|门店|专卖店|旗舰店|专营店|直营店|体验店|官方微博|官方|客户服务中心|客服中心|营业部|经营部|门市部|商行|工作室|店)$/;
const PLACE_HEAD =
  /^(?:中国|(?:北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?|[\u4e00-\u9fa5]{2,3}市|[\u4e00-\u9fa5]{1,4}(?:区|县))/;
// what a firm does, after its trade name: 智慧树|融资租赁, 一品|教育科技
const TRADE_TAIL =
  /(?:融资租赁|家政服务|信息技术|网络科技|科技发展|电子商务|餐饮管理|文化传播|教育科技|教育咨询|企业管理|健身服务|体育文化|装饰工程|装饰设计|建筑装饰|家居用品|商贸|贸易|科技|实业|网络|信息|咨询|服务|管理|餐饮|文化|传媒|教育|培训|装饰|装修|家居|家具|汽车销售|汽车服务|汽车|食品|医药|药房|大药房|健身|美容|美发|酒店|物业|置业|地产|房地产|旅行社|旅游|电器|电子|通讯|超市|便利店|百货)$/;

/** Registry keys of one respondent name: the whole name, then without legal form, place and trade words. */
export function registryKeys(name: string): string[] {
  let s = nameKey(name)
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[·・,，.。、'"“”‘’\-—]/g, '');
  const keys = new Set<string>();
  if (s.length >= 2) keys.add(s);
  for (let i = 0; i < 3; i++) s = s.replace(LEGAL_TAIL, '');
  if (s.length >= 2) keys.add(s);
  for (let i = 0; i < 3 && PLACE_HEAD.test(s); i++) {
    const t = s.replace(PLACE_HEAD, '');
    if (t.length < 2) break;
    s = t;
  }
  if (s.length >= 2) keys.add(s);
  const trade = s.replace(TRADE_TAIL, '').replace(TRADE_TAIL, '');
  // a bare two-character trade name (一品, 天山) is an everyday word too often to match alone
  if (trade.length >= 3) keys.add(trade);
  return [...keys];
}

/** Builds the one-pass matcher from the lexicon sectors and (optionally) the bureau's registry of respondents. */
export function buildBusinessMatcher(
  sectors: readonly SectorData[],
  registry: readonly RegistryName[] = [],
): BusinessMatcher {
  const patterns: string[] = [];
  const pats: Pat[] = [];
  const seen = new Map<string, number>();
  const add = (alias: string, p: Pat) => {
    const k = nameKey(alias);
    if (k.length < 2) return;
    const at = seen.get(k);
    if (at !== undefined) {
      // a lexicon entry wins over a registry name; a strong alias over a weak one
      const q = pats[at]!;
      if (q.kind === 'stop' || (q.kind === 'lexicon' && p.kind !== 'lexicon')) return;
      if (q.kind === 'lexicon' && p.kind === 'lexicon' && !(q.weak && !p.weak)) return;
      pats[at] = p;
      return;
    }
    seen.set(k, patterns.length);
    patterns.push(k);
    pats.push(p);
  };
  for (const sec of sectors) {
    for (const st of sec.stop ?? []) add(st, { canonical: '', sector: '', platform: false, weak: false, kind: 'stop' });
  }
  for (const sec of sectors) {
    for (const e of sec.entries ?? []) {
      const names = e
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean);
      const canonical = names[0]!.replace(/^~/, '');
      for (const n of names)
        add(n.replace(/^~/, ''), {
          canonical,
          sector: sec.sector,
          platform: !!sec.platform,
          weak: n.startsWith('~'),
          venue: !!sec.venue,
          kind: 'lexicon',
        });
    }
  }
  let registrySize = 0;
  for (const r of registry) {
    if (!r.name || r.name.length > 60) continue;
    registrySize++;
    const canonical = r.name.trim();
    for (const k of registryKeys(canonical))
      add(k, { canonical, sector: '登记过的经营者', platform: false, weak: false, kind: 'registry', seen: r.tickets });
  }
  return { ac: new AhoCorasick(patterns), pats, registrySize };
}

// a weak alias (大众, 长安, 美的, 苹果) counts only next to one of these
const BRAND_CONTEXT_AFTER =
  /^(?:汽车|车|轿车|suv|4s|手机|电脑|笔记本|平板|空调|冰箱|洗衣机|电视|热水器|油烟机|电器|家电|客服|售后|官方|官网|公司|集团|品牌|专卖|旗舰|门店|店|厂家|厂商|平台|app|商城|营业厅|宽带|套餐|话费|流量|卡|号码|信用卡|银行|贷款|借款|保险|快递|物流|驿站|网点|课程|课|网校|学习机|教育|英语|家居|家具|整装|装饰|装修|橱柜|衣柜|地板|瓷砖|卫浴)/;
const BRAND_CONTEXT_BEFORE =
  /(?:在|从|向|找|投诉|举报|买了|购买|购买了|买的|选择|选择了|使用|用的|办理|开通|通过|对|被|和|与|跟)$/;
const ASCII_ALNUM = /[a-z0-9]/;

function weakOk(s: string, start: number, end: number, productAfter: (i: number) => boolean, orig?: string): boolean {
  // an English word that is also a name (Affirm, Upgrade, Discover) counts when written as a name: Capitalised or CAPS
  if (s.charCodeAt(start) < 128) return !!orig && /^[A-Z]/.test(orig.slice(start, end));
  if (BRAND_CONTEXT_AFTER.test(s.slice(end, end + 4))) return true;
  if (productAfter(end)) return true;
  const before = s.slice(Math.max(0, start - 4), start);
  if (start === 0 || /[\s,，。;；:：!！?？【\[(（"“]$/.test(before))
    return (
      BRAND_CONTEXT_AFTER.test(s.slice(end, end + 4)) ||
      /^[\u4e00-\u9fa5a-z0-9]{1,8}(?:异响|故障|漏油|抖动|问题|质量|召回|断裂|投诉)/.test(s.slice(end, end + 12)) ||
      start === 0
    );
  return BRAND_CONTEXT_BEFORE.test(before) && !/^[的了是]/.test(s.slice(end, end + 1));
}

/**
 * Lexicon and registry mentions in `s` (already normalised with `normalizeKeepOffsets(text, true)`): leftmost-longest,
 * stop phrases removed, weak aliases kept only in brand context, ASCII names only on word boundaries. `orig` is the
 * text before lower-casing (same offsets), to tell the name "Affirm" from the verb "affirm".
 */
export function matchNames(
  s: string,
  m: BusinessMatcher,
  productAfter: (i: number) => boolean = () => false,
  orig?: string,
): BusinessHit[] {
  const all = m.ac.matches(s);
  if (!all.length) return [];
  // longest first, then leftmost; a stop phrase blocks what it covers
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: [number, number][] = [];
  const out: BusinessHit[] = [];
  for (const h of all) {
    if (taken.some(([x, y]) => h.start < y && h.end > x)) continue;
    const p = m.pats[h.pattern]!;
    if (p.kind === 'stop') {
      taken.push([h.start, h.end]);
      continue;
    }
    const first = s.charCodeAt(h.start);
    const last = s.charCodeAt(h.end - 1);
    if (first < 128 && h.start > 0 && ASCII_ALNUM.test(s[h.start - 1]!)) continue;
    if (last < 128 && h.end < s.length && ASCII_ALNUM.test(s[h.end]!)) continue;
    if (p.weak && !weakOk(s, h.start, h.end, productAfter, orig)) continue;
    taken.push([h.start, h.end]);
    const len = h.end - h.start;
    let conf: number;
    if (p.kind === 'registry') conf = len >= 4 ? 0.85 : 0.7;
    else conf = p.venue ? 0.55 : p.weak ? 0.6 : len >= 3 ? 0.9 : 0.8;
    out.push({
      value: p.canonical,
      start: h.start,
      end: h.end,
      confidence: conf,
      via: p.kind === 'registry' ? 'registry' : 'lexicon',
      sector: p.sector,
      platform: p.platform,
      ...(p.venue ? { venue: true } : {}),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
