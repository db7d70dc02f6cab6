/**
 * Business names by their form: legal names (XX有限公司), shops and branches (XX店, XX分店, XX专卖店, XX旗舰店) and labelled
 * fields (投诉对象：…, 商家名称：…). And the choice of the one business of a complaint among every candidate.
 */
import type { BusinessHit } from './business.js';
import { isPlaceName } from './places.js';

const BIZ_SUFFIX =
  '(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|旗舰店|专卖店|专营店|自营店|直营店|体验店|加盟店|门店|分店|总店|网店|小店|超市|便利店|商场|商店|商行|百货|药店|药房|大药房|餐厅|饭店|酒楼|酒店|宾馆|民宿|火锅店|面馆|奶茶店|咖啡店|蛋糕店|烘焙店|水果店|花店|健身房|健身中心|健身会所|游泳馆|俱乐部|美容院|美容店|美发店|理发店|美甲店|养生馆|会所|培训学校|培训中心|培训机构|教育机构|幼儿园|早教中心|医院|诊所|门诊部|4S店|4s店|汽修厂|修理厂|维修店|维修点|工作室|影城|影院|KTV|网吧|洗衣店|干洗店|家具城|建材市场|装饰公司|装修公司|营业厅|加油站|商城|项目部|项目经理部|[\\u4e00-\\u9fa5]{2}厂|店)';
const BIZ_RE = new RegExp(
  `[\\u4e00-\\u9fa5A-Za-z0-9（）()·&]{2,30}?(?:${BIZ_SUFFIX}){1,2}(?:[（(][\\u4e00-\\u9fa5]{1,10}[)）])?`,
  'g',
);
const BIZ_LABEL_RE =
  /(?:商家|经营者|被投诉(?:方|人|单位|企业|公司|商家|对象)|被举报(?:方|人|单位|企业)|投诉(?:对象|公司|企业|商家|单位)|涉事(?:商家|企业|公司)|店铺|店名|公司名称|商户)(?:名称|全称)?\s*[:：]\s*([^\s，,。；;、:：]{2,40})/g;
// words that end the name on the left: verbs, prepositions, pronouns
// words that end the name on the left (the last one wins): verbs, prepositions, pronouns. Single characters that also
// occur inside names (家, 个) are not among them.
const BIZ_LEFT_STOP =
  /^(?:.*(?:我在|本人在|我于|在|于|从|到达|到|去|向|对|投诉|举报|反映|位于|通过|由|和|与|及|跟|被|把|给|找|是|了|的一家|一家|这家|那家|该|名为|叫做|名叫|商家|店铺|这个|那个|里的|上的|下单|购买|订购|入住|报名|办理|办了|充值|前往|咨询|委托|签订|签约|选择|交了|支付|联系|希望|请|要求|督促|责令|一处))/;
// a name has no function words; "却要报备公司", "销售又说公司" are clauses ending in 公司
const FUNCTION_WORD = /[说要让又就都也还再没不很太却才想能会把被吗呢吧啊给]/;
const GENERIC_ONLY = new RegExp(
  `^(?:[该此这那其贵本每各某]|我们|他们|一个|这个|那个|原来|线下|实体|网上|网络|官方|品牌|连锁|附近|楼下|小区|当地|同一)?(?:家|个)?${BIZ_SUFFIX}$`,
);
// "淘宝网上这个店", "楼下那家超市": a pointer to a shop, not its name
const DEICTIC = /(?:这|那|该|此|每|一|哪|整|全)(?:个|家|间|所)?(?:店|门店|店铺|公司|商家|超市|网店|小店)$/;
const CLAUSE_HEAD =
  /^(?:当时|当初|至今|后期|前期|之前|之后|后来|现在|目前|如今|觉得|感觉|认为|以为|因为|因|销售|总部|售后|客服|[一二两三四五六七八九十几多]+家|第[一二三四五六七八九十\d]+)/;
const CLAUSE_ANY = /的|认为|觉得|感觉|以为|发现|承认|然后|然而|结果|所谓|什么|出厂/;
const PRONOUN = /^(?:该|此|这|那|其|贵|本|我们|我|他们|你们|你|您|每|各|任何|所有|其他|别的|哪)/;

