/**
 * Builds the pre-fill evaluation set (prefill-set.jsonl) deterministically. Each example is a text written in the
 * style of real 12315 complaints, 12345 hotline records, shopping reviews or English CFPB narratives; the expected
 * fields are the slot values the text was composed from, so they are exact by construction. The hand-written cases
 * in handwritten.jsonl are appended as they are. Run: npx tsx server/modules/text/eval/build-prefill-set.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Ex = {
  id: string;
  style: string;
  ref_date: string;
  title?: string;
  text: string;
  expected: Record<string, unknown>;
};

let seed = 20261122;
const rnd = () => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

const SH = [
  ['上海市浦东新区', '浦东新区', '陆家嘴街道', '世纪大道88号'],
  ['上海市徐汇区', '徐汇区', '漕河泾街道', '漕溪北路331号'],
  ['上海市静安区', '静安区', '南京西路街道', '南京西路1618号'],
  ['上海市闵行区', '闵行区', '莘庄镇', '莘建东路58弄2号'],
  ['上海市黄浦区', '黄浦区', '外滩街道', '中山东一路12号'],
  ['上海市杨浦区', '杨浦区', '五角场街道', '淞沪路77号'],
  ['上海市长宁区', '长宁区', '仙霞新村街道', '仙霞路99号'],
  ['上海市普陀区', '普陀区', '长寿路街道', '长寿路155号'],
  ['上海市宝山区', '宝山区', '大场镇', '环镇北路666号'],
  ['上海市松江区', '松江区', '九亭镇', '沪亭北路218号'],
] as const;
const OTHER = [
  ['福州市晋安区', '晋安区', '', '福马路168号'],
  ['杭州市西湖区', '西湖区', '', '文三路90号'],
  ['广州市天河区', '天河区', '', '天河路208号'],
  ['北京市朝阳区', '朝阳区', '', '建国路93号'],
] as const;
const SHOPS = [
  '乐购生活超市',
  '鑫源便利店',
  '悦动健身房',
  '美丽人生美容院',
  '金榜培训中心',
  '百味轩餐厅',
  '华联超市',
  '阳光大药房',
  '星光影城',
  '宏达家具城',
  '小李水果店',
  '优品数码专卖店',
];
const COMPANIES = [
  '上海鼎盛电器有限公司',
  '上海优家装饰工程有限公司',
  '上海易行汽车销售服务有限公司',
  '上海乐享教育科技有限公司',
  '上海康源食品有限公司',
  '上海云途旅行社有限公司',
];
const PRODUCTS = [
  ['进口奶粉', '罐'],
  ['蜂蜜', '瓶'],
  ['月饼礼盒', '盒'],
  ['白酒', '瓶'],
  ['洗衣机', '台'],
  ['空调', '台'],
  ['羽绒服', '件'],
  ['运动鞋', '双'],
  ['保健品', '盒'],
  ['面膜', '盒'],
  ['手机', '部'],
  ['笔记本电脑', '台'],
  ['牛排', '份'],
  ['茶叶', '包'],
  ['电动车', '辆'],
  ['橄榄油', '桶'],
] as const;
const PLATFORMS = [
  ['淘宝', '淘宝'],
  ['京东', '京东'],
  ['拼多多', '拼多多'],
  ['抖音直播间', '抖音'],
  ['美团', '美团'],
  ['天猫', '天猫'],
  ['快手', '快手'],
  ['饿了么', '饿了么'],
  ['唯品会', '唯品会'],
  ['小红书', '小红书'],
] as const;
const CN_NUM = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const CN_AMOUNTS: [string, number][] = [
  ['三百', 300],
  ['五百', 500],
  ['一千二百', 1200],
  ['两千', 2000],
  ['八百八十', 880],
  ['三千五百', 3500],
  ['一万', 10000],
  ['九十九', 99],
];

const pad = (n: number) => String(n).padStart(2, '0');
function phone(): string {
  return `1${pick(['38', '39', '58', '86', '77', '35'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
}
function idNumber(): string {
  const base = `310115${1970 + Math.floor(rnd() * 40)}${pad(1 + Math.floor(rnd() * 12))}${pad(1 + Math.floor(rnd() * 28))}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(base[i]) * w[i]!;
  return base + '10X98765432'[s % 11]!;
}
function date(): [string, string, string] {
  const y = pick([2025, 2026]);
  const m = 1 + Math.floor(rnd() * 10);
  const d = 1 + Math.floor(rnd() * 27);
  return [`${y}-${pad(m)}-${pad(d)}`, `${y}年${m}月${d}日`, `${y}-${pad(m)}-${pad(d)}`];
}

const out: Ex[] = [];
let n = 0;
const add = (style: string, text: string, expected: Record<string, unknown>, title?: string, ref = '2026-11-20') =>
  out.push({ id: `pf-${String(++n).padStart(3, '0')}`, style, ref_date: ref, title, text, expected });

// 1) offline purchase with address, shop, product, quantity, amount, date, phone, demand, legal basis (food: 10x)
for (let i = 0; i < 70; i++) {
  const a = pick(SH);
  const shop = pick(SHOPS);
  const [p, unit] = pick(PRODUCTS);
  const q = 1 + Math.floor(rnd() * 9);
  const amt = 20 + Math.floor(rnd() * 3000);
  const [iso, zh] = date();
  const ph = phone();
  const food = rnd() < 0.5;
  const qtyWord = rnd() < 0.5 ? String(q) : CN_NUM[q]!;
  const text = food
    ? `本人于${zh}在${a[0]}${a[2]}${a[3]}的${shop}购买了${qtyWord}${unit}${p}，共计${amt}元，回家后发现已过保质期。该行为违反了《食品安全法》第一百四十八条，要求商家退款并十倍赔偿，请市场监管部门依法查处。联系电话：${ph}。`
    : `${zh}，我在${a[0]}${a[2]}${a[3]}${shop}买了${qtyWord}${unit}${p}，花了${amt}元，使用不到一周就出现质量问题，商家拒绝退货。根据《消费者权益保护法》，要求退货退款。我的电话${ph}。`;
  add('12315-offline', text, {
    business: shop,
    address: `${a[0]}${a[2]}${a[3]}`,
    district: a[1],
    street: a[2],
    product: p,
    quantity: q,
    amounts: [amt],
    purchase_date: iso,
    phones: [ph],
    demands: food ? ['退款', '十倍赔偿', '查处'] : ['退货', '退款'],
    legal_basis: [food ? '食品安全法第一百四十八条' : '消费者权益保护法'],
  });
}
// 2) online purchase: platform, order number, relative or absolute date, Chinese-numeral amount
for (let i = 0; i < 70; i++) {
  const [pw, pn] = pick(PLATFORMS);
  const [p] = pick(PRODUCTS);
  const [cnA, amt] = pick(CN_AMOUNTS);
  const order = `${Math.floor(1e15 + rnd() * 8e15)}`;
  const rel = rnd() < 0.4;
  const [iso, zh] = date();
  const when = rel ? '昨天' : zh;
  const exp: Record<string, unknown> = {
    platform: pn,
    product: p,
    amounts: [amt],
    order_no: order,
    purchase_date: rel ? '2026-11-19' : iso,
    demands: ['退款', '三倍赔偿'],
    legal_basis: ['消费者权益保护法第五十五条'],
  };
  const text = `${when}在${pw}下单购买了${p}，订单号：${order}，实付${cnA}元。收到货后发现是假货，与宣传严重不符，属于欺诈。依据消费者权益保护法第五十五条，要求退款并三倍赔偿。`;
  add('12315-online', text, exp);
}
// 3) prepaid card / service with a company, landline, ID number, 跑路
for (let i = 0; i < 50; i++) {
  const a = pick(SH);
  const c = pick(COMPANIES);
  const amt = 1000 + Math.floor(rnd() * 20) * 500;
  const [iso, zh] = date();
  const land = `021-${String(5000_0000 + Math.floor(rnd() * 4000_0000))}`;
  const idn = idNumber();
  const text = `投诉${c}，地址${a[0]}${a[3]}。${zh}办理了会员预付卡，充值${amt}元，现在门店关闭联系不上（电话${land}）。本人身份证号${idn}，要求退还余额，并对其依法处理。`;
  add('12315-prepaid', text, {
    business: c,
    address: `${a[0]}${a[3]}`,
    district: a[1],
    amounts: [amt],
    purchase_date: iso,
    phones: [land],
    id_numbers: [idn],
    product: '会员预付卡',
    demands: ['退款', '查处'],
    legal_basis: [],
  });
}
// 4) 12345 hotline records (Fuzhou style): address and place, no purchase
const HOTLINE = [
  ['投诉{a}{r}旁边的内河，河水发黑发臭，垃圾漂浮，希望有关部门尽快处理。', '河水发臭'],
  ['来电人反映{a}{r}附近施工噪音扰民，晚上十点后仍在施工，要求相关部门查处。', '施工噪音'],
  ['市民咨询{a}{r}小区旁的河道整治工程什么时候完工？', '河道整治'],
  ['建议在{a}{r}沿河增设护栏，保障行人安全。', '增设护栏'],
];
for (let i = 0; i < 50; i++) {
  const a = pick([...OTHER, ...SH.map((x) => [x[0], x[1], x[2], x[3]] as const)]);
  const [tpl, title] = pick(HOTLINE);
  const text = tpl!.replace('{a}', a[0]).replace('{r}', a[3]);
  add(
    '12345-hotline',
    text,
    {
      address: `${a[0]}${a[3]}`,
      district: a[1],
      demands: tpl!.includes('查处') ? ['查处'] : [],
      amounts: [],
      phones: [],
    },
    title,
  );
}
// 5) shopping / delivery reviews: mostly nothing to extract (precision test), some with amounts and platform
const REVIEWS = [
  ['书的质量很好，快递也快，五星好评！', {}],
  ['外卖送得太慢了，等了一个多小时，饭都凉了。', {}],
  ['手机用了三天就死机，客服态度很差，要求换货。', { demands: ['换货'] }],
  ['酒店房间很干净，服务热情，下次还来。', {}],
  ['衣服尺码偏小，颜色和图片不一样，已申请退货。', { demands: ['退货'] }],
  ['在京东买的热水器，安装师傅多收了200元材料费。', { platform: '京东', amounts: [200], product: '热水器' }],
  ['蒙牛牛奶是正品，日期新鲜。', {}],
  ['洗发水味道很香，但是有点油，一般般吧。', {}],
  ['电脑开机很快，性价比高，就是散热一般。', {}],
  ['水果坏了好几个，联系卖家只给退了15元。', { amounts: [15] }],
] as const;
for (let i = 0; i < 40; i++) {
  const [t, e] = REVIEWS[i % REVIEWS.length]!;
  add('review', t, { amounts: [], phones: [], demands: [], ...e });
}
// 6) English (CFPB style)
const EN = [
  ['I was charged $ {a} in overdraft fees by my bank and they refuse to refund me. Please help.', ['退款']],
  [
    'The debt collector keeps calling me about a debt I do not owe. I paid {a} dollars already and want an apology.',
    ['道歉'],
  ],
  [
    'My mortgage servicer misapplied my payment of $ {a}. I request a refund and compensation for the late fees.',
    ['退款', '赔偿'],
  ],
] as const;
for (let i = 0; i < 30; i++) {
  const [t, d] = pick(EN);
  const amt = 50 + Math.floor(rnd() * 2000);
  add('cfpb-en', t.replace('{a}', String(amt)), { amounts: [amt], demands: [...d], phones: [] });
}

const here = fileURLToPath(new URL('.', import.meta.url));
const hand = readFileSync(here + 'handwritten.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Ex);
const all = [...out, ...hand];
writeFileSync(here + 'prefill-set.jsonl', all.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`wrote ${all.length} examples (${out.length} composed, ${hand.length} hand-written)`);
