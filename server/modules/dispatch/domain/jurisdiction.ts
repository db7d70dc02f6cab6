/**
 * Auto-dispatch (自动分派): the legally competent district first, then the station by street/town.
 * - Complaints: the bureau where the business actually operates or is domiciled (Order 20 Art. 12).
 * - Platform sellers: Order 20 — the seller's place of business or the platform's domicile; Order 121 — the address
 *   the seller displays on the platform, or the platform's domicile when none is displayed/reachable (DOMAIN.md §2.1).
 * - Reports: where the conduct occurred (Art. 25) — the business address, else the place named in the ticket.
 * A business outside Shanghai never lands in a Shanghai station: it goes to the 12315 分派中心 with 移送 (refer_out)
 * suggested and its province/city named. What cannot be resolved goes to the same triage queue with the reason.
 * Pure: the geography is data (gazetteer.ts, address.ts).
 */
import platformData from './platforms.json' with { type: 'json' };
import { parseAddress, type ParsedAddress } from './address.js';
import { SH_DISTRICT, SH_DISTRICTS, SH_STREET, placeLabel, type ShDistrict, type ShStreet } from './gazetteer.js';

export interface DispatchInput {
  kind: string;
  respondentAddress?: string | undefined;
  respondentName?: string | undefined;
  respondentCreditCode?: string | undefined;
  platform?: string | undefined;
  location?: string | undefined;
  text?: string | undefined;
  ruleVersion: string;
}

/** Where a business outside Shanghai is, for the referral (移送) to the bureau competent there. */
export interface Referral {
  province: string | null;
  city: string | null;
  county: string | null;
  label: string;
}

export interface DispatchResult {
  district_code: string | null;
  street_code: string | null;
  unit_id: string;
  basis: string;
  confidence: number;
  /** 'refer_out' when the competent bureau is outside Shanghai (the workflow action of that name) */
  suggested_action?: 'refer_out';
  refer_to?: Referral;
  /** why no district could be given although something was named */
  unresolved?: string;
}

export function findPlatform(name?: string) {
  if (!name) return undefined;
  return platformData.platforms.find((p) => p.names.some((n) => name.includes(n)));
}

