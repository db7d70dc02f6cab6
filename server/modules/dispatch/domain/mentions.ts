/**
 * Which place names written in an address, a business name or free text count, and how firmly: a strong mention
 * decides, a weak one only when nothing strong is said (a road 北京东路, a firm 济南业之峰…, a word 金山 are no place).
 */
import { SHANGHAI, type Form, type Mention } from './gazetteer.js';
import type { Mode } from './address.js';

/** The levels of the division data, shallow to deep (a landmark is as deep as a town). */
export const DEPTH = { province: 1, city: 2, county: 3, town: 4, landmark: 4 } as const;
export const inside = (child: string, parent: string) => child.startsWith(parent);

// A short name followed by one of these is part of a road, river, school… (北京东路, 松江路, 上海街道, 普陀山).
const ROADLIKE =
  /^[东西南北中]?[一二三四五六七八九十\d]*(?:路|街|道|巷|弄|里|桥|河|江|湖|溪|港|湾|村|站|寺|庙|塔|山|岛|公园|广场|大厦|中学|小学|大学|学院|医院|派出所|新村|小区|花园|社区|居委|菜场|支路|商城)/;
// 济南业之峰装饰工程有限公司, 淄博曲美家具代理商, 大连金三角店: a place directly before a business's name is its place
const FIRM_AFTER =
  /^[^，。,.;；！？!?、\s:：()]{1,12}?(有限公司|有限责任公司|股份|公司|集团|分店|门店|专卖店|旗舰店|体验店|体验馆|经销商|代理商|加盟商|总部|店)/;
// District shorts that are also words or places elsewhere (福州的金山, 普陀山, 嘉定 in Sichuan's history, 长宁县)
const WORDLIKE_SH = new Set(['金山', '宝山', '普陀', '长宁', '嘉定', '松江', '黄浦', '静安']);
// In free text a two-character street name (张江, 外滩 — but also 建设, 新村, 大桥, 万里) counts only as an area: 张江地区
export const AREA_AFTER = /^(地区|附近|一带|周边|商圈|片区|店|分店)/;

export interface Strong {
  m: Mention;
  forms: Form[];
}

/** Which forms of each mention count, and how firmly (strong: decides; weak: only when nothing strong is said). */
export function classify(t: string, ms: Mention[], mode: Mode) {
  const strong: Strong[] = [];
  const weak: Strong[] = [];
  const saysShanghai = /上海|沪/.test(t);
  ms.forEach((m, k) => {
    const prev = k > 0 && ms[k - 1]!.end === m.start ? ms[k - 1]! : null;
    const next = k + 1 < ms.length && ms[k + 1]!.start === m.end ? ms[k + 1]! : null;
    // 北京东路, 松江路 — but not 深圳南山区, where what follows is itself a place
    const placeNext = !!next?.forms.some((f) => f.place.level !== 'town' && f.place.level !== 'landmark');
    const roadlike = !placeNext && ROADLIKE.test(t.slice(m.end));
    const atHead = mode !== 'text' && (m.start === 0 || /^(中国|中华人民共和国)$/.test(t.slice(0, m.start)));
    const childNext = (code: string) =>
      !!next?.forms.some((f) => f.place.level !== 'landmark' && f.place.code !== code && inside(f.place.code, code));
    const parentPrev = (code: string) =>
      !!prev?.forms.some((f) => f.place.level !== 'landmark' && f.place.code !== code && inside(code, f.place.code));
    const s: Form[] = [];
    const w: Form[] = [];
    for (const f of m.forms) {
      const { level, code } = f.place;
      if (!f.short) {
        // 龙津支河镇府: in free text a town of another province counts only under its county or city
        if (mode === 'text' && level === 'town' && !code.startsWith(SHANGHAI) && !parentPrev(code)) w.push(f);
        // 梅龙镇广场: a two-character town elsewhere inside a longer word is a piece of a name, not a place
        else if (
          level === 'town' &&
          !code.startsWith(SHANGHAI) &&
          !prev &&
          m.text.length < 3 &&
          /[\u4e00-\u9fa5]/.test(t[m.start - 1] ?? '')
        )
          w.push(f);
        else s.push(f);
        continue;
      }
      if (roadlike && !(level === 'town' && /(路|街)$/.test(m.text))) continue;
      if (level === 'province' || level === 'city') {
        const after = t.slice(m.end, m.end + 14);
        // 博洛尼家居装饰(北京)有限公司, 大连金三角店: a company's or a shop's place, even in free text
        const firmName = /^\)[^，。,.;；！？!?]{0,3}(有限|股份|公司|分公司)/.test(after) || FIRM_AFTER.test(after);
        (childNext(code) || parentPrev(code) || atHead || firmName ? s : w).push(f);
      } else if (level === 'county') {
        if (parentPrev(code) || childNext(code)) s.push(f);
        // 浦东, 徐汇, 闵行: how Shanghai writes its districts — but in free text 金山, 宝山, 长宁 are also words and
        // places elsewhere (福州仓山的金山), so there they count only with 上海 written somewhere
        else if (code.startsWith(SHANGHAI))
          (mode !== 'text' || saysShanghai || !WORDLIKE_SH.has(m.text) ? s : w).push(f);
        // 仓山, 海淀 with nothing around: a hint of elsewhere, enough to doubt a Shanghai street name, never to decide
        else if (m.forms.filter((g) => g.place.level === 'county').length === 1) w.push(f);
      } else if (level === 'town') {
        // 徐汇区漕河泾 is firm; 上海浦江康汽车 is a trade name, and in a business name only the branch in brackets counts
        const firm = !!prev?.forms.some((g) => g.place.level === 'county' && inside(code, g.place.code));
        // 锦江之星(上海张江店: the city, one of its towns, then 店 — a branch named by its place, not a trade name
        const branch =
          /^(分店|店)/.test(t.slice(m.end, m.end + 2)) &&
          !!prev?.forms.some((g) => DEPTH[g.place.level] <= 2 && inside(code, g.place.code));
        const tradeName =
          !firm &&
          !branch &&
          !inBrackets(t, m.start) &&
          !!prev?.forms.every((g) => g.place.level === 'province' || g.place.level === 'city');
        // a two-character short (七宝, 桃浦, but also 建设, 新村, 大桥, 万里) only at the head of an address or a branch
        const tokenStart = m.start === 0 || /[^\u4e00-\u9fa5]/.test(t[m.start - 1] ?? '');
        if (firm) s.push(f);
        else if (tradeName)
          continue; // 上海浦江贸易有限公司: a trade name after the city, not a town
        else if (
          m.text.length < 3 &&
          !branch &&
          (mode === 'text'
            ? !(
                AREA_AFTER.test(t.slice(m.end, m.end + 2)) &&
                (tokenStart || /[在于到近靠离至去从往临的]/.test(t[m.start - 1] ?? ''))
              )
            : !tokenStart)
        )
          continue;
        else if (mode !== 'name' || inBrackets(t, m.start)) w.push(f);
      } else if (mode !== 'name' || inBrackets(t, m.start)) w.push(f);
    }
    // a Shanghai district short that also names a county elsewhere only counts for the one its context supports
    if (s.length) strong.push({ m, forms: s });
    if (w.length) weak.push({ m, forms: w });
  });
  return { strong, weak };
}

export const inBrackets = (t: string, at: number) => {
  const before = [...t].slice(0, at).join('');
  return before.lastIndexOf('(') > before.lastIndexOf(')');
};
