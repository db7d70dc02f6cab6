/**
 * Templated texts of profit-seeking professional claimants (职业索赔/职业举报) and colluding groups: one skeleton per
 * template, chosen once, then filled slot by slot (date, shop, product, quantity, amount, order number, fault).
 * Near-identical texts across tickets are what the "模板化诉求文本" criterion looks for.
 */
import type { Rng } from './rng.js';
import type { Problem } from './lexicon.js';

export interface ProProduct {
  name: string;
  price: number;
  unit: string;
  cat: string;
}
export interface ProFault {
  text: string;
  short: string;
  problem: Problem;
}

export const PRO_PRODUCTS: ProProduct[] = [
  { name: '进口饼干', price: 35, unit: '盒', cat: '食品类' },
  { name: '蜂蜜', price: 68, unit: '瓶', cat: '食品类' },
  { name: '即食燕窝', price: 128, unit: '瓶', cat: '食品类' },
  { name: '代餐粉', price: 99, unit: '罐', cat: '食品类' },
  { name: '压片糖果', price: 59, unit: '瓶', cat: '食品类' },
  { name: '牛肉干', price: 39, unit: '袋', cat: '食品类' },
  { name: '固体饮料', price: 88, unit: '盒', cat: '食品类' },
  { name: '果蔬酵素', price: 158, unit: '瓶', cat: '食品类' },
  { name: '阿胶糕', price: 128, unit: '盒', cat: '食品类' },
  { name: '橄榄油', price: 89, unit: '瓶', cat: '食品类' },
  { name: '进口巧克力', price: 45, unit: '盒', cat: '食品类' },
  { name: '黑芝麻丸', price: 49, unit: '盒', cat: '食品类' },
  { name: '进口红酒', price: 168, unit: '瓶', cat: '烟、酒和饮料类' },
  { name: '保健酒', price: 198, unit: '瓶', cat: '烟、酒和饮料类' },
  { name: '白茶饼', price: 298, unit: '饼', cat: '烟、酒和饮料类' },
  { name: '人参片', price: 298, unit: '盒', cat: '医药及医疗用品类' },
  { name: '医用冷敷贴', price: 89, unit: '盒', cat: '医药及医疗用品类' },
  { name: '祛斑霜', price: 199, unit: '瓶', cat: '日用商品类' },
];
export const PRO_FAULTS: ProFault[] = [
  { text: '标签未标注生产日期和保质期', short: '未标注生产日期', problem: '质量' },
  { text: '配料表中的食品添加剂未标注具体名称', short: '标签不合格', problem: '质量' },
  { text: '为进口食品但没有中文标签', short: '无中文标签', problem: '安全' },
  { text: '已超过保质期', short: '过期', problem: '安全' },
  { text: '标签宣称具有降血糖、降血压等保健功能', short: '宣称保健功能', problem: '虚假宣传' },
  { text: '营养成分表中能量值的标示不符合GB 28050的规定', short: '营养成分表不合格', problem: '质量' },
  { text: '标注的食品生产许可证编号经查询不存在', short: '生产许可证编号虚假', problem: '假冒' },
  { text: '标称“零添加”但配料表中含有山梨酸钾', short: '虚假标注零添加', problem: '虚假宣传' },
  { text: '净含量的标示字符高度不符合规定', short: '净含量标示不规范', problem: '计量' },
  { text: '配料中含有国家禁止添加的物质', short: '非法添加', problem: '安全' },
  { text: '标签上的生产日期为加贴，存在篡改嫌疑', short: '篡改生产日期', problem: '安全' },
];

const INTRO = [
  '{name}于{date}在{where}购买{product}{qty}，共支付{amount}{order}。',
  '投诉人于{date}通过{where}向被投诉人购买了{product}，数量{qty}，实付款{amount}{order}。',
  '本人{date}在{where}购买{product}{qty}，单价{unit}元，合计{amount}{order}。',
  '{date}，消费者{name}在被投诉人{where}处购买{product}{qty}，支付价款{amount}{order}。',
  '投诉请求：退还货款并赔偿。事实与理由：投诉人于{date}在{where}购买了{product}{qty}，金额{amount}{order}。',
];
const FAULT = [
  '收货后发现涉案产品{fault}。',
  '经仔细查看，该商品{fault}，',
  '投诉人发现，上述商品存在以下问题：{fault}。',
  '该产品{fault}，',
  '到货后发现该{product}{fault}。',
];
const LAW = [
  '违反了《中华人民共和国食品安全法》第六十七条的规定，属于不符合食品安全标准的食品。',
  '根据《食品安全国家标准 预包装食品标签通则》（GB 7718-2011），该标签不合格。',
  '上述行为违反了《食品安全法》第三十四条、第七十一条之规定。',
  '经营者明知该商品不符合食品安全标准仍然销售，',
  '被投诉人的行为已构成欺诈。',
];
const DEMAND = [
  '依据《中华人民共和国食品安全法》第一百四十八条第二款，要求被投诉人退还货款{amount}，并支付价款十倍赔偿金{ten}元。',
  '现要求退一赔十，共计{total}元。',
  '根据《消费者权益保护法》第五十五条，要求退一赔三，赔偿金额不足五百元的按五百元计算。',
  '根据食品安全法148条，要求十倍赔偿，不足一千元的按一千元赔偿。',
  '要求被投诉人按照《食品安全法》第148条支付十倍赔偿金{ten}元。',
];
const CLOSE = [
  '请贵局依法调解，维护消费者合法权益。',
  '恳请贵局依法处理。',
  '望尽快处理！',
  '如调解不成，请依法对被投诉人的违法行为进行查处。',
  '',
];
const R_LEAD = [
  '举报{where}销售{short}的{product}。',
  '举报被举报人{shop}经营{short}的食品。',
  '实名举报{shop}销售的{product}{short}。',
];
const R_FACT = [
  '举报人于{date}在被举报人处购买{product}{qty}，发现{fault}，',
  '{date}购买的{product}{fault}，',
  '经查，涉案{product}{fault}，',
];
const R_ASK = [
  '请依法立案查处，并根据《市场监管领域重大违法行为举报奖励暂行办法》给予举报奖励。',
  '请求依法查处并将处理结果书面告知举报人。',
  '请依据《食品安全法》第一百二十五条对其进行处罚。',
];

