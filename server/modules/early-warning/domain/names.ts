/**
 * Business-name normalisation: the same legal entity or shop is written many ways in complaints (branch in
 * parentheses, 有限公司 vs 有限责任公司, a city prefix, full-width punctuation, a platform shop's 旗舰店 suffix).
 * The key groups those spellings so a burst against one business is counted once, not split across variants.
 */
import china from '../../../platform/geo/china.json' with { type: 'json' };
import shanghai from '../../../platform/geo/shanghai.json' with { type: 'json' };

interface ChinaGeo {
  provinces: [string, string][];
  cities: [string, string][];
  areas: [string, string][];
}
interface ShanghaiGeo {
  districts: { code: string; name: string; streets: { code: string; name: string }[] }[];
}

const strip = (n: string) =>
  n.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/u, '');

/** Place prefixes that may open a business name: provinces, cities (with and without 省/市), Shanghai districts. */
const PREFIXES: string[] = (() => {
  const g = china as unknown as ChinaGeo;
  const s = new Set<string>();
  for (const [, n] of [...g.provinces, ...g.cities]) {
    s.add(n);
    const short = strip(n);
    if (short.length >= 2) s.add(short);
  }
  for (const d of (shanghai as unknown as ShanghaiGeo).districts) {
    s.add(d.name);
    const short = d.name.replace(/(新区|区)$/u, '');
    if (short.length >= 2) s.add(short);
  }
  return [...s].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
})();

const LEGAL_FORM =
  /(股份有限公司|有限责任公司|股份合作公司|有限公司|责任公司|股份公司|集团公司|集团|公司|有限合伙|合伙企业|个体工商户|工作室|经营部|商行)$/u;
const BRANCH = /([\u4e00-\u9fa5a-z0-9]{1,10}(分公司|分店|门店|营业部|营业厅|支行|分行|办事处))$/u;
/** An outlet suffix naming a place: 徐汇店, 南京东路店, 五角场万达店 (a chain's shops are one business here). */
const OUTLET =
  /^([\u4e00-\u9fa5]{1,6}(路|街|道|镇|区|广场|中心|万达|大厦|商场|店)|浦东|浦西|徐汇|静安|黄浦|长宁|普陀|虹口|杨浦|闵行|宝山|嘉定|金山|松江|青浦|奉贤|崇明|[东南西北]区)店$/u;

/** Strips the shortest outlet suffix (…南京东路店) that leaves at least two characters of name. */
function stripOutlet(s: string): string {
  if (!s.endsWith('店')) return s;
  // Road names are two characters plus an optional direction: 南京东路店, 中山路店.
  for (const cut of [5, 4])
    if (s.length - cut >= 2 && /^[\u4e00-\u9fa5]{2}[东西南北中]?(路|街)店$/u.test(s.slice(-cut)))
      return s.slice(0, -cut);
  for (let cut = 3; cut <= 9 && s.length - cut >= 2; cut++) if (OUTLET.test(s.slice(-cut))) return s.slice(0, -cut);
  return s;
}
const SHOP = /(官方旗舰店|旗舰店|官方店|专卖店|专营店|自营店|企业店|海外店)$/u;

const cache = new Map<string, string>();

/** Returns the grouping key of a business name. Memoised: the same names recur across millions of tickets. */
export function normaliseBusinessName(name: string): string {
  let k = cache.get(name);
  if (k === undefined) {
    if (cache.size > 500_000) cache.clear();
    k = normalise(name);
    cache.set(name, k);
  }
  return k;
}

function normalise(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().trim();
  // Branch / qualifier in brackets anywhere: 某某（上海分公司）, 林肯(进口), 【官方】.
  s = s.replace(/[(（[【〔][^)）\]】〕]*[)）\]】〕]/gu, '');
  s = s.replace(/[\s\p{P}\p{S}]+/gu, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(SHOP, '').replace(BRANCH, '').replace(LEGAL_FORM, '');
    s = stripOutlet(s);
    if (s === before) break;
  }
  // City / district prefix (上海市某某, 上海某某, 浦东新区某某): peel while something of substance remains.
  for (let i = 0; i < 3; i++) {
    const p = PREFIXES.find((x) => s.startsWith(x) && s.length - x.length >= 2);
    if (!p) break;
    s = s.slice(p.length);
  }
  s = s.replace(LEGAL_FORM, '');
  return (
    s ||
    name
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, '')
  );
}
