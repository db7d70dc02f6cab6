/**
 * The simulated city: Shanghai businesses with real district/street codes, e-commerce platforms and their sellers
 * (some outside Shanghai), and consumers derived lazily from an index so that a million-ticket city needs no person
 * table in memory.
 */
import shanghai from '../../../platform/geo/shanghai.json' with { type: 'json' };
import china from '../../../platform/geo/china.json' with { type: 'json' };
import { type Rng, cumulative, rngFor } from './rng.js';
import { makeCreditCode, makeIdNumber, makeMobile } from './ids.js';
import {
  BIZ_KINDS,
  DISTRICT_ROADS,
  ESTATES,
  ESTATE_CORES,
  GIVEN_F,
  GIVEN_M,
  MALLS,
  PLATFORMS,
  ROADS,
  SELLER_AREAS,
  SURNAMES,
  TRADE_CORES,
  type PlatformDef,
} from './names.js';

export interface SimBusiness {
  /** stable key within the city, e.g. B000123 */
  id: string;
  /** the name consumers use and tickets carry in respondent.name */
  name: string;
  legal_name: string;
  credit_code: string;
  address: string;
  district_code: string;
  district: string;
  street_code: string | null;
  street: string | null;
  kind: string;
  /** set for platform sellers and for the platforms themselves */
  platform?: string;
  is_platform?: boolean;
  /** enrolled in the online dispute resolution (ODR) scheme */
  odr: boolean;
}

interface District {
  code: string;
  name: string;
  streets: { code: string; name: string }[];
}
export const DISTRICTS = (shanghai as { districts: District[] }).districts;
const DISTRICT_WEIGHTS: Record<string, number> = {
  '310101': 5,
  '310104': 7,
  '310105': 5,
  '310106': 7,
  '310107': 6,
  '310109': 4,
  '310110': 6,
  '310112': 10,
  '310113': 8,
  '310114': 6,
  '310115': 20,
  '310116': 3,
  '310117': 8,
  '310118': 5,
  '310120': 4,
  '310151': 2,
};
const DW = cumulative(DISTRICTS.map((d) => DISTRICT_WEIGHTS[d.code] ?? 3));
const CHINA = china as unknown as {
  areas: [string, string][];
  cities: [string, string][];
  provinces: [string, string][];
};
const AREA_NAMES = new Map(CHINA.areas);
const CITY_NAMES = new Map(CHINA.cities);
const PROV_NAMES = new Map(CHINA.provinces);
const AREAS_BY_PROV = new Map<string, string[]>();
for (const [code] of CHINA.areas) {
  const p = code.slice(0, 2);
  if (!AREAS_BY_PROV.has(p)) AREAS_BY_PROV.set(p, []);
  AREAS_BY_PROV.get(p)!.push(code);
}

export function pickDistrict(rng: Rng): District {
  return DISTRICTS[rng.cum(DW)] as District;
}
export function districtByCode(code: string): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}

/** "浙江省杭州市余杭区" for an out-of-town 6-digit code. */
export function areaLabel(code: string): string {
  const p = PROV_NAMES.get(code.slice(0, 2)) ?? '';
  const c = CITY_NAMES.get(code.slice(0, 4));
  const a = AREA_NAMES.get(code) ?? '';
  const city = c && c !== '市辖区' && c !== '县' && c !== a ? c : '';
  return p + city + a;
}

export function road(rng: Rng, districtCode: string): string {
  const local = DISTRICT_ROADS[districtCode];
  return local && rng.chance(0.6) ? rng.pick(local) : rng.pick(ROADS);
}

/** A shop address in Shanghai; streets of the district are real, roads plausible. */
export function shAddress(rng: Rng, d: District, s: { name: string }, mall?: string): string {
  const no = rng.int(1, rng.chance(0.7) ? 800 : 3000);
  const base = `上海市${d.name}${rng.chance(0.85) ? s.name : ''}${road(rng, d.code)}${no}号`;
  if (mall) return `${base}${mall}${rng.pick(['B1', 'L1', 'L2', 'L3', 'L4', '5F'])}-${rng.int(1, 60)}室`;
  if (rng.chance(0.3)) return `${base}${rng.int(1, 3)}楼`;
  if (rng.chance(0.25)) return `${base}${rng.int(1, 12)}幢${rng.int(101, 1808)}室`;
  return base;
}

