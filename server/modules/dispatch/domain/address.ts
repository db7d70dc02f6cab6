/**
 * Address parser: province → prefecture city → county/district → town/street → road + number, in that order.
 * The highest level written decides: a street or road name can never outweigh a province or city (深圳市南山区天山路
 * is in Shenzhen although Shanghai has a 天山路街道). A Shanghai address written without 上海 still reaches its district
 * through a district, town or landmark name that is unambiguous; when the clues disagree or point at several places,
 * the district is left empty and the reason is given — never a guess.
 * Pure and fast: one trie walk over the text (gazetteer.ts).
 */
import {
  PROVINCES,
  SHANGHAI,
  SH_DISTRICT,
  SH_STREET,
  codeAt,
  placeLabel,
  scanPlaces,
  type Form,
  type Mention,
} from './gazetteer.js';
import { AREA_AFTER, classify, DEPTH, inBrackets, inside, type Strong } from './mentions.js';

/** address: a business address field; name: a business name (legal-name prefix, branch in brackets); text: free text. */
export type Mode = 'address' | 'name' | 'text';

export interface ParsedAddress {
  /** true: in Shanghai; false: outside Shanghai; null: cannot tell */
  shanghai: boolean | null;
  province: string | null;
  city: string | null;
  county: string | null;
  town: string | null;
  /** most specific division code known (2, 4, 6 digits, or a Shanghai street's 9) */
  code: string | null;
  district_code: string | null;
  street_code: string | null;
  road: string | null;
  number: string | null;
  /** 福建省泉州市晋江市 */
  label: string;
  confidence: number;
  /** what decided it, in Chinese */
  evidence: string;
  /** why the district was left empty although places were named */
  ambiguous: string | null;
}

const EMPTY: ParsedAddress = {
  shanghai: null,
  province: null,
  city: null,
  county: null,
  town: null,
  code: null,
  district_code: null,
  street_code: null,
  road: null,
  number: null,
  label: '',
  confidence: 0,
  evidence: '',
  ambiguous: null,
};

interface Chain {
  paths: string[];
  mentions: Strong[];
  conflict: string | null;
}

const levelOf = (code: string) =>
  code.includes('#') || code.length === 9
    ? 'town'
    : code.length === 6
      ? 'county'
      : code.length === 4
        ? 'city'
        : 'province';

function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（【]/g, '(')
    .replace(/[）】]/g, ')');
}

function narrow(paths: string[], codes: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths)
    for (const c of codes) {
      if (inside(c, p)) out.add(c);
      else if (inside(p, c)) out.add(p);
    }
  return [...out];
}

function buildChains(strong: Strong[], mode: Mode): Chain[] {
  const chains: Chain[] = [];
  for (const s of strong) {
    const codes = s.forms.map((f) => f.place.code);
    let placed = false;
    for (let i = chains.length - 1; i >= 0; i--) {
      const c = chains[i]!;
      const n = narrow(c.paths, codes);
      if (n.length) {
        c.paths = n;
        c.mentions.push(s);
        placed = true;
        break;
      }
      if (mode !== 'text') {
        c.conflict ??= s.m.text;
        placed = true;
        break;
      }
    }
    if (!placed) chains.push({ paths: codes, mentions: [s], conflict: null });
  }
  return chains;
}

const depthOf = (c: Chain) => Math.max(...c.mentions.map((s) => Math.max(...s.forms.map((f) => DEPTH[f.place.level]))));
/** The code all paths share at the deepest level where they agree. */
function common(paths: string[]): string | null {
  for (const lv of ['town', 'county', 'city', 'province'] as const) {
    const keys = new Set(paths.map((p) => (lv === 'town' ? p : codeAt(p, lv))));
    if (keys.size === 1) {
      const k = [...keys][0]!;
      if (lv !== 'town' || levelOf(k) === 'town') return k;
    }
  }
  return null;
}

