/**
 * What a ticket is "about", for the detectors: its business, its topic keywords, its place, and its category ×
 * district. Each is a subject whose count of distinct complainants is watched on its own.
 */
import { createHash } from 'node:crypto';
import shanghai from '../../../platform/geo/shanghai.json' with { type: 'json' };
import type { TifTicket } from '../../../../shared/tif.js';
import { normaliseBusinessName } from './names.js';
import { findPlaces } from './places.js';
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

/**
 * Topic keywords: character bigrams (robust to Chinese segmentation errors: 异响 and B柱 survive where a word
 * segmenter splits them) and Latin words. Document frequencies are learned online from the tickets already seen,
 * so the choice of keywords never looks ahead. A ticket keeps the `perTicket` rarest keywords that have been seen
 * before and are not stop-word-like (in more than `maxDf` of tickets); bigrams of the business's own name are dropped
 * because the business is already a subject of its own.
 */
export class TopicKeywords {
  /** Document frequencies in a fixed table of hashed counters (bounded memory; rare collisions only inflate a count). */
  private df = new Uint32Array(1 << 21);
  private docs = 0;
  private excludeCache = new Map<string, Map<string, Set<number>>>();
  private excludeCount = 0;
  constructor(
    private readonly perTicket = 4,
    private readonly maxDf = 0.02,
  ) {
    this.best = new Float64Array(perTicket);
    this.atA = new Int32Array(perTicket);
    this.atB = new Int32Array(perTicket);
    this.atLower = new Uint8Array(perTicket);
  }

