/**
 * Subjects named only in the text: housing estates, projects and works, markets, street + number, landmarks, a
 * plant or site named as a nuisance, and businesses or their outlets. Real message boards (12345, 黑猫) have no
 * business field and put the place in the sentence ("投诉晋安区鼓山镇福马路998号石鼓琴湾（鼓山花苑）旁边…"), so a
 * group of residents of one estate is only a group once the estate's name is read out of the text.
 *
 * The method is deliberately simple and fast (it runs on every ticket of a replay): a regular expression finds a run
 * of name characters that ends in a place word (小区, 花园, 苑, 项目, 市场, 搅拌站, 路…号, 店 …), then the run is
 * trimmed on the left at the last word that cannot be part of a name (verbs, pronouns, 周边/附近, and administrative
 * units such as 仓山区, 鼓山镇), so what is left is the name as a resident would say it. The break words and the trim
 * are in trim-name.ts.
 */

import { normaliseBusinessName } from './names.js';
import { trimName } from './trim-name.js';

export type PlaceKind = 'estate' | 'project' | 'market' | 'address' | 'landmark' | 'plant' | 'business';
export interface Place {
  kind: PlaceKind;
  name: string;
  key: string;
}

const HAN = '\\u4e00-\\u9fa5';
/** Suffix → kind. Longer suffixes first (alternation order matters). A suffix may forbid what follows it. */
const SUFFIXES: [string, PlaceKind, string?][] = [
  ['小区', 'estate'],
  ['花园', 'estate', '[区林艺]'],
  ['花苑', 'estate'],
  ['家园', 'estate'],
  ['新村', 'estate'],
  ['公寓', 'estate'],
  ['公馆', 'estate'],
  ['华府', 'estate'],
  ['雅居', 'estate'],
  ['山庄', 'estate'],
  ['新城', 'estate', '[区市]'],
  ['庭苑', 'estate'],
  ['苑', 'estate', '[区林艺]'],
  ['府', 'estate', '[办城]'],
  ['湾', 'estate', '[区]'],
  ['园', 'estate', '[区林艺长丁]'],
  ['水系建设项目', 'project'],
  ['项目', 'project'],
  ['工程', 'project', '[师款队量有公]'],
  ['工地', 'project'],
  ['农贸市场', 'market'],
  ['菜市场', 'market'],
  ['市场', 'market', '[监管化价]'],
  ['商城', 'market'],
  ['步行街', 'market'],
  ['搅拌站', 'plant'],
  ['污水处理厂', 'plant'],
  ['垃圾站', 'plant'],
  ['中转站', 'plant'],
  ['养殖场', 'plant'],
  ['厂', 'plant', '[家商区长方址]'],
  ['广场', 'landmark'],
  ['大厦', 'landmark'],
  ['商场', 'landmark'],
  ['公园', 'landmark'],
  ['景区', 'landmark'],
  ['地铁站', 'landmark'],
  ['医院', 'landmark'],
  ['学校', 'landmark'],
  ['幼儿园', 'landmark'],
  ['中学', 'landmark'],
  ['小学', 'landmark'],
  ['健身房', 'business'],
  ['健身中心', 'business'],
  ['健身馆', 'business'],
  ['游泳馆', 'business'],
  ['超市', 'business'],
  ['酒店', 'business'],
  ['餐厅', 'business'],
  ['饭店', 'business'],
  ['影院', 'business'],
  ['驾校', 'business'],
  ['培训中心', 'business'],
  ['培训学校', 'business'],
  ['有限公司', 'business'],
  ['分公司', 'business'],
  ['公司', 'business', '[的]'],
  ['门店', 'business'],
  ['专卖店', 'business'],
  ['旗舰店', 'business'],
  ['店', 'business', '[铺家员面长主]'],
];

/** Names that are only the place word with a generic head: not a subject anyone can act on. */
const GENERIC =
  /^(我们|你们|他们|本|该|此|这个|那个|周边|附近|各|某|整个|所在|所有|新|老|大|小|其他|很多|多个|两个|一个|改造|建设|整治|豆腐渣|烂尾|市政|河道|生活|住宅|商品房|居民|业主|公共|私人|这家|那家|一家|这|那|有限|责任|股份|网上|线下|线上|实体|直营|官方|淘宝|京东|门|分|总|扰民|民生|重点|面子|内河改造|内河水质|内河|水质|支流|PPP|这些|占用|房地产|开发|治理|道治理|河道治理|施工|清淤|水系|最后一期|一期|二期|三期)?(小区|花园|苑|园|府|湾|新村|公寓|项目|工程|工地|市场|商城|厂|广场|大厦|商场|公园|医院|学校|店|门店|公司|有限公司|分公司|超市|酒店|餐厅|饭店|专卖店|旗舰店)$/u;

