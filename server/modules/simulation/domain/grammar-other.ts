/** Reports (举报), consultations (咨询), suggestions (建议) and requests for help (求助). */
import type { Rng } from './rng.js';
import type { SimPerson } from './city.js';
import { CONSULT_QS, HELPS, REPORT_ACTS, SUGGESTIONS, type Problem } from './lexicon.js';
import { fmtDate, fmtPhone, noisy } from './formats.js';
import { opening, shortName, type Purchase, type Voice } from './grammar.js';

const OBSERVED: Partial<Record<Problem, string[]>> = {
  安全: [
    '后厨地上到处是污水，食材直接放在地上',
    '冷柜里的熟食已经过期好几天',
    '店员不戴口罩手套直接抓熟食',
    '卖的{x}没有生产日期',
  ],
  质量: ['货架上的{x}已经过期还在卖', '{x}没有中文标签', '{x}没有合格证'],
  虚假宣传: ['店门口的广告牌写着“全市最低价”', '直播间宣称{x}能治病', '宣传单上写“国家级产品”'],
  价格: ['商品没有标价', '价签价格和收银价格不一致', '同一商品原价是虚构的'],
  假冒: ['店里卖的{x}明显是仿冒的名牌', '{x}的商标和正品不一样'],
  计量: ['电子秤明显有问题，一斤少了一两多', '秤被动过手脚'],
  其他: ['没有营业执照也在营业', '营业执照上的经营范围没有这项业务', '店门口长期占道摆放商品'],
};
const LOCATION_ACTS: [string, Problem][] = [
  ['有流动摊贩占道经营卖熟食，没有任何证照', '安全'],
  ['有人摆摊卖水果，秤有问题', '计量'],
  ['有个无证小作坊在生产食品，卫生条件很差', '安全'],
  ['有家黑诊所在给人打针输液', '安全'],
  ['有人在小区里兜售所谓的保健品，说能治百病', '虚假宣传'],
  ['有人摆摊销售来路不明的名牌包', '假冒'],
  ['有家店没有营业执照一直在经营', '其他'],
  ['有人在路边卖散装白酒，没有任何标签', '安全'],
  ['夜市摊位不明码标价，乱要价', '价格'],
];

export function reportText(r: Rng, p: Purchase, v: Voice, o: { act?: string } = {}): string {
  const act = o.act ?? r.pick(REPORT_ACTS[p.problem]);
  const S = v.operator ? r.pick(['其', '来电人']) : r.pick(['我', '本人']);
  const parts: string[] = [];
  if (v.operator) parts.push(r.pick(['来电人举报：', '市民来电举报，', '举报人反映：', '']));
  else parts.push(r.pick(['', '', '您好，', '我要举报', '实名举报：', '匿名举报：']));
  const b =
    p.biz && v.bizInText === 'name'
      ? r.pick([
          p.biz.name,
          `${p.biz.name}（地址：${p.biz.address}）`,
          `位于${p.biz.address}的${p.biz.name}`,
          p.biz.legal_name,
        ])
      : r.pick(['一家店', '附近一家商户', '一家网店']);
  const lead = r.pick([`举报${b}${act}。`, `${b}${act}，特此举报。`, `${b}涉嫌${act}。`, `反映${b}存在${act}的问题。`]);
  parts.push(parts[0] === '我要举报' ? lead.replace(/^举报/, '') : lead);
  if (r.chance(0.7)) {
    const obs = r.pick(OBSERVED[p.problem] ?? OBSERVED['其他']!).replace(/\{x\}/g, p.item);
    parts.push(
      r.pick([
        `${S}于${fmtDate(r, p.purchaseDate, p.today)}在该店消费时发现${obs}。`,
        `${obs}。`,
        `具体情况：${obs}。`,
        `${S}去买${p.item}时看到${obs}。`,
      ]),
    );
  }
  if (r.chance(0.4)) parts.push(r.pick(['现场拍了照片。', '有视频为证。', '附件是购物小票和照片。', '已保留证据。']));
  parts.push(
    r.pick([
      '请依法查处。',
      '要求市场监管部门立即查处。',
      '请相关部门尽快处理，并对举报人信息保密。',
      '希望尽快处理。',
      '请核实处理。',
      '如查证属实，申请举报奖励。',
    ]),
  );
  return noisy(r, parts.join(''), v.operator ? 0.2 : 0.5);
}

/** A report about a place with no identifiable business; returns text and the place written in `location`. */
export function locationReport(r: Rng, v: Voice, place: string): { text: string; problem: Problem } {
  const [act, problem] = r.pick(LOCATION_ACTS);
  const lead = v.operator ? r.pick(['来电人反映：', '市民来电举报，', '']) : r.pick(['', '举报：', '您好，']);
  const when = r.pick(['最近一段时间', '每天晚上', '周末', '早上六七点', '长期', '这几天']);
  const text = `${lead}${place}${r.pick(['附近', '', '门口', '一带'])}${when}${act}。${r.pick(['希望管一管。', '请依法查处。', '影响周边居民生活，请尽快处理。', '多次反映没有结果。'])}`;
  return { text: noisy(r, text, 0.4), problem };
}

export function consultationText(r: Rng, p: Purchase, v: Voice): string {
  const q = r.pick(CONSULT_QS).replace(/\{x\}/g, p.item);
  if (v.operator)
    return r.pick([`来电人咨询：${q}`, `市民来电咨询，${q}`, `来电咨询${q}`, `消费者咨询：${q.replace(/请问/, '')}`]);
  const pre = r.pick(['', '您好，', '你好，', '想咨询一下，', '请教一下，']);
  const ctx = r.chance(0.3) && p.biz ? `我在${shortName(p.biz)}买了${p.item}，` : '';
  return noisy(r, pre + ctx + q, 0.5);
}

export function suggestionText(r: Rng, v: Voice, area: string): string {
  const s = r.pick(SUGGESTIONS).replace(/\{area\}/g, area);
  return (
    (v.operator ? r.pick(['来电人建议：', '市民建议，']) : r.pick(['', '建议：', '我有个建议，'])) +
    s +
    r.pick(['。', '，谢谢。', '！'])
  );
}

export function helpText(r: Rng, v: Voice, item: string, area: string): string {
  const s = r
    .pick(HELPS)
    .replace(/\{x\}/g, item)
    .replace(/\{area\}/g, area);
  const tail = r.chance(0.4) ? `联系电话${fmtPhone(r, v.person.phone)}。` : '';
  return (v.operator ? r.pick(['来电求助：', '市民求助，']) : r.pick(['', '求助：', '您好，'])) + s + '。' + tail;
}

export { opening };
export type { SimPerson };
