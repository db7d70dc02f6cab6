/**
 * The division data as plain objects. Read with JSON.parse rather than imported as JSON modules: under tsx a JSON
 * import of the 0.5 MB towns file costs seconds (it is transformed as code), JSON.parse takes milliseconds.
 */
import { readFileSync } from 'node:fs';

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;

export interface ChinaDivisions {
  provinces: [string, string][];
  cities: [string, string][];
  areas: [string, string][];
}
export interface ShanghaiDivisions {
  city: { code: string; name: string };
  districts: { code: string; name: string; streets: { code: string; name: string }[] }[];
}

export const china = load<ChinaDivisions>('china.json');
export const shanghai = load<ShanghaiDivisions>('shanghai.json');
/** every town/street of the country: county code → names joined by | */
export const towns = load<{ towns: Record<string, string> }>('towns.json').towns;
export const shanghaiLandmarks = load<{ landmarks: { names: string[]; code: string }[] }>(
  'shanghai-landmarks.json',
).landmarks;