const SHOP_FACING = new Set([
  'restaurant',
  'supermarket',
  'bakery',
  'gym',
  'beauty',
  'education',
  'clothing',
  'pharmacy',
  'telecom',
  'clinic',
  'courier',
  'jewelry',
  'liquor',
  'laundry',
  'entertainment',
  'hotel',
  'agri',
  'appliance',
  'furniture',
  'car',
]);

function makeLocalBusiness(seed: number, idx: number, kind: string, platform?: string): SimBusiness {
  const rng = rngFor(seed, 'biz', idx);
  const d = pickDistrict(rng);
  const s = rng.pick(d.streets);
  const core = rng.pick(TRADE_CORES) + (rng.chance(0.35) ? rng.pick(TRADE_CORES).slice(0, 1) : '');
  const k = BIZ_KINDS[kind] ?? BIZ_KINDS.ecommerce!;
  const individual = rng.chance(kind === 'restaurant' || kind === 'supermarket' || kind === 'laundry' ? 0.35 : 0.1);
  const legal = individual ? `上海市${d.name}${core}${rng.pick(k.shop)}` : `上海${core}${rng.pick(k.company)}`;
  let name = legal;
  let mall: string | undefined;
  if (SHOP_FACING.has(kind) && !individual && rng.chance(0.75)) {
    const area = d.name.replace(/新区|区$/, '');
    mall = rng.chance(0.5) ? rng.pick(MALLS) : undefined;
    const branch = mall ? `${area}${mall}店` : `${s.name.replace(/街道|镇|地区$/, '')}店`;
    name = `${core}${rng.pick(k.shop)}(${branch})`;
  }
  return {
    id: `B${String(idx).padStart(6, '0')}`,
    name,
    legal_name: legal,
    credit_code: makeCreditCode(rng, d.code, individual ? 'individual' : 'company'),
    address: shAddress(rng, d, s, mall),
    district_code: d.code,
    district: d.name,
    street_code: s.code,
    street: s.name,
    kind,
    platform,
    odr: false,
  };
}

function makeRemoteSeller(seed: number, idx: number, kind: string, platform: string): SimBusiness {
  const rng = rngFor(seed, 'biz', idx);
  const area = SELLER_AREAS[rng.weighted(SELLER_AREAS.map((x) => x[1]))]![0];
  const core = rng.pick(TRADE_CORES) + rng.pick(TRADE_CORES).slice(0, 1);
  const k = BIZ_KINDS[kind] ?? BIZ_KINDS.ecommerce!;
  const label = areaLabel(area);
  const cityShort = (CITY_NAMES.get(area.slice(0, 4)) ?? '').replace(/市$/, '');
  const legal = `${cityShort && cityShort !== '市辖区' ? cityShort : label.slice(0, 2)}${core}${rng.pick(BIZ_KINDS.ecommerce!.company)}`;
  const shop =
    rng.chance(0.5) || kind === 'ecommerce'
      ? `${core}${rng.pick(['旗舰店', '专营店', '官方旗舰店', '工厂店', '优选店', '小店'])}`
      : `${core}${rng.pick(k.shop)}${rng.pick(['旗舰店', '专卖店', '店', '直营店'])}`;
  return {
    id: `B${String(idx).padStart(6, '0')}`,
    name: shop,
    legal_name: legal,
    credit_code: makeCreditCode(rng, area),
    address: `${label}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.chance(0.5) ? `${rng.int(1, 30)}楼${rng.int(101, 2999)}室` : ''}`,
    district_code: area,
    district: AREA_NAMES.get(area) ?? area,
    street_code: null,
    street: null,
    kind,
    platform,
    odr: false,
  };
}