/** 统一社会信用代码 characters 3–8: the registering authority's division (GB/T 2260) — the business's domicile. */
export function creditCodePlace(code?: string): { code: string; shanghai: boolean; label: string } | null {
  const c = code?.trim().toUpperCase();
  if (!c || !/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{9}[0-9A-HJ-NP-RTUW-Y]$/.test(c)) return null;
  const div = c.slice(2, 8);
  const lab = placeLabel(div.endsWith('0000') ? div.slice(0, 2) : div.endsWith('00') ? div.slice(0, 4) : div);
  if (!lab.province) return null;
  return { code: div, shanghai: div.startsWith('31'), label: lab.label };
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The administrator's street→station map (table street_stations, loaded at start and after each edit): a street
 * listed here is worked by the named station instead of its own. Process state like the holiday calendar, so the
 * dispatch function stays pure for its callers.
 */
let stationOverrides: ReadonlyMap<string, string> = new Map();
export function setStationOverrides(m: ReadonlyMap<string, string>): void {
  stationOverrides = m;
}
/** The station that works a street: the override, else the street's own station. */
export function stationOfStreet(streetCode: string): string {
  return stationOverrides.get(streetCode) ?? `S${streetCode}`;
}

function station(
  p: { district_code: string | null; street_code: string | null },
  basis: string,
  confidence: number,
): DispatchResult {
  const s = p.street_code ? SH_STREET.get(p.street_code) : undefined;
  return {
    district_code: p.district_code,
    street_code: s?.code ?? null,
    unit_id: s ? stationOfStreet(s.code) : p.district_code!,
    basis,
    confidence: round(confidence),
  };
}

function refer(
  p: ParsedAddress | { label: string; province?: string | null; city?: string | null; county?: string | null },
  basis: string,
  confidence: number,
  extra = '',
): DispatchResult {
  const label = p.label || '外省市';
  return {
    district_code: null,
    street_code: null,
    unit_id: 'triage',
    confidence: round(confidence),
    suggested_action: 'refer_out',
    refer_to: { province: p.province ?? null, city: p.city ?? null, county: p.county ?? null, label },
    basis: `${basis}：${label}，不属本市管辖，建议移送${label}市场监管部门${extra}`,
  };
}

export function dispatch(i: DispatchInput): DispatchResult {
  const place = i.kind === 'report' ? '违法行为发生地（经营地址）' : '被投诉人实际经营地/住所地';
  const plat = findPlatform(i.platform);
  const platNote =
    plat?.district && i.ruleVersion !== 'order121'
      ? `（平台内经营者：平台经营者${plat.operator}住所地亦有管辖权，第20号令第十三条）`
      : '';
  const unresolved: string[] = [];

  const addr = parseAddress(i.respondentAddress, 'address');
  if (addr.district_code) return station(addr, `${place}：${addr.evidence}`, addr.confidence);
  if (addr.shanghai === false) return refer(addr, `${place}在外省市（${addr.evidence}）`, addr.confidence, platNote);
  if (addr.ambiguous) unresolved.push(`经营地址：${addr.ambiguous}`);

  const name = parseAddress(i.respondentName, 'name');
  // 金山污水处理厂 in a complaint about 福州仓山区: a district's short name heading a business name, with 上海 written
  // nowhere, does not outweigh a text that itself places the matter in another province
  const nameOnlyShort = name.district_code && !/上海|沪/.test(`${i.respondentName ?? ''}${i.text ?? ''}`);
  if (name.district_code && !(nameOnlyShort && parseAddress(i.text?.slice(0, 2000), 'text').shanghai === false))
    return station(name, `被投诉人名称所示经营地：${name.evidence}`, name.confidence);

  // the registering authority is the business's domicile (住所地), competent under Art. 12 — for a platform seller too
  // when it is in Shanghai; an out-of-town seller on a Shanghai platform stays with the platform's domicile (Art. 13)
  const cc = creditCodePlace(i.respondentCreditCode);
  if (cc?.shanghai && SH_DISTRICT.has(cc.code))
    return station(
      { district_code: cc.code, street_code: null },
      `被投诉人住所地（统一社会信用代码登记机关：${cc.label}）`,
      0.8,
    );
  if (!plat) {
    if (cc && !cc.shanghai)
      return refer(placeLabel(cc.code), '被投诉人住所地（统一社会信用代码登记机关）在外省市', 0.8);
    if (name.shanghai === false) return refer(name, `被投诉人名称所示地在外省市（${name.evidence}）`, name.confidence);
  }

  if (i.platform && plat) {
    // Platform seller with no usable address: Order 121 — the platform operator's domicile; Order 20 — also allowed.
    if (plat.district) {
      const d = SH_DISTRICT.get(plat.district);
      if (d)
        return station(
          { district_code: d.code, street_code: null },
          `平台内经营者未公示有效地址，由平台经营者（${plat.operator}）住所地管辖`,
          0.6,
        );
    }
    return refer(
      parseAddress(plat.outside ?? '', 'address'),
      `平台内经营者未公示有效地址，平台经营者（${plat.operator}）住所地在外省市`,
      0.5,
    );
  }

  const loc = parseAddress(i.location, 'address');
  if (loc.district_code) return station(loc, `诉求涉及地点：${loc.evidence}`, loc.confidence * 0.9);
  const txt = parseAddress(i.text?.slice(0, 2000), 'text');
  if (txt.district_code) return station(txt, `诉求文本中提及的地点：${txt.evidence}`, txt.confidence);
  if (loc.shanghai === false) return refer(loc, `诉求涉及地点在外省市（${loc.evidence}）`, loc.confidence * 0.9);
  if (txt.shanghai === false) return refer(txt, `诉求文本所述地点在外省市（${txt.evidence}）`, txt.confidence);
  for (const [what, p] of [
    ['地点', loc],
    ['文本', txt],
  ] as const)
    if (p.ambiguous) unresolved.push(`${what}：${p.ambiguous}`);

  const why = unresolved.join('；');
  return {
    district_code: null,
    street_code: null,
    unit_id: 'triage',
    basis: why ? `未能定位到区（${why}），待人工分派` : '地址不明，待人工分派',
    confidence: 0,
    ...(why ? { unresolved: why } : {}),
  };
}

/** District and street named in a piece of text (kept for callers that only need the place). */
export function locate(text?: string): { district: ShDistrict | null; street: ShStreet | null; outside: boolean } {
  const p = parseAddress(text, 'address');
  return {
    district: p.district_code ? (SH_DISTRICT.get(p.district_code) ?? null) : null,
    street: p.street_code ? (SH_STREET.get(p.street_code) ?? null) : null,
    outside: p.shanghai === false,
  };
}

export const districtName = (code: string | null | undefined) => (code ? SH_DISTRICT.get(code)?.name : undefined);
export const allDistricts = () => SH_DISTRICTS.map((d) => ({ code: d.code, name: d.name }));
