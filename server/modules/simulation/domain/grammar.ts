/**
 * A compositional grammar for complaint texts: opening × purchase context × problem × contact history × demand ×
 * legal basis × closing, each with many variants, in the consumer's own voice or as an operator's record of a call.
 * The same facts come out in many shapes so that no single keyword gives a classifier the answer.
 */
import type { Rng } from './rng.js';
import type { SimBusiness, SimPerson } from './city.js';
import { DURATIONS, GENERIC, SYMPTOMS, type CatDef, type Problem } from './lexicon.js';
import { fmtAmount, fmtDate, fmtPhone, noisy } from './formats.js';

export interface Purchase {
  cat: CatDef;
  problem: Problem;
  item: string;
  qty: number;
  amount: number;
  biz?: SimBusiness;
  platform?: string;
  order?: string;
  purchaseDate: string;
  today: string;
}
export interface Voice {
  operator: boolean;
  person: SimPerson;
  channel: string;
  /** how the business is referred to: by name, vaguely, or not at all */
  bizInText: 'name' | 'vague';
}

const fill = (r: Rng, s: string, p: Purchase): string =>
  s
    .replace(/\{x\}/g, p.item)
    .replace(/\{sym\}/g, () => r.pick(SYMPTOMS[p.cat.cat] ?? SYMPTOMS['其他商品和服务']!))
    .replace(/\{dur\}/g, () => r.pick(DURATIONS))
    .replace(/\{p\}/g, () => String(Math.round(p.amount * 1.8)))
    .replace(/\{q\}/g, () => String(p.amount));

export function shortName(b: SimBusiness): string {
  return b.name
    .replace(/\(.*\)$/, '')
    .replace(/^上海(市..区)?/, '')
    .replace(/(有限公司|有限责任公司)$/, '');
}

function subj(r: Rng, v: Voice): string {
  if (!v.operator) return r.chance(0.85) ? '我' : '本人';
  return r.pick(['其', '来电人', '其', '消费者', '诉求人']);
}
function honor(r: Rng, v: Voice): string {
  const sur =
    v.person.name.startsWith('欧阳') || v.person.name.startsWith('诸葛') || v.person.name.startsWith('上官')
      ? v.person.name.slice(0, 2)
      : v.person.name.slice(0, 1);
  return sur + (v.person.male ? '先生' : '女士');
}

export function opening(r: Rng, v: Voice): string {
  if (v.operator) {
    return r.wpick<string>([
      ['来电人反映：', 4],
      ['市民来电反映，', 3],
      [`消费者${honor(r, v)}来电称：`, 3],
      ['诉求人反映：', 2],
      ['12345热线转办：市民反映，', 1],
      [`来电人${honor(r, v)}（${fmtPhone(r, v.person.phone)}）反映：`, 1],
      ['消费者称，', 2],
      ['来电反映：', 2],
      ['', 1],
    ]);
  }
  return r.wpick<string>([
    ['', 10],
    ['您好，', 4],
    ['你好，', 3],
    ['您好！', 1],
    ['12315您好：', 1],
    ['工作人员您好，', 1],
    ['尊敬的市场监督管理局：', 1],
    ['我要投诉！', 1],
    [`本人${v.person.name}，`, 1],
    ['我是一名普通消费者，', 1],
    ['投诉事项：', 1],
    ['麻烦帮忙看一下，', 1],
  ]);
}

function shopRef(r: Rng, p: Purchase, v: Voice): string {
  if (!p.biz || v.bizInText === 'vague') return r.pick(['一家店铺', '一个商家', '一家店', '某店铺', '一家网店']);
  const n = p.biz.name;
  return r.wpick<string>([
    [`“${n}”店铺`, 3],
    [n, 4],
    [`一家叫${n}的店`, 1],
    [`${n}店`, n.endsWith('店') ? 0 : 1],
    [`【${n}】`, 1],
  ]);
}
function bizRef(r: Rng, p: Purchase, v: Voice): string {
  if (!p.biz || v.bizInText === 'vague')
    return r.pick(['附近一家店', '一家店', '小区门口的一家店', '商场里的一家店', '一家门店']);
  const b = p.biz;
  return r.wpick<string>([
    [b.name, 5],
    [`位于${b.address}的${b.name}`, 2],
    [`${b.name}（${b.address}）`, 1],
    [`${b.district}的${shortName(b)}`, 1],
    [b.legal_name, 1],
  ]);
}

