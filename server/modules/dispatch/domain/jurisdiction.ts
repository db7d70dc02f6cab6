/**
 * Auto-dispatch (自动分派): the legally competent district first, then the station by street/town.
 * - Complaints: the bureau where the business actually operates or is domiciled (Order 20 Art. 12).
 * - Platform sellers: Order 20 — the seller's place of business or the platform's domicile; Order 121 — the address
 *   the seller displays on the platform, or the platform's domicile when none is displayed/reachable (DOMAIN.md §2.1).
 * - Reports: where the conduct occurred (Art. 25) — the business address, else the place named in the ticket.
 * What cannot be resolved goes to a triage queue (district triage when only the district is known).
 * Pure: the geography is data.
 */
import geo from '../../../platform/geo/shanghai.json' with { type: 'json' };
import platformData from './platforms.json' with { type: 'json' };

export interface DispatchInput {
  kind: string;
  respondentAddress?: string | undefined;
  respondentName?: string | undefined;
  platform?: string | undefined;
  location?: string | undefined;
  text?: string | undefined;
  ruleVersion: string;
}

export interface DispatchResult {
  district_code: string | null;
  street_code: string | null;
  unit_id: string;
  basis: string;
  confidence: number;
}

interface Street { code: string; name: string; short: string; re: RegExp }
interface District { code: string; name: string; short: string; streets: Street[] }

const DISTRICTS: District[] = geo.districts.map((d) => ({
  code: d.code,
  name: d.name,
  short: d.name.replace(/(新区|区)$/, ''),
  streets: d.streets.map((s) => {
    const short = s.name.replace(/(街道|镇|乡)$/, '');
    return { code: s.code, name: s.name, short, re: new RegExp(`${short}(街道|镇|乡|地区)`) };
  }),
}));
// Streets whose short name is unique across the city can place an address with no district named.
const STREET_INDEX = new Map<string, Street & { district: string }>();
const SHORT_COUNT = new Map<string, number>();
for (const d of DISTRICTS) for (const s of d.streets) SHORT_COUNT.set(s.short, (SHORT_COUNT.get(s.short) ?? 0) + 1);
for (const d of DISTRICTS) for (const s of d.streets) {
  STREET_INDEX.set(s.name, { ...s, district: d.code });
  if (s.short.length >= 2 && SHORT_COUNT.get(s.short) === 1) STREET_INDEX.set(s.short, { ...s, district: d.code });
}

export function findPlatform(name?: string) {
  if (!name) return undefined;
  return platformData.platforms.find((p) => p.names.some((n) => name.includes(n)));
}

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// One pass over the text for district names (full, or short followed by an address-like character so that
// "松江" in "松江路" is not mistaken) and one for street/town names unique in the city.
const DISTRICT_RE = new RegExp(
  DISTRICTS.flatMap((d) => [esc(d.name), ...(d.short.length >= 2 ? [`${esc(d.short)}(?=区|新区|县|的|[^路街道巷弄号])`] : [])]).sort((a, b) => b.length - a.length).join('|'),
);
const BY_DISTRICT_NAME = new Map<string, District>();
for (const d of DISTRICTS) {
  BY_DISTRICT_NAME.set(d.name, d);
  BY_DISTRICT_NAME.set(d.short, d);
}
const STREET_RE = new RegExp([...STREET_INDEX.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length).map(esc).join('|'));

/** District and street named in a piece of text (an address, a place, a free text). */
export function locate(text?: string): { district: District | null; street: Street | null; outside: boolean } {
  if (!text) return { district: null, street: null, outside: false };
  const t = text.replace(/\s+/g, '');
  const dm = DISTRICT_RE.exec(t);
  let district: District | null = dm ? (BY_DISTRICT_NAME.get(dm[0]) ?? null) : null;
  let street: Street | null = null;
  if (district) {
    for (const s of district.streets) if (t.includes(s.name) || (s.short.length >= 2 && t.includes(s.short) && s.re.test(t))) { street = s; break; }
    if (!street) for (const s of district.streets) if (s.short.length >= 2 && t.includes(s.short)) { street = s; break; }
  } else {
    const sm = STREET_RE.exec(t);
    const s = sm ? STREET_INDEX.get(sm[0]) : undefined;
    if (s) {
      district = DISTRICTS.find((d) => d.code === s.district) ?? null;
      street = s;
    }
  }
  const outside = !district && /(省|自治区)|(北京|天津|重庆|杭州|南京|苏州|广州|深圳)市?/.test(t) && !/上海/.test(t);
  return { district, street, outside };
}

export function dispatch(i: DispatchInput): DispatchResult {
  const result = (d: District | null, s: Street | null, basis: string, confidence: number): DispatchResult => ({
    district_code: d?.code ?? null,
    street_code: s?.code ?? null,
    unit_id: s ? `S${s.code}` : d ? d.code : 'triage',
    basis,
    confidence,
  });
  const addr = locate(i.respondentAddress);
  if (addr.district) return result(addr.district, addr.street, i.kind === 'report' ? '违法行为发生地（经营地址）' : '被投诉人实际经营地/住所地', addr.street ? 0.95 : 0.7);
  const plat = findPlatform(i.platform);
  if (i.platform && plat) {
    // Platform seller with no usable address: Order 121 — the platform operator's domicile; Order 20 — also allowed.
    if (plat.district) {
      const d = DISTRICTS.find((x) => x.code === plat.district) ?? null;
      return result(d, null, `平台内经营者未公示有效地址，由平台经营者（${plat.operator}）住所地管辖`, 0.6);
    }
    return { district_code: null, street_code: null, unit_id: 'triage', basis: `平台经营者住所地在${plat.outside ?? '外地'}，需移送或告知向有管辖权的部门提出`, confidence: 0.5 };
  }
  const loc = locate(i.location);
  if (loc.district) return result(loc.district, loc.street, '诉求涉及地点', loc.street ? 0.85 : 0.6);
  const txt = locate(i.text?.slice(0, 2000));
  if (txt.district) return result(txt.district, txt.street, '诉求文本中提及的地点', txt.street ? 0.6 : 0.4);
  if (addr.outside) return { district_code: null, street_code: null, unit_id: 'triage', basis: '经营地址在本市以外', confidence: 0.5 };
  return { district_code: null, street_code: null, unit_id: 'triage', basis: '地址不明，待人工分派', confidence: 0 };
}

export const districtName = (code: string | null | undefined) => DISTRICTS.find((d) => d.code === code)?.name;
export const allDistricts = () => DISTRICTS.map((d) => ({ code: d.code, name: d.name }));
