/**
 * What a ticket is "about", for the detectors: its business, its topic keywords, its place, and its category ×
 * district. Each is a subject whose count of distinct complainants is watched on its own. The topic keywords are
 * chosen in topic-keywords.ts, the places read out of the text in places.ts.
 */
import { createHash } from 'node:crypto';
import shanghai from '../../../platform/geo/shanghai.json' with { type: 'json' };
import type { TifTicket } from '../../../../shared/tif.js';
import { normaliseBusinessName } from './names.js';
import { findPlaces } from './places.js';
import type { TopicKeywords } from './topic-keywords.js';
import type { KnownEstates } from './known-places.js';

export type SubjectType = 'respondent' | 'topic' | 'location' | 'category';
export const SUBJECT_TYPES: SubjectType[] = ['respondent', 'topic', 'location', 'category'];

export interface Subject {
  type: SubjectType;
  key: string;
  label: string;
}

interface ShanghaiGeo {
  districts: { code: string; name: string; streets: { code: string; name: string }[] }[];
}
const DISTRICTS = (shanghai as unknown as ShanghaiGeo).districts;
/** Longest names first so 浦东新区 wins over a shorter overlapping name. */
const DISTRICT_NAMES: { re: string; name: string }[] = DISTRICTS.flatMap((d) => {
  const short = d.name.replace(/(新区|区)$/u, '');
  return [{ re: d.name, name: d.name }, ...(short.length >= 2 ? [{ re: short, name: d.name }] : [])];
}).sort((a, b) => b.re.length - a.re.length);
const STREETS: { re: string; name: string; district: string }[] = DISTRICTS.flatMap((d) =>
  d.streets.flatMap((s) => {
    const short = s.name.replace(/(街道|镇|乡)$/u, '');
    return [
      { re: s.name, name: s.name, district: d.name },
      ...(short.length >= 2
        ? [{ re: short + (s.name.endsWith('镇') ? '镇' : ''), name: s.name, district: d.name }]
        : []),
    ];
  }),
).sort((a, b) => b.re.length - a.re.length);

/** Identity of the person behind a ticket: the source's id, else a hash of phone/ID/name, else the ticket itself. */
export function complainantKey(t: TifTicket): string {
  const c = t.complainant;
  if (c?.id) return `id:${c.id}`;
  const parts = [c?.phone?.replace(/\D/g, ''), c?.id_number?.toUpperCase(), c?.name?.trim()].filter((x) => x);
  if (parts.length) return `h:${createHash('sha1').update(parts.join('|')).digest('base64url').slice(0, 16)}`;
  return `t:${t.id}`;
}

export function districtOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const d of DISTRICT_NAMES) if (text.includes(d.re)) return d.name;
  return undefined;
}

/** Street names indexed by their first character: an address is matched in one pass over its characters. */
const STREETS_BY_CHAR = new Map<string, typeof STREETS>();
for (const s of STREETS) {
  const k = s.re[0]!;
  (STREETS_BY_CHAR.get(k) ?? STREETS_BY_CHAR.set(k, []).get(k)!).push(s);
}

const streetCache = new Map<string, { name: string; district: string } | undefined>();

/** The street/town named in an address (memoised: a business's address recurs on all its tickets). */
export function streetOf(text: string | undefined): { name: string; district: string } | undefined {
  if (!text) return undefined;
  if (streetCache.has(text)) return streetCache.get(text);
  if (streetCache.size > 200_000) streetCache.clear();
  const r = findStreet(text);
  streetCache.set(text, r);
  return r;
}

function findStreet(text: string): { name: string; district: string } | undefined {
  let best: (typeof STREETS)[number] | undefined;
  for (let i = 0; i < text.length; i++) {
    const cands = STREETS_BY_CHAR.get(text[i]!);
    if (!cands) continue;
    for (const s of cands) if ((!best || s.re.length > best.re.length) && text.startsWith(s.re, i)) best = s;
  }
  return best;
}

/** A category the source gave (CCA goods/service, or a source-specific product/coverage field); else a text guess. */
const CATEGORY_LABELS = ['goods_service', 'category', 'coverage_type', 'product', 'complaint_type'];
const CATEGORY_WORDS: [RegExp, string][] = [
  [/健身|游泳|瑜伽|球馆|KTV|影院|演出/u, '文化、娱乐、体育服务'],
  [/培训|课程|早教|辅导|学费|网课/u, '教育培训服务'],
  [/装修|物业|保洁|家政|房屋/u, '房屋装修及物业服务类'],
  [/美容|美发|理发|洗浴|餐饮|饭店|餐厅|外卖|酒店|预付卡|会员卡/u, '生活、社会服务类'],
  [/旅游|旅行社|机票|景区/u, '旅游服务'],
  [/快递|物流|邮政/u, '邮政业服务'],
  [/话费|宽带|流量|运营商|移动|联通|电信/u, '电信服务'],
  [/网购|直播|电商|平台|APP|app|游戏/u, '互联网服务'],
  [/贷款|信用卡|理财|银行/u, '金融服务'],
  [/保险|理赔/u, '保险服务'],
  [/医院|诊所|体检|口腔|医美/u, '卫生保健服务'],
  [/汽车|车辆|发动机|变速箱|4S店|电动车/u, '交通工具类'],
  [/手机|电脑|空调|冰箱|洗衣机|电视|热水器|耳机/u, '家用电子电器类'],
  [/食品|过期|变质|异物|奶粉|零食|饮料/u, '食品类'],
  [/衣服|鞋|服装|裤|裙/u, '服装鞋帽类'],
  [/药|医疗器械|口罩/u, '医药及医疗用品类'],
  [/酒|烟/u, '烟、酒和饮料类'],
];

