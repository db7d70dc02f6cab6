/**
 * A cube value as a person reads it: district and street codes as names, unit ids as station names, workflow codes
 * in Chinese. Pure (the gazetteer and the unit list are static data), so exports and reports label without a query.
 */
import { buildUnits } from '../../access/index.js';
import { shanghai } from '../../../platform/geo/index.js';
import {
  ageGroupLabel,
  channelLabel,
  kindLabel,
  outcomeLabel,
  statusLabel,
} from '../../../../shared/analysis-labels.js';

const DISTRICTS = new Map(shanghai.districts.map((d) => [d.code, d.name]));
const STREETS = new Map(
  shanghai.districts.flatMap((d) => d.streets.map((s) => [s.code, `${d.name}${s.name}`] as const)),
);
let units: Map<string, string> | null = null;
const unitName = (id: string) => (units ??= new Map(buildUnits().map((u) => [u.id, u.name]))).get(id);

export function valueLabel(dim: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  switch (dim) {
    case 'kind':
      return kindLabel(s);
    case 'status':
      return statusLabel(s);
    case 'channel':
      return s === '未知' ? s : channelLabel(s);
    case 'outcome':
      return outcomeLabel(s);
    case 'age_group':
      return ageGroupLabel(s === '未知' ? null : s);
    case 'district':
      return s === '未定' ? '未定位' : (DISTRICTS.get(s) ?? s);
    case 'street':
      return s === '未定' ? '未定位' : (STREETS.get(s) ?? s);
    case 'unit':
    case 'station':
      return s === '未定' ? '未分派' : (unitName(s) ?? s);
    default:
      return s;
  }
}

export const districtLabel = (code: string | null | undefined) => (code ? (DISTRICTS.get(code) ?? code) : '未定位');
