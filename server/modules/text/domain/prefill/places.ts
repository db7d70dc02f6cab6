/**
 * Short place names as consumers write them before a branch's brand (香河博洛尼, 合肥滨湖居然之家, 常州博洛尼, 闻喜曲美家居):
 * the prefecture cities and counties of China (GB/T 2260, the division data the project ships) without 市/县/盟/地区.
 * Only names of two characters or more: 勉县 stays whole, since 勉 alone is no place anyone writes.
 * District short forms (朝阳, 长安, 红旗, 吉利) are words and brands as often as places, so they count only as a whole
 * span (a learned "大兴" is a place, not a firm), never as a head to strip.
 */
import china from '../../../../platform/geo/china.json' with { type: 'json' };

// the JSON's rows are [code, name] pairs; typed here since the import infers string[][]
const divisions = china as unknown as Record<'provinces' | 'cities' | 'areas', [string, string][]>;
const SUFFIX = /(?:市|县|盟|地区|自治州|自治县)$/;
const short = (name: string) => name.replace(SUFFIX, '');

/** Cities and counties, short form: a head that may be cut off a trade name. */
export const PLACE_HEADS: ReadonlySet<string> = new Set(
  [...divisions.cities.map(([, n]) => n), ...divisions.areas.map(([, n]) => n).filter((n) => /(?:县|市)$/.test(n))]
    .filter((n) => n !== '市辖区' && n !== '县')
    .map(short)
    .filter((n) => n.length >= 2),
);

/** Every division's short form and full name, districts included: a span that is only one of these names no firm. */
export const PLACE_NAMES: ReadonlySet<string> = new Set([
  ...PLACE_HEADS,
  ...[...divisions.provinces, ...divisions.cities, ...divisions.areas].map(([, n]) => n),
  ...divisions.provinces.map(([, n]) => n.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '')),
  ...divisions.areas
    .map(([, n]) => n)
    .filter((n) => /区$/.test(n))
    .map((n) => n.replace(/(?:新区|区)$/, ''))
    .filter((n) => n.length >= 2),
]);

/** Length of the place name `s` opens with (the longest, up to 4 characters), or 0. */
export function placeHeadLength(s: string): number {
  for (let len = Math.min(4, s.length - 2); len >= 2; len--) if (PLACE_HEADS.has(s.slice(0, len))) return len;
  return 0;
}