export interface ProTemplate {
  id: string;
  intro: string;
  fault: string;
  law: string;
  demand: string;
  close: string;
  rLead: string;
  rFact: string;
  rAsk: string;
  products: ProProduct[];
  faults: ProFault[];
  /** date notation the person always uses */
  dateStyle: 0 | 1 | 2;
  /** typical bulk quantities */
  qty: [number, number];
}

export function makeTemplate(r: Rng, id: string): ProTemplate {
  const focusCat = r.wpick<string>([
    ['食品类', 7],
    ['烟、酒和饮料类', 1.5],
    ['医药及医疗用品类', 1],
    ['日用商品类', 0.5],
  ]);
  const pool = PRO_PRODUCTS.filter((p) => p.cat === focusCat);
  const products = r.shuffle([...pool]).slice(0, r.int(1, Math.min(3, pool.length)));
  const faults = r.shuffle([...PRO_FAULTS]).slice(0, r.int(1, 3));
  return {
    id,
    intro: r.pick(INTRO),
    fault: r.pick(FAULT),
    law: r.pick(LAW),
    demand: r.pick(DEMAND),
    close: r.pick(CLOSE),
    rLead: r.pick(R_LEAD),
    rFact: r.pick(R_FACT),
    rAsk: r.pick(R_ASK),
    products,
    faults,
    dateStyle: r.pick([0, 1, 2] as const),
    qty: r.pick([
      [10, 30],
      [20, 60],
      [5, 20],
      [30, 100],
    ] as [number, number][]),
  };
}

export interface ProSlots {
  name: string;
  date: string; // ISO
  shop: string;
  where: string;
  order?: string;
  product: ProProduct;
  fault: ProFault;
  qty: number;
}

function fmtProDate(t: ProTemplate, iso: string): string {
  const [y, m, d] = [iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
  return t.dateStyle === 0 ? `${y}年${m}月${d}日` : t.dateStyle === 1 ? iso : `${y}.${m}.${d}`;
}

function fillSlots(t: ProTemplate, s: string, v: ProSlots): string {
  const amount = Math.round(v.qty * v.product.price * 100) / 100;
  const ten = Math.max(1000, amount * 10);
  return s
    .replace(/\{name\}/g, v.name)
    .replace(/\{date\}/g, fmtProDate(t, v.date))
    .replace(/\{where\}/g, v.where)
    .replace(/\{shop\}/g, v.shop)
    .replace(/\{product\}/g, v.product.name)
    .replace(/\{qty\}/g, `${v.qty}${v.product.unit}`)
    .replace(/\{unit\}/g, String(v.product.price))
    .replace(/\{amount\}/g, `${amount}元`)
    .replace(/\{ten\}/g, String(ten))
    .replace(/\{total\}/g, String(amount + ten))
    .replace(/\{order\}/g, v.order ? `，订单号：${v.order}` : '')
    .replace(/\{fault\}/g, v.fault.text)
    .replace(/\{short\}/g, v.fault.short);
}

/** Complaint text from the template; a small share of tickets carry a stray edit so they are near-, not exact, copies. */
export function proComplaint(r: Rng, t: ProTemplate, v: ProSlots, withReport: boolean): string {
  let s = fillSlots(t, t.intro + t.fault + t.law + t.demand, v);
  if (withReport)
    s +=
      fillSlots(t, '同时举报被投诉人' + t.rLead.replace(/^举报(被举报人)?/, '').replace(/^实名举报/, ''), v) +
      fillSlots(t, t.rAsk, v);
  s += t.close;
  if (r.chance(0.1)) s += r.pick(['（购物凭证见附件）', '附：购物小票、商品照片。', '特此投诉。']);
  if (r.chance(0.05)) s = s.replace('，', ',');
  return s;
}

export function proReport(r: Rng, t: ProTemplate, v: ProSlots): string {
  let s = fillSlots(t, t.rLead + t.rFact + t.law + t.rAsk, v);
  if (r.chance(0.08)) s += '举报人联系方式见登记信息。';
  return s;
}

export function proAmount(v: ProSlots): number {
  return Math.round(v.qty * v.product.price * 100) / 100;
}