const suffixAlt = SUFFIXES.map(([w, , not]) => (not ? `${w}(?!${not})` : w)).join('|');
/** Only the place words are searched for (a prefix pattern in front of 60 alternatives backtracks badly). */
const SUFFIX_RE = new RegExp(`(?:${suffixAlt})`, 'gu');
const NAME_CHAR = /[\u4e00-\u9fa5A-Za-z0-9]/u;
const KIND = new Map(SUFFIXES.map(([s, k]) => [s, k]));
const ADDRESS_RE = new RegExp(`([${HAN}]{1,10}?(?:路|街|大道|巷|弄))(\\d{1,5}|[一二三四五六七八九十百]{1,4})号`, 'gu');
const CONTEXT_RE = /(业主|开发商|楼盘|售楼处)/gu;
const NOT_A_NAME = /(物业|车位|强制|捆绑|销售|买|卖|要求|必须|交房|小区|广大|全体|部分|众多|各位|退|赔|不|没)/u;
const WORK_DONE = /(装修|装饰|改造|基础|隐蔽|维修|安装|整装|家装|全包|提供|进行|完成|承接|地面|墙面|水电|^装|^居)/u;

const keyOf = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    // phase and part qualifiers name the same estate: 金山碧水二期, 西园雅居东区
    .replace(/([一二三四五六七八九十\d]+期|[东西南北]区|[A-Za-z]区)$/u, '')
    .replace(/^(.{2,}(花园|花苑|家园|新村|公寓|华府|雅居|苑|园|府|湾|城))小区$/u, '$1');

/*
 * Residents write one estate with and without its estate word (融侨锦江 / 融侨锦江小区 / 融侨锦江花园), and each
 * spelling was a subject of its own, splitting one burst's people. The estate word is folded out of the key when
 * at least three characters of name are left: a bare two-character stem (鼓山花苑, 金山小区) names a district or a
 * road as often as an estate, so those keep their word.
 */
const ESTATE_WORD = /(小区|花园|花苑|家园|新村|公寓|庭苑|苑|园)$/u;
const estateKeyOf = (name: string) => {
  const k = keyOf(name);
  // the longest word is taken off (the leftmost match), so 鼓山花园 and 鼓山花苑 do not both become 鼓山花
  const m = ESTATE_WORD.exec(k);
  return m && m.index >= 3 ? k.slice(0, m.index) : k;
};

/**
 * Places and businesses named in a text, in order of appearance, one per key. `max` bounds the work on long texts.
 */
export function findPlaces(text: string, max = 4): Place[] {
  if (!text) return [];
  const s = text.length > 400 ? text.slice(0, 400) : text;
  const out: Place[] = [];
  const keys = new Set<string>();
  const starts: number[] = [];
  const add = (kind: PlaceKind, name: string, start = -1) => {
    if (name.length < (kind === 'estate' ? 2 : 3) || GENERIC.test(name) || /^\d/.test(name)) return;
    const key = kind === 'business' ? normaliseBusinessName(name) : kind === 'estate' ? estateKeyOf(name) : keyOf(name);
    if (key.length < 2) return;
    // 西园|雅居: a place word right after the previous name, from the same start, extends it rather than naming a
    // second place
    const last = out[out.length - 1];
    if (last && start >= 0 && starts[starts.length - 1] === start && name.startsWith(last.name)) {
      keys.delete(last.key);
      out.pop();
      starts.pop();
    }
    if (keys.has(key)) return;
    keys.add(key);
    out.push({ kind, name, key });
    starts.push(start);
  };
  for (const m of s.matchAll(ADDRESS_RE)) {
    const road = trimName(m[1]!.slice(0, -1), m[1]!.slice(-1)) + m[1]!.slice(-1);
    if (road.length >= 3) add('address', `${road}${m[2]}号`);
  }
  for (const m of s.matchAll(SUFFIX_RE)) {
    const suffix = m[0];
    const kind = KIND.get(suffix)!;
    // the name run to the left: up to 14 name characters (an estate word before it stays: 万科金域华府|小区)
    let a = m.index;
    while (a > 0 && m.index - a < 14 && NAME_CHAR.test(s[a - 1]!)) a--;
    if (a === m.index) continue;
    const h = trimName(s.slice(a, m.index), suffix);
    if (!h) continue;
    const name = h + suffix;
    if (/政府$|政府机关|[返反出进回原]厂$/u.test(name)) continue;
    // 装修工程, 隐蔽工程, 房屋进行全屋改造工程: the work being done, not a named project anyone could find
    if (kind === 'project' && WORK_DONE.test(h)) continue;
    add(kind, name, m.index - h.length);
    if (out.length >= max) break;
  }
  // Estate names without a place word (融侨锦江, 建发央著) are known by what follows them: …业主, …开发商, …车位.
  if (out.length < max) {
    for (const m of s.matchAll(CONTEXT_RE)) {
      let a = m.index;
      while (a > 0 && m.index - a < 10 && NAME_CHAR.test(s[a - 1]!)) a--;
      if (m.index - a < 3) continue;
      const h = trimName(s.slice(a, m.index), '');
      if (h.length < 3 || /[\d]/u.test(h) || NOT_A_NAME.test(h)) continue;
      add('estate', h, a + (m.index - a - h.length));
      if (out.length >= max) break;
    }
  }
  return out;
}
