/** The organisation: the city bureau, the 16 district bureaus and one market-supervision station per street/town
 * (the official division codes, server/platform/geo/shanghai.json). How Shanghai districts map streets to stations was
 * not found (DOMAIN.md §7.2), so one station per street/town is the default; a bureau edits the units table. */
import geo from '../../../platform/geo/shanghai.json' with { type: 'json' };

export interface UnitRow {
  id: string;
  kind: 'city' | 'district' | 'station' | 'triage';
  name: string;
  parent_id: string | null;
  district_code: string | null;
  street_code: string | null;
}

export const CITY_UNIT = 'city';
export const TRIAGE_UNIT = 'triage';

export function stationName(streetName: string): string {
  const base = streetName.replace(/(街道|镇|乡|地区办事处|工业区|度假区|经济开发区)$/, '');
  return `${base}市场监管所`;
}

export function buildUnits(): UnitRow[] {
  const out: UnitRow[] = [
    {
      id: CITY_UNIT,
      kind: 'city',
      name: '上海市市场监督管理局',
      parent_id: null,
      district_code: null,
      street_code: null,
    },
    {
      id: TRIAGE_UNIT,
      kind: 'triage',
      name: '12315 分派中心（待分派）',
      parent_id: CITY_UNIT,
      district_code: null,
      street_code: null,
    },
  ];
  for (const d of geo.districts) {
    out.push({
      id: d.code,
      kind: 'district',
      name: `${d.name}市场监督管理局`,
      parent_id: CITY_UNIT,
      district_code: d.code,
      street_code: null,
    });
    for (const s of d.streets) {
      out.push({
        id: `S${s.code}`,
        kind: 'station',
        name: stationName(s.name),
        parent_id: d.code,
        district_code: d.code,
        street_code: s.code,
      });
    }
  }
  return out;
}