function qtyItem(r: Rng, p: Purchase): string {
  if (p.qty <= 1) return r.chance(0.4) ? `一${p.cat.unit}${p.item}` : p.item;
  return r.chance(0.5) ? `${p.item}${p.qty}${p.cat.unit}` : `${p.qty}${p.cat.unit}${p.item}`;
}

export function purchaseSentence(r: Rng, p: Purchase, v: Voice): string {
  const S = subj(r, v);
  const date = fmtDate(r, p.purchaseDate, p.today);
  const amt = fmtAmount(r, p.amount);
  const pay = r.pick(['支付', '付款', '实付', '共计', '花了', '金额']);
  const ord =
    p.order && r.chance(0.7)
      ? r.pick([`，订单号${p.order}`, `（订单号：${p.order}）`, `，订单编号：${p.order}`, `，单号${p.order}`])
      : '';
  if (p.platform) {
    const plat = r.chance(0.2) ? `${p.platform}App` : r.chance(0.3) ? `${p.platform}平台` : p.platform;
    if (p.cat.service) {
      return r.pick([
        `${S}于${date}在${plat}上购买了${shopRef(r, p, v)}的${p.item}，${pay}${amt}${ord}。`,
        `${date}${S}通过${plat}下单了${p.item}${ord}，${pay}${amt}。`,
        `${S}${date}在${plat}开通了${p.item}，${amt}。`,
      ]);
    }
    return r.pick([
      `${S}于${date}在${plat}${shopRef(r, p, v)}购买了${qtyItem(r, p)}，${pay}${amt}${ord}。`,
      `${date}${S}在${plat}上下单了${qtyItem(r, p)}${ord}，${pay}${amt}。`,
      `${S}${date}通过${plat}在${shopRef(r, p, v)}买了${qtyItem(r, p)}，${pay}${amt}。`,
      `${date}，${S}在${plat}买了${qtyItem(r, p)}，${amt}${ord}。`,
      `${S}在${plat}的${shopRef(r, p, v)}买的${p.item}，${date}下的单，${amt}${ord}。`,
    ]);
  }
  if (p.cat.service) {
    return r.pick([
      `${S}于${date}在${bizRef(r, p, v)}办理了${p.item}，${pay}${amt}。`,
      `${date}${S}在${bizRef(r, p, v)}充值${amt}办了${p.item}。`,
      `${S}${date}与${bizRef(r, p, v)}签订了${p.item}合同，合同金额${amt}。`,
      `${S}在${bizRef(r, p, v)}消费（${p.item}），时间${date}，金额${amt}。`,
      `${date}${S}到${bizRef(r, p, v)}做${p.item}，${pay}${amt}。`,
    ]);
  }
  return r.pick([
    `${S}于${date}在${bizRef(r, p, v)}购买了${qtyItem(r, p)}，${pay}${amt}。`,
    `${date}${S}去${bizRef(r, p, v)}买了${qtyItem(r, p)}，${amt}。`,
    `${S}在${bizRef(r, p, v)}买的${p.item}，${amt}，${date}买的。`,
    `${date}，${S}在${bizRef(r, p, v)}选购了${qtyItem(r, p)}，${pay}${amt}，有小票。`,
  ]);
}

