/**
 * Short place names as consumers write them before a branch's brand (香河博洛尼, 合肥滨湖居然之家, 常州博洛尼, 闻喜曲美家居):
 * the prefecture cities and counties of China (GB/T 2260, the division data the project ships) without 市/县/盟/地区.
 * Only names of two characters or more: 勉县 stays whole, since 勉 alone is no place anyone writes.
 * District short forms (朝阳, 长安, 红旗, 福田) are words and brands as often as places: never a place here.
 */
import china from '../../../../platform/geo/china.json' with { type: 'json' };

// the JSON's rows are [code, name] pairs; typed here since the import infers string[][]
const divisions = china as unknown as Record<'provinces' | 'cities' | 'areas', [string, string][]>;
const SUFFIX = /(?:市|县|盟|地区|自治州|自治县)$/;
const short = (name: string) => name.replace(SUFFIX, '');

let heads: ReadonlySet<string> | undefined;
let names: ReadonlySet<string> | undefined;

/** Cities and counties, short form: a head that may be cut off a trade name. Built on first use (the classify CLI
 * imports this module and never asks). */
function placeHeads(): ReadonlySet<string> {
  heads ??= new Set(
    [...divisions.cities.map(([, n]) => n), ...divisions.areas.map(([, n]) => n).filter((n) => /(?:县|市)$/.test(n))]
      .filter((n) => n !== '市辖区' && n !== '县')
      .map(short)
      .filter((n) => n.length >= 2),
  );
  return heads;
}

/** Is `v` only a place: a division's full name (大兴区), a province, city or county without its suffix (天津, 合肥,
 * 香河)? District short forms are left out: 福田, 红旗, 长安, 朝阳 are brands and words as often as places. */
export function isPlaceName(v: string): boolean {
  names ??= new Set([
    ...placeHeads(),
    ...[...divisions.provinces, ...divisions.cities, ...divisions.areas].map(([, n]) => n),
    ...divisions.provinces.map(([, n]) => n.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '')),
  ]);
  return names.has(v);
}

/** Length of the place name `s` opens with (the longest, up to 4 characters), or 0. */
export function placeHeadLength(s: string): number {
  const h = placeHeads();
  for (let len = Math.min(4, s.length - 2); len >= 2; len--) if (h.has(s.slice(0, len))) return len;
  return 0;
}
