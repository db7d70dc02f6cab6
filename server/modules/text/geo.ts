/**
 * Gazetteer of official division names for address extraction, built once from server/platform/geo/*.json
 * (all provinces, prefecture cities and districts of China; Shanghai's streets and towns with codes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gazetteer, Place } from './domain/prefill/address.js';

let cached: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const dir = fileURLToPath(new URL('../../platform/geo/', import.meta.url));
  const china = JSON.parse(readFileSync(dir + 'china.json', 'utf8')) as {
    provinces: [string, string][];
    cities: [string, string][];
    areas: [string, string][];
  };
  const sh = JSON.parse(readFileSync(dir + 'shanghai.json', 'utf8')) as {
    city: { code: string; name: string };
    districts: { code: string; name: string; streets: { code: string; name: string }[] }[];
  };
  const places = new Map<string, Place[]>();
  const add = (name: string, p: Place) => {
    if (!name || name === '市辖区' || name === '县') return;
    let arr = places.get(name);
    if (!arr) places.set(name, (arr = []));
    arr.push(p);
  };
  for (const [code, name] of china.provinces) add(name, { level: 'province', code, name });
  for (const [code, name] of china.cities) add(name, { level: 'city', code, name });
  for (const [code, name] of china.areas) add(name, { level: 'district', code, name });
  for (const d of sh.districts) {
    for (const s of d.streets) {
      add(s.name, { level: 'street', code: s.code, name: s.name, district: d.name });
      // "南京东路街道" is often written "南京东路" — but that is also a road; only the 镇 short form is safe
      if (s.name.endsWith('镇') && s.name.length >= 3)
        add(s.name, { level: 'street', code: s.code, name: s.name, district: d.name });
    }
  }
  // common short forms: "上海" for 上海市, "浦东" for 浦东新区 (only multi-char names without ambiguity)
  for (const [code, name] of china.provinces) {
    const short = name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
    if (short.length >= 2 && short !== name) add(short, { level: 'province', code, name });
  }
  for (const d of sh.districts)
    if (d.name === '浦东新区') add('浦东', { level: 'district', code: d.code, name: d.name });
  cached = { places, maxLen: Math.max(...[...places.keys()].map((k) => k.length)) };
  return cached;
}