export function problemSentence(r: Rng, p: Purchase): string {
  const own = p.cat.faults[p.problem];
  const gen = GENERIC[p.problem][p.cat.service ? 's' : 'g'];
  let s = fill(r, own && r.chance(0.7) ? r.pick(own) : r.pick(gen), p);
  if (r.chance(0.35)) {
    s +=
      r.pick(['，', '。']) +
      r.pick([
        '有照片和视频为证',
        '当时店员还说没问题',
        '现在已经过了七天',
        '包装都还在',
        '聊天记录都保存了',
        '发票也有',
        '根本没法用',
        '家里老人孩子都急着用',
        '这已经是第二次出现这种情况了',
        '这不是第一次了',
        '已经影响到正常生活',
      ]);
  }
  return s + '。';
}

export function contactSentence(r: Rng, p: Purchase, v: Voice): string {
  const S = subj(r, v);
  const who = p.platform ? r.pick(['商家', '客服', '店家', '卖家']) : r.pick(['商家', '店家', '老板', '店员', '对方']);
  const resp = r.pick([
    '对方一直推脱',
    '客服说要等厂家回复，到现在都没消息',
    `${who}拒绝退款`,
    '对方同意换货但一直不发',
    `${who}让${S === '我' ? '我' : '其'}自己承担运费`,
    '电话一直打不通',
    '对方态度很差，直接挂电话',
    `${who}只愿意补偿${Math.max(5, Math.round(p.amount * 0.05))}元`,
    '一直说在处理，没有下文',
    '对方说不是他们的问题',
    '对方说要检测，检测费要我们出',
    '说已经过了退换期',
    '说特价商品不退不换',
    '已读不回',
  ]);
  return r.wpick<string>([
    [`${S}联系${who}，${resp}。`, 4],
    [`与${who}多次协商未果，${resp}。`, 2],
    [`${S}找过${who}，${resp}。`, 2],
    [p.platform ? `申请平台介入，${p.platform}客服说只能协调，${resp}。` : `去店里找过几次，${resp}。`, 2],
    [`后来${S}跟${who}沟通，${resp}。`, 1],
  ]);
}

const DEMANDS: Record<Problem, string[]> = {
  售后服务: ['退货退款', '退款', '免费维修', '换货', '尽快处理售后', '退还货款'],
  合同: ['退还预付款', '按合同履行', '退还定金', '全额退款', '退还剩余费用', '解除合同并退款'],
  质量: ['退货退款', '换一个新的', '退款并赔偿损失', '维修', '退款', '赔偿'],
  虚假宣传: ['退款', '退一赔三', '退货退款并赔偿', '退款并道歉'],
  安全: ['赔偿医药费', '退款并赔偿', '依法查处', '退款', '赔偿损失'],
  价格: ['退还多收的钱', '退还差价', '退款', '按标价结算'],
  假冒: ['退一赔三', '退货退款', '假一赔三', '退款并赔偿'],
  人格权益: ['赔礼道歉', '道歉并删除个人信息', '赔礼道歉并给个说法'],
  计量: ['补足分量', '退款', '退还差价并赔偿'],
  其他: ['协调处理', '给个说法', '退款'],
};
export function demandSentence(r: Rng, p: Purchase, v: Voice): string {
  const d = r.pick(DEMANDS[p.problem]);
  if (v.operator)
    return r.pick([`现来电要求${d}。`, `来电人要求${d}。`, `诉求：${d}。`, `希望商家${d}。`, `其要求${d}。`]);
  return r.pick([
    `现要求${d}。`,
    `希望商家${d}。`,
    `我的诉求是：${d}。`,
    `要求${d}，请12315帮忙处理。`,
    `诉求：${d}`,
    `要求${d}！`,
    `希望能${d}。`,
  ]);
}

const BASES = [
  '根据《消费者权益保护法》第二十四条，经营者提供的商品不符合质量要求的，消费者可以要求退货',
  '按照消法规定网购商品七日无理由退货',
  '依据《部分商品修理更换退货责任规定》',
  '《消费者权益保护法》第五十五条规定了退一赔三',
  '根据《产品质量法》的规定',
  '依照《上海市消费者权益保护条例》',
  '按照《消费者权益保护法》第五十三条，预收款方式提供服务未按约定提供的应当退还预付款',
];