/** How many characters before `at` (not before `from`) a place name that runs across `at` begins, or 0. */
function placeAcross(s: string, at: number, from: number): number {
  for (let back = 1; back <= 3 && at - back >= from; back++)
    for (let len = back + 1; len <= back + 4 && at - back + len <= s.length; len++)
      if (isPlaceName(s.slice(at - back, at - back + len))) return back;
  return 0;
}

/** Legal names and shop names by their suffix, and labelled business fields. `s` is the pre-fill normalised text. */
export function legalNames(s: string): BusinessHit[] {
  const out: BusinessHit[] = [];
  for (const m of s.matchAll(BIZ_LABEL_RE)) {
    const v = m[1]!.replace(/[）)]$/, (c) => (m[1]!.includes(c === ')' ? '(' : '（') ? c : ''));
    const a = m.index! + m[0].length - m[1]!.length;
    if (v.length < 2 || PRONOUN.test(v)) continue;
    out.push({ value: v, start: a, end: a + v.length, confidence: 0.9, via: 'label' });
  }
  if (
    !/(?:公司|店|集团|超市|商[场城店行]|百货|药[房店]|餐厅|饭店|酒[楼店]|宾馆|民宿|面馆|健身|游泳馆|俱乐部|美[容发甲]|会所|学校|机构|中心|幼儿园|医院|诊所|门诊|厂|维修|工作室|影[城院]|ktv|KTV|网吧|城|市场|营业厅|加油站)/.test(
      s,
    )
  )
    return out;
  for (const m of s.matchAll(BIZ_RE)) {
    let v = m[0];
    let a = m.index!;
    const cut = BIZ_LEFT_STOP.exec(v);
    const cutApplied = !!cut && cut[0].length <= v.length - 3;
    if (cutApplied) {
      // a stop word inside a place name (呼和浩特, 和田, 于都) cuts nothing: the name starts at the place
      const back = placeAcross(s, a + cut[0].length, a);
      a += cut[0].length - back;
      v = v.slice(cut[0].length - back);
    }
    // a greeting before the name (你好城乡建总公司…): the name follows it
    const hi = /^(?:你好|您好)[，,\s]*/.exec(v);
    if (hi && v.length - hi[0].length >= 3) {
      a += hi[0].length;
      v = v.slice(hi[0].length);
    }
    // "…100号的上海好又多超市": the name starts after the last 的 / address number
    const de = Math.max(v.lastIndexOf('的'), v.search(/\d+号(?!店)[^\d]*$/) >= 0 ? v.search(/号[^号]*$/) : -1);
    if (de >= 0 && v.length - de - 1 >= 3) {
      a += de + 1;
      v = v.slice(de + 1);
    }
    if (v.length < 3 || GENERIC_ONLY.test(v) || PRONOUN.test(v) || DEICTIC.test(v)) continue;
    // "在门店", "先希望门店": a stop word too long to cut before a bare suffix is still no name
    if (cut && !cutApplied && GENERIC_ONLY.test(v.slice(cut[0].length))) continue;
    // 新店镇, 东店村: a place name, not a shop
    if (/^[镇乡村路街区县]/.test(s.slice(a + v.length, a + v.length + 1))) continue;
    if (/厂$/.test(v) && v.length < 4) continue;
    if (FUNCTION_WORD.test(v.replace(/有限公司|有限责任公司/, ''))) continue;
    // a clause before a bare suffix is no name: a time or a thought (当时店里, 至今店家, 后期因工厂, 觉得大厂), a count
    // (两家装修公司, 第三分公司), a role (销售店铺, 总部店), or a 的, a thought or a turn of the story inside
    // (除甲醛的公司, 个人认为比宝山宾馆, 发现酒店, 然而门店, 恢复出厂)
    if (
      CLAUSE_HEAD.test(v) ||
      CLAUSE_ANY.test(v) ||
      /^(?:店[铺家员里面]|厂[家里商])/.test(s.slice(a + v.length - 1, a + v.length + 1))
    )
      continue;
    if (v.length > 16 && !/有限(?:责任)?公司$/.test(v)) continue;
    // a bare 公司 names someone only with its trade (装饰公司, 科技公司) or a longer name
    if (
      /(?<!有限|责任|分|总|集团)公司$/.test(v) &&
      v.length < 6 &&
      !/(?:装饰|装修|科技|家居|家具|物业|旅行|保险|租赁|教育|培训|健身|网络|信息|传媒|文化|贸易|商贸|实业|汽车|房产|地产|中介|快递|物流|航空|通信|电器|食品|医药)公司$/.test(
        v,
      )
    )
      continue;
    if (/^[\d\s]+/.test(v) && !/^\d+[\u4e00-\u9fa5]/.test(v)) continue;
    if (out.some((o) => a < o.end && a + v.length > o.start)) continue;
    const strong = /公司|旗舰店|专卖店|有限|集团/.test(v);
    out.push({ value: v, start: a, end: a + v.length, confidence: strong ? 0.8 : 0.65, via: 'legal' });
  }
  return out;
}