function makeOnlineSeller(seed: number, idx: number, kind: string, platform: string): SimBusiness {
  const rng = rngFor(seed, 'seller', idx);
  // delivery and fresh-food platforms list physical Shanghai shops; marketplaces mostly remote sellers
  const local =
    ['美团', '饿了么', '盒马'].includes(platform) ||
    rng.chance(platform === '拼多多' || platform === '小红书' ? 0.3 : 0.22);
  if (local) {
    const b = makeLocalBusiness(seed, idx, kind, platform);
    if (!['美团', '饿了么', '盒马'].includes(platform) && rng.chance(0.6)) {
      const core = b.legal_name.replace(/^上海(市..区)?/, '').slice(0, 2);
      b.name = `${core}${rng.pick(['旗舰店', '官方旗舰店', '专营店', '小店'])}`;
    }
    return b;
  }
  return makeRemoteSeller(seed, idx, kind, platform);
}

function platformBusiness(seed: number, p: PlatformDef, idx: number): SimBusiness {
  const rng = rngFor(seed, 'platform', p.name);
  const sh = p.area.startsWith('31');
  const d = sh ? districtByCode(p.area) : undefined;
  const s = d ? rng.pick(d.streets) : undefined;
  return {
    id: `B${String(idx).padStart(6, '0')}`,
    name: p.name,
    legal_name: p.operator,
    credit_code: makeCreditCode(rng, p.area),
    address: d && s ? shAddress(rng, d, s) : `${areaLabel(p.area)}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
    district_code: p.area,
    district: d?.name ?? AREA_NAMES.get(p.area) ?? p.area,
    street_code: s?.code ?? null,
    street: s?.name ?? null,
    kind: 'platform',
    platform: p.name,
    is_platform: true,
    odr: true,
  };
}

export interface City {
  businesses: SimBusiness[];
  platforms: SimBusiness[];
  /** local shops by kind, most popular first (Zipf over the array order) */
  localByKind: Map<string, SimBusiness[]>;
  /** platform sellers by `${platform}|${kind}` */
  sellers: Map<string, SimBusiness[]>;
}

/** Builds the business side of the city; sizes grow with the number of tickets. */
export function buildCity(seed: number, tickets: number): City {
  const rng = rngFor(seed, 'city');
  const nLocal = Math.min(50_000, Math.max(400, Math.round(tickets / 12)));
  const nSellers = Math.min(30_000, Math.max(300, Math.round(tickets / 20)));
  const businesses: SimBusiness[] = [];
  const platforms = PLATFORMS.map((p) => platformBusiness(seed, p, businesses.length + PLATFORMS.indexOf(p)));
  businesses.push(...platforms);
  const localByKind = new Map<string, SimBusiness[]>();
  const kindNames = Object.keys(BIZ_KINDS).filter((k) => k !== 'ecommerce');
  const kindW: Record<string, number> = {
    restaurant: 10,
    supermarket: 6,
    beauty: 5,
    gym: 3,
    education: 3,
    clothing: 4,
    appliance: 3,
    car: 2,
    renovation: 2,
    property: 2,
    pharmacy: 2,
    bakery: 2,
    laundry: 3,
    entertainment: 2,
    hotel: 2,
    telecom: 1.5,
    clinic: 1.5,
    courier: 1.5,
    furniture: 1.5,
    jewelry: 1.5,
    liquor: 1,
    travel: 1.5,
    agri: 0.3,
    finance: 0.6,
  };
  for (let i = 0; i < nLocal; i++) {
    const kind = i < kindNames.length ? kindNames[i]! : kindNames[rng.weighted(kindNames.map((k) => kindW[k] ?? 1))]!;
    const b = makeLocalBusiness(seed, businesses.length, kind);
    businesses.push(b);
    if (!localByKind.has(kind)) localByKind.set(kind, []);
    localByKind.get(kind)!.push(b);
  }
  const sellers = new Map<string, SimBusiness[]>();
  const pairs: [PlatformDef, string][] = [];
  for (const p of PLATFORMS) for (const k of p.kinds) pairs.push([p, k]);
  for (let i = 0; i < nSellers; i++) {
    const [p, k] =
      i < pairs.length
        ? pairs[i]!
        : pairs[rng.weighted(pairs.map(([pp, kk]) => pp.weight * (kk === 'ecommerce' ? 3 : 1)))]!;
    const b = makeOnlineSeller(seed, businesses.length, k, p.name);
    businesses.push(b);
    const key = `${p.name}|${k}`;
    if (!sellers.has(key)) sellers.set(key, []);
    sellers.get(key)!.push(b);
  }
  // ODR: about 100 of the businesses people complain about most (the head of each Zipf list), plus every platform
  const heads: SimBusiness[] = [];
  for (const list of localByKind.values()) heads.push(...list.slice(0, 4));
  for (const list of sellers.values()) heads.push(...list.slice(0, 1));
  rng.shuffle(heads);
  for (const b of heads.slice(0, 100)) b.odr = true;
  return { businesses, platforms, localByKind, sellers };
}

// ---------------------------------------------------------------- people

export interface SimPerson {
  id: string;
  name: string;
  male: boolean;
  birth: { y: number; m: number; d: number };
  phone: string;
  id_number: string;
  address: string;
  district_code: string;
  street_code: string;
  /** an organisation filing for others (消保委): no ID number, landline */
  org?: boolean;
}

const BIRTH_BANDS: [number, number, number][] = [
  [1936, 1955, 9],
  [1956, 1965, 13],
  [1966, 1975, 15],
  [1976, 1985, 22],
  [1986, 1995, 27],
  [1996, 2007, 14],
];
const BIRTH_W = cumulative(BIRTH_BANDS.map((b) => b[2]));
const MIGRANT_PROVS: [string, number][] = [
  ['34', 6],
  ['32', 6],
  ['33', 4],
  ['41', 4],
  ['51', 3],
  ['36', 3],
  ['37', 3],
  ['42', 3],
  ['43', 2],
  ['35', 2],
  ['23', 1],
  ['61', 1],
  ['13', 1],
  ['50', 1],
  ['45', 1],
  ['52', 1],
];

/** Complainant ids look random but are a bijection of the person index (no collisions, no role leaks). */
export function personId(i: number): string {
  return 'U' + String((BigInt(i) * 387_420_489n + 104_729n) % 1_000_000_000n).padStart(9, '0');
}

export function homeAddress(rng: Rng, d: District, s: { name: string }): string {
  return `上海市${d.name}${rng.chance(0.7) ? s.name : ''}${road(rng, d.code)}${rng.int(1, 2000)}弄${rng.pick(ESTATE_CORES)}${rng.pick(ESTATES)}${rng.int(1, 40)}号${rng.int(1, 30)}0${rng.int(1, 6)}室`;
}

export function makePerson(seed: number, i: number, opts: { birthBefore?: number } = {}): SimPerson {
  const rng = rngFor(seed, 'person', i);
  const male = rng.chance(0.48);
  const surname = rng.pick(SURNAMES);
  const name = surname + rng.pick(male ? GIVEN_M : GIVEN_F) + (rng.chance(0.25) ? '' : '');
  let band = BIRTH_BANDS[rng.cum(BIRTH_W)]!;
  if (opts.birthBefore) band = [1936, opts.birthBefore, 1];
  const y = rng.int(band[0], band[1]);
  const birth = { y, m: rng.int(1, 12), d: rng.int(1, 28) };
  const d = pickDistrict(rng);
  const s = rng.pick(d.streets);
  let area: string = d.code;
  if (rng.chance(y < 1960 ? 0.15 : 0.45)) {
    const prov = rng.wpick(MIGRANT_PROVS);
    area = rng.pick(AREAS_BY_PROV.get(prov) ?? [d.code]);
  } else if (rng.chance(0.3)) {
    // older Shanghai ID numbers carry the pre-merger district codes (南市 310102, 卢湾 310103, 闸北 310108 …)
    area = rng.pick(['310102', '310103', '310108', '310225', '310230', '310101', '310110']);
  }
  return {
    id: personId(i),
    name,
    male,
    birth,
    phone: makeMobile(rng),
    id_number: makeIdNumber(rng, area, birth, male),
    address: homeAddress(rng, d, s),
    district_code: d.code,
    street_code: s.code,
  };
}