export function closing(r: Rng, v: Voice): string {
  if (v.operator) return r.pick(['', '', '请相关部门核实处理。', '来电人希望尽快得到答复。', '请处理。', '']);
  return r.wpick<string>([
    ['', 6],
    ['请尽快处理，谢谢！', 2],
    ['希望有关部门介入。', 2],
    ['麻烦帮忙处理一下。', 1],
    [`联系电话：${fmtPhone(r, v.person.phone)}`, 1],
    ['谢谢！', 2],
    ['望支持！', 1],
    ['实在没办法了才来投诉。', 1],
    ['这种商家必须管一管。', 1],
    ['已经拖了一个多月了。', 1],
  ]);
}

const PROBLEM_WORDS: Record<Problem, string[]> = {
  售后服务: ['售后问题', '拒绝退款', '退货难', '不给退货'],
  合同: ['不退预付款', '违约', '合同纠纷', '退费问题'],
  质量: ['质量问题', '产品质量差', '有质量问题'],
  虚假宣传: ['虚假宣传', '宣传不实', '夸大宣传'],
  安全: ['食品安全问题', '安全隐患', '存在安全问题'],
  价格: ['乱收费', '价格欺诈', '价格问题'],
  假冒: ['卖假货', '假冒伪劣', '售假'],
  人格权益: ['服务态度恶劣', '泄露个人信息', '侮辱消费者'],
  计量: ['缺斤少两', '分量不足'],
  其他: ['纠纷', '消费纠纷'],
};
export function complaintTitle(r: Rng, p: Purchase, v: Voice): string {
  const pw = r.pick(PROBLEM_WORDS[p.problem]);
  const b = p.biz && v.bizInText === 'name' ? shortName(p.biz) : '';
  return r.wpick<string>([
    [b ? `投诉${b}` : `投诉商家${pw}`, 3],
    [`${p.item}${pw}`, 3],
    [p.platform ? `${p.platform}商家${pw}` : `${p.item}${pw}`, 2],
    [`关于${p.item}的投诉`, 2],
    [b ? `${b}${pw}` : pw, 2],
    [r.pick(['要求退款', '退款问题', '请求帮助', '商家不处理', '维权']), 2],
    [v.channel === '12345' ? `关于${b || p.item}${pw}的诉求` : `${p.item}问题`, 1],
  ]);
}

/** A whole complaint; `reportPart` appends a report of a violation to the same submission. */
export function complaintText(
  r: Rng,
  p: Purchase,
  v: Voice,
  o: { reportPart?: string; prefix?: string; noise?: number } = {},
): string {
  const parts: string[] = [];
  parts.push(o.prefix ?? opening(r, v));
  const order = r.next();
  const pur = purchaseSentence(r, p, v);
  const prob = problemSentence(r, p);
  if (order < 0.8) parts.push(pur, prob);
  else parts.push(prob.replace(/。$/, '，'), pur);
  if (r.chance(0.7)) parts.push(contactSentence(r, p, v));
  if (r.chance(0.15)) parts.push(r.pick(BASES) + '。');
  // ordinary consumers also claim punitive damages now and then: the claim alone must not mark a professional
  else if (p.cat.cat === '食品类' && (p.problem === '安全' || p.problem === '质量') && r.chance(0.08)) {
    parts.push(
      r.pick([
        '根据食品安全法第一百四十八条，要求十倍赔偿。',
        '按照《食品安全法》规定要求退一赔十。',
        '听说可以要求十倍赔偿，',
      ]),
    );
  }
  if (o.reportPart) parts.push(o.reportPart);
  if (r.chance(0.9)) parts.push(demandSentence(r, p, v));
  parts.push(closing(r, v));
  return noisy(r, parts.join(''), o.noise ?? (v.operator ? 0.2 : 0.6));
}