export function categoryOf(t: TifTicket, text: string): string | undefined {
  for (const k of CATEGORY_LABELS) {
    const v = t.labels?.[k];
    if (v && v.trim()) return v.trim();
  }
  if (t.predicted?.label) return t.predicted.label;
  for (const [re, c] of CATEGORY_WORDS) if (re.test(text)) return c;
  return undefined;
}

/** Everything the detectors need from one ticket, computed once at ingestion. */
export interface TicketSubjects {
  subjects: Subject[];
  person: string;
}

export function ticketText(t: TifTicket): string {
  return `${t.title ?? ''} ${t.text ?? ''}`.trim();
}

/** Structured location values that name no place. */
const NO_PLACE = /^(无|暂无|没有|不详|未知|其他|其它|空|null|none|n\/a|-)$/iu;
const OUTLET_WORDS = /(店|门店|分公司|旗舰店|专卖店|分店)$/u;

/** `estates`: the estates named so far (the engine's), read in this text where it writes one bare, then taught this
 * text's own. */
export function subjectsOf(t: TifTicket, topics: TopicKeywords, estates?: KnownEstates): Subject[] {
  const text = ticketText(t);
  const out: Subject[] = [];
  const r = t.respondent;
  const rawName = r?.name?.trim() || r?.platform?.trim() || '';
  let biz = rawName ? normaliseBusinessName(rawName) : r?.credit_code ? r.credit_code.toUpperCase() : '';
  const places = findPlaces(text, 4);
  if (estates) {
    const bare = estates.find(text, places);
    estates.learn(places);
    places.push(...bare);
  }
  if (biz) {
    out.push({ type: 'respondent', key: biz, label: rawName || biz });
    // An outlet named in the text (石景山店, 博洛尼天长奔驰店): a store that closes is a burst at one branch of a
    // chain whose other branches go on as before, so the branch is watched on its own.
    for (const p of places) {
      if (p.kind !== 'business' || !OUTLET_WORDS.test(p.name)) continue;
      const rest = p.key
        .split(biz)
        .join('')
        .replace(/^(门|总|老|直营|官方|线下)$/u, '');
      if (rest.length < 2 || rest === biz) continue;
      // the business field already names this outlet (畅行茶行(浦东百联店)): it is the respondent subject itself
      const outlet = p.name.replace(OUTLET_WORDS, '');
      if (
        rawName.includes(p.name) ||
        (outlet.length >= 2 && rawName.includes(outlet)) ||
        rawName.includes(rest.replace(/店$/u, ''))
      )
        continue;
      out.push({
        type: 'respondent',
        key: `${biz}|${rest}`,
        label: `${rawName} ${p.name.includes(rawName) ? p.name.replace(rawName, '') || p.name : p.name}`,
      });
      break;
    }
  } else {
    // No business field (message boards, hotlines): the first business named in the text is the respondent.
    const b = places.find((p) => p.kind === 'business');
    if (b) {
      biz = b.key;
      out.push({ type: 'respondent', key: b.key, label: b.name });
    }
  }
  for (const kw of topics.take(text, biz, rawName)) out.push({ type: 'topic', key: kw, label: kw });

  const street = streetOf(r?.address) ?? streetOf(t.location);
  const loc = t.location?.trim();
  if (loc && !NO_PLACE.test(loc)) {
    const key = loc.normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
    if (key) out.push({ type: 'location', key, label: loc });
  } else if (street) {
    out.push({ type: 'location', key: `${street.district}${street.name}`, label: `${street.district}${street.name}` });
  }
  // Places named in the text (estates, projects, plants, markets, street + number): residents of one estate rarely
  // fill a structured field, they write "我们万科金域华府小区…".
  for (const p of places) if (p.kind !== 'business') out.push({ type: 'location', key: `p:${p.key}`, label: p.name });

  const cat = categoryOf(t, text);
  if (cat) {
    const district = street?.district ?? districtOf(r?.address) ?? districtOf(loc);
    out.push({ type: 'category', key: `${cat}|*`, label: cat });
    if (district) out.push({ type: 'category', key: `${cat}|${district}`, label: `${district} ${cat}` });
  }
  return out;
}