function roadOf(t: string, from: number): { road: string | null; number: string | null } {
  const rest = [...t].slice(from).join('');
  const r = /^\(?([\u4e00-\u9fa5A-Za-z0-9]{1,12}?(?:大道|路|街|巷|弄))(\d+(?:-\d+)?(?:号|弄))?/.exec(rest);
  return { road: r?.[1] ?? null, number: r?.[2] ?? /(\d+(?:-\d+)?号)/.exec(rest)?.[1] ?? null };
}

const q = (s: string) => `「${s}」`;

function result(code: string, conf: number, evidence: string, t: string, lastEnd: number, mode: Mode): ParsedAddress {
  const sh = code.startsWith(SHANGHAI);
  const lab = placeLabel(code.split('#')[0]!);
  const county6 = code.length >= 6 ? code.slice(0, 6) : null;
  const street = sh && SH_STREET.has(code) ? SH_STREET.get(code)! : null;
  const town = street?.name ?? null;
  const { road, number } = mode === 'address' ? roadOf(t, lastEnd) : { road: null, number: null };
  return {
    ...EMPTY,
    shanghai: sh,
    province: lab.province,
    city: lab.city,
    county: lab.county,
    town,
    code: code.includes('#') ? county6 : code,
    district_code: sh && county6 && SH_DISTRICT.has(county6) ? county6 : null,
    street_code: street?.code ?? null,
    road,
    number,
    label: lab.label + (town ?? ''),
    confidence: Math.round(conf * (mode === 'address' ? 1 : mode === 'name' ? 0.9 : 0.8) * 100) / 100,
    evidence,
  };
}

/** Parse an address, a business name or a free text for the place it names. */
export function parseAddress(input: string | null | undefined, mode: Mode = 'address'): ParsedAddress {
  if (!input) return { ...EMPTY };
  const t = normalise(mode === 'text' ? input.slice(0, 4000) : input.slice(0, 500));
  const ms = scanPlaces(t);
  if (!ms.length) return { ...EMPTY };
  const { strong, weak } = classify(t, ms, mode);
  const chains = buildChains(strong, mode);

  if (chains.length) {
    let best = chains[0]!;
    if (mode === 'text' && chains.length > 1) {
      const score = (c: Chain) =>
        depthOf(c) * 10 + c.mentions.filter((x) => x.forms.some((f) => !f.short)).length * 2 + c.mentions.length;
      const sorted = [...chains].sort((a, b) => score(b) - score(a));
      best = sorted[0]!;
      const second = sorted[1]!;
      if (
        score(second) === score(best) &&
        codeAt(common(second.paths) ?? second.paths[0]!, 'province') !==
          codeAt(common(best.paths) ?? best.paths[0]!, 'province')
      ) {
        return {
          ...EMPTY,
          ambiguous: `文本中提到多个地方（${q(best.mentions[0]!.m.text)}、${q(second.mentions[0]!.m.text)}），无法确定经营地`,
        };
      }
    }
    const named = best.mentions.map((s) => q(s.m.text)).join('');
    const lastEnd = best.mentions[best.mentions.length - 1]!.m.end;
    const topLevel = Math.min(...best.mentions.map((s) => Math.min(...s.forms.map((f) => DEPTH[f.place.level]))));
    let paths = best.paths;
    let prior = false;
    const provinces = new Set(paths.map((p) => codeAt(p, 'province')));
    if (provinces.size > 1 && provinces.has(SHANGHAI) && topLevel >= 3) {
      // 普陀区, 宝山区, 新华路街道 also exist elsewhere; with no province or city written, a Shanghai bureau's ticket means Shanghai
      paths = paths.filter((p) => p.startsWith(SHANGHAI));
      prior = true;
    }
    const code = common(paths);
    const shAll = paths.every((p) => p.startsWith(SHANGHAI));
    const outAll = paths.every((p) => !p.startsWith(SHANGHAI));
    if (outAll) {
      const c = code ?? null;
      if (!c) {
        const cands = [...new Set(paths.map((p) => placeLabel(p.slice(0, 6)).label))].slice(0, 4).join('、');
        return {
          ...EMPTY,
          shanghai: false,
          label: '',
          confidence: topLevel <= 3 ? 0.9 : 0.85,
          evidence: `${named}不在本市（可能是${cands}）`,
          ambiguous: null,
        };
      }
      const conf = topLevel <= 2 ? 0.98 : topLevel === 3 ? 0.95 : 0.85;
      return result(c, conf, `${named}：${placeLabel(c.split('#')[0]!).label}，不在本市`, t, lastEnd, mode);
    }
    if (shAll && code) {
      let c = code;
      let conf = topLevel <= 2 ? 0.98 : topLevel === 3 ? (prior ? 0.85 : 0.95) : prior ? 0.75 : 0.92;
      let evidence = `${named}${best.conflict ? `（另有${q(best.conflict)}与之矛盾，以前者为准）` : ''}`;
      if (best.conflict) conf = Math.min(conf, 0.7);
      // refine a district (or the bare city) with a street/landmark named in the same text
      if (c.length <= 6) {
        const refine = weak.flatMap((w) =>
          w.forms.filter((f) => f.place.code.startsWith(c) && f.place.code !== c).map((f) => ({ f, m: w.m })),
        );
        const codes = new Set(refine.map((r) => (c.length === 6 ? r.f.place.code : r.f.place.code.slice(0, 6))));
        if (codes.size === 1) {
          const r = refine[0]!;
          c =
            r.f.place.code.length > 6 && c.length === 6
              ? r.f.place.code
              : r.f.place.code.slice(0, Math.max(6, c.length));
          evidence += q(r.m.text);
          if (topLevel <= 2 && c.length >= 6 && code.length < 6) conf = 0.8;
        }
      }
      if (c.length < 6) {
        return { ...result(c, conf, evidence, t, lastEnd, mode), ambiguous: '地址只写明上海市，未写区或街镇' };
      }
      return result(c, conf, evidence, t, lastEnd, mode);
    }
    if (shAll && !code) {
      const ds = [...new Set(paths.map((p) => p.slice(0, 6)))].map((d) => SH_DISTRICT.get(d)?.name ?? d);
      return {
        ...EMPTY,
        shanghai: true,
        label: '上海市',
        confidence: 0.9,
        evidence: named,
        ambiguous: `${named}在本市有多处（${ds.join('、')}），未写区，不能确定`,
      };
    }
    return { ...EMPTY, ambiguous: `${named}在本市和外地都有，未写省市，不能确定` };
  }

  // Nothing firm: only short street names, landmarks, or a city's short name in passing.
  const sh = weak.flatMap((w) =>
    w.forms
      .filter((f) => f.place.code.startsWith(SHANGHAI) && f.place.level !== 'province')
      .map((f) => ({ f, m: w.m })),
  );
  const shProvince = weak.some((w) => w.forms.some((f) => f.place.level === 'province' && f.place.code === SHANGHAI));
  const outAll = weak.flatMap((w) =>
    w.forms.filter((f) => !f.place.code.startsWith(SHANGHAI)).map((f) => ({ f, m: w.m })),
  );
  // a bare two-character county short elsewhere (比如, 锦江, 东方) is too much of a word to outweigh a Shanghai name, and
  // so is a two-character town elsewhere inside a longer word (南京西路1038号梅龙镇广场: 龙镇)
  const out =
    sh.length || shProvince
      ? outAll.filter((x) => !((x.f.place.level === 'county' || x.f.place.level === 'town') && x.m.text.length < 3))
      : outAll;
  if (out.length && sh.length) {
    return { ...EMPTY, ambiguous: `既有本市街镇/地名${q(sh[0]!.m.text)}，又有外地地名${q(out[0]!.m.text)}，不能确定` };
  }
  if (out.length) {
    if (shProvince && mode === 'text')
      return { ...EMPTY, ambiguous: `文本中同时提到上海和${q(out[0]!.m.text)}，不能确定经营地` };
    // 湖南小炒肉, 老北京鸡肉卷, 东方幼儿园: a place name in passing says nothing about where the business is
    if (mode !== 'address') return { ...EMPTY, ambiguous: `文本只顺带提到${q(out[0]!.m.text)}，不足以判断经营地` };
    const f = out[0]!;
    return result(
      f.f.place.code,
      0.6,
      `${q(f.m.text)}（${PROVINCES.get(f.f.place.code.slice(0, 2))?.name ?? ''}）不在本市`,
      t,
      f.m.end,
      mode,
    );
  }
  const addressLike = (x: { m: Mention }) =>
    x.m.text.length >= 3 ||
    AREA_AFTER.test(t.slice(x.m.end, x.m.end + 2)) ||
    /^[^，。；！？,.;!?]{0,8}?\d+号/.test([...t].slice(x.m.end).join(''));
  if (sh.length && mode === 'text' && !sh.every(addressLike)) {
    // 「金山」「新天地」 in passing: perhaps Shanghai, perhaps not — without 上海 or a house number, no district
    const ds = [...new Set(sh.map((x) => SH_DISTRICT.get(x.f.place.code.slice(0, 6))?.name ?? ''))].join('、');
    return {
      ...EMPTY,
      ambiguous: `只提到${[...new Set(sh.map((x) => q(x.m.text)))].join('')}（本市${ds}有同名地方），未写上海、区名或门牌号，不作判断`,
    };
  }
  if (sh.length) {
    const districts = new Set(sh.map((x) => x.f.place.code.slice(0, 6)));
    const named = [...new Set(sh.map((x) => q(x.m.text)))].join('');
    if (districts.size > 1) {
      const ds = [...districts].map((d) => SH_DISTRICT.get(d)?.name ?? d).join('、');
      return {
        ...EMPTY,
        shanghai: true,
        label: '上海市',
        confidence: 0.5,
        evidence: named,
        ambiguous: `${named}可能在${ds}，不能确定`,
      };
    }
    const codes = new Set(sh.map((x) => x.f.place.code));
    const c = codes.size === 1 ? [...codes][0]! : [...districts][0]!;
    const landmark = sh.every((x) => x.f.place.level === 'landmark');
    return result(
      c,
      landmark ? 0.7 : 0.65,
      `${named}${landmark ? '（本市地标）' : '（与本市街镇同名）'}`,
      t,
      sh[sh.length - 1]!.m.end,
      mode,
    );
  }
  if (shProvince)
    return {
      ...EMPTY,
      shanghai: true,
      label: '上海市',
      confidence: 0.6,
      evidence: q('上海'),
      ambiguous: '只提到上海，未写区或街镇',
    };
  return { ...EMPTY };
}
