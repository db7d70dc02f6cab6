/** Address spans: official division names (province → city → district → street/town) followed by road, number, estate. */

export interface Place {
  level: 'province' | 'city' | 'district' | 'street';
  code: string;
  name: string;
  /** for streets: their district */
  district?: string;
}
export interface Gazetteer {
  places: Map<string, Place[]>;
  maxLen: number;
  /** lengths of the names that start with a given character, longest first (built on first use; same results, fewer lookups) */
  lensByFirst?: Map<number, number[]>;
  /** a filter on the first two characters of every name of two or more: a position whose pair is not in it starts
   * no name (built on first use; a pair in it may still start none) */
  pairBits?: Uint8Array;
}

const PAIR_BITS = 18;
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) & ((1 << PAIR_BITS) - 1);
function pairFilter(g: Gazetteer): Uint8Array {
  if (g.pairBits) return g.pairBits;
  const bits = new Uint8Array(1 << (PAIR_BITS - 3));
  for (const k of g.places.keys()) {
    if (k.length < 2) continue;
    const h = pairHash(k.charCodeAt(0), k.charCodeAt(1));
    bits[h >> 3]! |= 1 << (h & 7);
  }
  return (g.pairBits = bits);
}

function lengthsByFirst(g: Gazetteer): Map<number, number[]> {
  if (g.lensByFirst) return g.lensByFirst;
  const m = new Map<number, Set<number>>();
  for (const k of g.places.keys()) {
    const c = k.charCodeAt(0);
    let set = m.get(c);
    if (!set) m.set(c, (set = new Set()));
    set.add(k.length);
  }
  g.lensByFirst = new Map([...m].map(([c, set]) => [c, [...set].sort((a, b) => b - a)]));
  return g.lensByFirst;
}
export interface FoundAddress {
  value: string;
  start: number;
  end: number;
  confidence: number;
  parts: {
    province?: string;
    city?: string;
    district?: string;
    district_code?: string;
    street?: string;
    street_code?: string;
  };
}

const DETAIL_RE =
  /^(?:[\u4e00-\u9fa5A-Za-z0-9]{1,12}?(?:路|街|大道|大街|公路|巷|弄|村|里|小区|花园|新村|苑|广场|大厦|中心|商城|市场|园区))?(?:\d+(?:号|弄|支弄|巷)){0,3}(?:[\u4e00-\u9fa5A-Za-z0-9]{0,10}?(?:\d+|[A-Za-z])(?:号楼|栋|幢|座|楼|层|室|单元|号|铺|号铺)){0,3}/;
const ROAD_RE =
  /[\u4e00-\u9fa5]{2,10}?(?:路|大道|大街|街|公路)(?:\d+(?:号|弄))+(?:[\u4e00-\u9fa5A-Za-z0-9]{0,10}?\d+(?:号楼|栋|幢|楼|层|室|单元|号|铺))*/g;
const ROAD_GATE = /[路道街]\d/;
const LEFT_STOP = /[在于从到去的了是和与向对把被位我他她家买购：:，,。；;、\s（(）)]/;

/** Longest gazetteer name ending at or starting at each position, scanning left to right. */
function scanPlaces(s: string, g: Gazetteer): { start: number; end: number; places: Place[] }[] {
  const hits: { start: number; end: number; places: Place[] }[] = [];
  const byFirst = lengthsByFirst(g);
  const pairs = pairFilter(g);
  let i = 0;
  while (i < s.length) {
    // names of one character are never matched (L < 2 below): a pair no name starts with is skipped without a lookup
    const h = i + 1 < s.length ? pairHash(s.charCodeAt(i), s.charCodeAt(i + 1)) : 0;
    if (i + 1 >= s.length || !(pairs[h >> 3]! & (1 << (h & 7)))) {
      i++;
      continue;
    }
    let found: { start: number; end: number; places: Place[] } | undefined;
    for (const L of byFirst.get(s.charCodeAt(i)) ?? []) {
      if (L < 2 || L > s.length - i) continue;
      const p = g.places.get(s.slice(i, i + L));
      if (p) {
        found = { start: i, end: i + L, places: p };
        break;
      }
    }
    if (found) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}

export function findAddresses(s: string, g: Gazetteer): FoundAddress[] {
  const hits = scanPlaces(s, g);
  const out: FoundAddress[] = [];
  let k = 0;
  while (k < hits.length) {
    // chain consecutive admin units (上海市 浦东新区 陆家嘴街道)
    const chain = [hits[k]!];
    while (k + 1 < hits.length && hits[k + 1]!.start - chain[chain.length - 1]!.end <= 1) chain.push(hits[++k]!);
    k++;
    const start = chain[0]!.start;
    let end = chain[chain.length - 1]!.end;
    const d = DETAIL_RE.exec(s.slice(end));
    if (d && d[0]) end += d[0].length;
    const parts: FoundAddress['parts'] = {};
    // resolve ambiguous names using the other units of the chain (朝阳区 in 北京 vs 长春)
    const prov = chain.flatMap((h) => h.places).find((p) => p.level === 'province');
    const city = chain
      .flatMap((h) => h.places)
      .find((p) => p.level === 'city' && (!prov || p.code.startsWith(prov.code)));
    for (const h of chain) {
      const prefix = city?.code ?? prov?.code ?? '';
      const pick = (lv: Place['level']) =>
        h.places.find((p) => p.level === lv && p.code.startsWith(prefix)) ?? h.places.find((p) => p.level === lv);
      const st = pick('street');
      const di = pick('district');
      if (st && !parts.street) {
        parts.street = st.name;
        parts.street_code = st.code;
        parts.district ??= st.district;
      } else if (di && !parts.district) {
        parts.district = di.name;
        parts.district_code = di.code;
      } else if (pick('city') && !parts.city) parts.city = pick('city')!.name;
      else if (pick('province') && !parts.province) parts.province = pick('province')!.name;
    }
    if (parts.city === undefined && prov && /^(北京|上海|天津|重庆)/.test(prov.name)) parts.city = prov.name;
    // a lone province or city name ("上海的商家") is a place mention, not an address
    const onlyBig = !parts.district && !parts.street;
    const hasDetail = end > chain[chain.length - 1]!.end;
    if (onlyBig && !hasDetail) continue;
    const conf = (parts.street ? 0.9 : parts.district ? 0.8 : 0.6) * (hasDetail ? 1 : 0.9);
    out.push({ value: s.slice(start, end), start, end, confidence: Math.round(conf * 100) / 100, parts });
  }
  // road + number without division names ("福马路998号"); every match has 路, 道 or 街 before a digit
  if (ROAD_GATE.test(s))
    for (const m of s.matchAll(ROAD_RE)) {
      let a = m.index!;
      const b = a + m[0].length;
      if (out.some((o) => a < o.end && b > o.start)) continue;
      // trim a leading verb or preposition swallowed by the lazy match ("我在福马路" → "福马路")
      const seg = m[0];
      let cut = 0;
      for (let i = 0; i < seg.length - 3; i++) if (LEFT_STOP.test(seg[i]!)) cut = i + 1;
      a += cut;
      if (b - a < 4) continue;
      out.push({ value: s.slice(a, b), start: a, end: b, confidence: 0.6, parts: {} });
    }
  return out.sort((x, y) => x.start - y.start);
}