  /**
   * The keyword candidates of a text as (hash, start, end) triples over the folded text, without building strings:
   * Han bigrams, a short Latin code glued to a Han character (B柱), and Latin words of 3+ letters. Only the few
   * keywords finally chosen are turned into strings — this is the hot loop of the whole engine.
   */
  static scan(text: string, each: (h: number, s: string, start: number, end: number, lower: boolean) => void): void {
    const s = /[\u3000\uff00-\uffef]/.test(text) ? text.normalize('NFKC') : text;
    let prevStart = -1;
    let prevKind = 0; // 1 Han, 2 Latin word, 3 number
    let prevLen = 0;
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      const start = i;
      let kind: number;
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
        kind = 1;
        i++;
      } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        i++;
        for (
          let d = s.charCodeAt(i);
          (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57);
          d = s.charCodeAt(++i)
        );
        kind = 2;
        if (i - start >= 3 && !EN_STOP.has(s.slice(start, i).toLowerCase()))
          each(hashRange(s, start, i), s, start, i, true);
      } else if (c >= 48 && c <= 57) {
        i++;
        for (let d = s.charCodeAt(i); d >= 48 && d <= 57; d = s.charCodeAt(++i));
        kind = 3;
      } else {
        prevStart = -1;
        prevKind = 0;
        i++;
        continue;
      }
      const len = i - start;
      if (prevStart >= 0 && kind !== 3 && prevKind !== 3 && (kind === 1 || prevKind === 1) && prevLen + len <= 4) {
        each(hashRange(s, prevStart, i), s, prevStart, i, kind === 2 || prevKind === 2);
      }
      prevStart = start;
      prevKind = kind;
      prevLen = len;
    }
  }

  /** The keyword strings of a text (for tests and tools; the engine itself works on hashes). */
  static units(text: string): string[] {
    const out = new Set<string>();
    TopicKeywords.scan(text, (_h, s, a, b, lower) => out.add(lower ? s.slice(a, b).toLowerCase() : s.slice(a, b)));
    return [...out];
  }

  /**
   * The keyword hashes of a business's name (`head + tail`: the normalised key and the name as written). Cached in two
   * levels so that the pair is looked up without building the joined string for every ticket.
   */
  private excluded(head: string, tail: string): Set<number> {
    let byTail = this.excludeCache.get(head);
    let e = byTail?.get(tail);
    if (!e) {
      if (this.excludeCount > 200_000) {
        this.excludeCache.clear();
        this.excludeCount = 0;
        byTail = undefined;
      }
      e = new Set();
      const set = e;
      TopicKeywords.scan(head + tail, (h) => set.add(h));
      if (!byTail) this.excludeCache.set(head, (byTail = new Map()));
      byTail.set(tail, e);
      this.excludeCount++;
    }
    return e;
  }

  /**
   * Picks this ticket's keywords, then learns from it. The choice is a MinHash: for each of `perTicket` hash
   * functions the keyword is the candidate with the smallest hash, so two tickets whose keyword sets have Jaccard
   * similarity J share each keyword with probability J — similar texts land on the same topic subjects whatever
   * business they name, without any clustering pass. Stop-word-like bigrams (in more than `maxDf` of tickets, once
   * 2,000 were seen) and bigrams of the business's own name are left out first.
   */
  take(text: string, exclude: string, excludeTail = ''): string[] {
    this.limit = this.docs < 2000 ? Infinity : this.docs * this.maxDf;
    this.ex = exclude || excludeTail ? this.excluded(exclude, excludeTail) : undefined;
    this.n = 0;
    // A fresh stamp empties the "seen" table; the best-so-far slots start empty.
    if (++this.stamp === 0xffffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    this.seenCount = 0;
    this.best.fill(Infinity);
    this.atA.fill(-1);
    TopicKeywords.scan(text.length > 240 ? text.slice(0, 240) : text, this.visit);
    this.docs++;
    this.ex = undefined;
    const s = this.atS;
    this.atS = '';
    if (this.n < 2) return [];
    const out = new Set<string>();
    for (let k = 0; k < this.perTicket; k++) {
      const a = this.atA[k]!;
      if (a < 0) continue;
      const w = s.slice(a, this.atB[k]!);
      out.add(this.atLower[k] ? w.toLowerCase() : w);
    }
    return [...out];
  }

  /*
   * The per-candidate step of take(), as one bound method with its state in fields: the replay calls it for every
   * bigram of every ticket, and a closure, a Set and an object per candidate per ticket were much of its garbage.
   * "Seen in this text" is an exact set of 32-bit hashes (open addressing, stamped per text), as the Set was.
   */
  private limit = Infinity;
  private ex: Set<number> | undefined;
  private n = 0;
  private stamp = 0;
  private seenHash = new Uint32Array(1024);
  private seenStamp = new Uint32Array(1024);
  private seenCount = 0;
  private readonly best: Float64Array;
  private readonly atA: Int32Array;
  private readonly atB: Int32Array;
  private readonly atLower: Uint8Array;
  private atS = '';
  private readonly visit = (h: number, s: string, a: number, b: number, lower: boolean): void => {
    if (!this.seenInsert(h)) return;
    const slot = h & (this.df.length - 1);
    const f = this.df[slot]!;
    this.df[slot] = f + 1;
    if (f > this.limit || this.ex?.has(h)) return;
    this.n++;
    for (let k = 0; k < this.perTicket; k++) {
      const seed = SEEDS[k % SEEDS.length]!;
      const v = (Math.imul(h ^ seed, 0x9e3779b1) >>> 0) ^ (seed >>> 3);
      if (v < this.best[k]!) {
        this.best[k] = v;
        this.atA[k] = a;
        this.atB[k] = b;
        this.atLower[k] = lower ? 1 : 0;
        this.atS = s;
      }
    }
  };

  /** Adds h to this text's seen set; false when it was there already. Grows (rarely: NFKC can lengthen a text). */
  private seenInsert(h: number): boolean {
    const mask = this.seenHash.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      if (this.seenStamp[i] !== this.stamp) break;
      if (this.seenHash[i] === h) return false;
      i = (i + 1) & mask;
    }
    this.seenStamp[i] = this.stamp;
    this.seenHash[i] = h;
    if (++this.seenCount * 2 > this.seenHash.length) {
      const oldHash = this.seenHash;
      const oldStamp = this.seenStamp;
      this.seenHash = new Uint32Array(oldHash.length * 2);
      this.seenStamp = new Uint32Array(oldHash.length * 2);
      const m = this.seenHash.length - 1;
      for (let j = 0; j < oldHash.length; j++) {
        if (oldStamp[j] !== this.stamp) continue;
        let k = (Math.imul(oldHash[j]!, 0x9e3779b1) >>> 0) & m;
        while (this.seenStamp[k] === this.stamp) k = (k + 1) & m;
        this.seenStamp[k] = this.stamp;
        this.seenHash[k] = oldHash[j]!;
      }
    }
    return true;
  }

  get documents(): number {
    return this.docs;
  }
}

/** FNV-1a over a range of the string, case-folded for ASCII letters (so "Claim" and "claim" are one keyword). */
function hashRange(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS = [0x1b873593, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09];

const EN_STOP = new Set(
  'the and for with that this from was were have has had not but are you your our they their them his her its into about over after before than then there what when which who will would could should been being also only very just more most other some such any all can may one two out off per via'.split(
    ' ',
  ),
);

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