export interface Candidate extends BusinessHit {
  from: 'text' | 'title';
}

/**
 * The business of the complaint. A merchant named in the text beats the platform it sells on (拼多多 is then the
 * platform field); a name seen in the title and the text, or several times, is more likely the respondent; a legal
 * name that contains a known brand keeps the legal name and records the brand. Nothing found → undefined (never a guess).
 */
export function chooseBusiness(all: readonly Candidate[]): Candidate | undefined {
  if (!all.length) return undefined;
  // one candidate per (value, source, place found): repeats are counted, not compared pairwise (a 1 MB paste names the
  // same shop thousands of times)
  const count = new Map<string, number>();
  const inTitle = new Set<string>();
  const cands: Candidate[] = [];
  for (const c of all) {
    const k = c.value;
    count.set(k, (count.get(k) ?? 0) + 1);
    if (c.from === 'title') inTitle.add(k);
    if ((count.get(k) ?? 0) <= 2 || c.via !== 'lexicon') cands.push(c);
    if (cands.length > 400) break;
  }
  const named = cands.filter((c) => c.via === 'lexicon' || c.via === 'registry');
  const scored: Candidate[] = [];
  for (const c of cands) {
    let conf = c.confidence;
    let out: Candidate = c;
    if (c.via === 'legal' || c.via === 'label' || c.via === 'tagger') {
      const inner = named.find((n) => n.from === c.from && n.start >= c.start && n.end <= c.end);
      if (inner) {
        // a learned span around a known name adds nothing: the name, canonical, is the answer
        if (c.via === 'tagger') continue;
        // a platform inside a shop name (淘宝上的XX店) is where it sells, not its brand — unless the name is the
        // platform's own shop (天猫超市, 京东自营店)
        // a mall inside a shop name (呼和浩特市红星美凯龙曲美家居店) is where the shop stands: the shop, not the mall
        if (inner.venue && c.end - c.start > inner.end - inner.start + 2) {
          /* the shop's own name stands: nothing borrowed from the mall */
        } else if (!(inner.platform && c.end - c.start > inner.end - inner.start + 3)) {
          conf = Math.max(conf, inner.confidence) + 0.05;
          out = {
            ...c,
            brand: inner.value,
            platform: inner.platform && c.via !== 'label' && c.end - c.start <= inner.end - inner.start + 2,
          };
        }
      }
    }
    const key = out.brand ?? out.value;
    if ((count.get(key) ?? 0) + (out.brand ? (count.get(out.brand) ?? 0) : 0) > 1) conf += 0.04;
    if (inTitle.has(key) && c.from === 'text') conf += 0.04;
    scored.push({ ...out, confidence: conf });
  }
  // a name inside a longer legal/label candidate that carries it as its brand is represented by that candidate
  const wrappers = scored.filter((o) => o.brand !== undefined);
  const kept = wrappers.length
    ? scored.filter(
        (c) =>
          !wrappers.some(
            (o) =>
              o !== c && o.from === c.from && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start,
          ),
      )
    : scored;
  const merchant = kept.filter((c) => !c.platform);
  const pool = merchant.some((c) => c.confidence >= 0.6) ? merchant : kept;
  // best confidence; ties → the earliest mention in the text, the title last
  let best: Candidate | undefined;
  for (const c of pool) {
    if (
      !best ||
      c.confidence > best.confidence + 1e-9 ||
      (Math.abs(c.confidence - best.confidence) < 1e-9 &&
        ((c.from === 'text' && best.from === 'title') || (c.from === best.from && c.start < best.start)))
    )
      best = c;
  }
  if (!best) return undefined;
  return { ...best, confidence: Math.min(0.97, Math.round(best.confidence * 100) / 100) };
}
