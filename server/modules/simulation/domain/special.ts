/** Tickets of the planted phenomena: group disputes, concentrated demands, honest heavy filers, professionals. */
import type { TifTicket } from '../../../../shared/tif.js';
import { rngFor, type Rng } from './rng.js';
import type { City, SimPerson } from './city.js';
import { fmtAmount, fmtDate, isoOf, dayNum, orderNo } from './formats.js';
import { PLATFORMS } from './names.js';
import { closing, complaintText, complaintTitle, opening, shortName, type Voice } from './grammar.js';
import { consultationText, reportText } from './grammar-other.js';
import {
  CHANNEL_SHARES,
  catByName,
  complainantOf,
  pickCat,
  pickProblem,
  type pickSeller,
  purchaseFor,
  receivedAt,
  respondentOf,
  price,
} from './ordinary.js';
import { CONC_FOODS, type ConcSpec, type GroupSpec, type HonestSpec, type ProSpec } from './plan.js';
import { proAmount, proComplaint, proReport, type ProSlots } from './templates.js';
import { noisy } from './formats.js';

type T = TifTicket;

const voiceFor = (r: Rng, person: SimPerson, channel?: string): Voice => {
  const ch = channel ?? r.wpick(CHANNEL_SHARES);
  return { operator: (ch === 'phone' || ch === '12345') && r.chance(0.9), person, channel: ch, bizInText: 'name' };
};

// ---------------------------------------------------------------- group disputes
export function groupTicket(r: Rng, g: GroupSpec, person: SimPerson, iso: string): T {
  const v = voiceFor(r, person);
  const S = v.operator ? r.pick(['其', '来电人']) : r.pick(['我', '本人']);
  const b = g.biz;
  const bn = r.chance(0.8) ? b.name : r.chance(0.5) ? shortName(b) : `${b.name}（${b.address}）`;
  const item = r.pick(g.items);
  const amount = price(r, 800, 20000);
  const amt = fmtAmount(r, amount);
  const closeDate = fmtDate(r, isoOf(g.start), iso);
  const kind = r.wpick<string>([
    ['complaint', 85],
    ['report', 7],
    ['consultation', 8],
  ]);
  const event = r.pick([
    `${bn}突然关门了`,
    `${bn}门口贴了停业通知，说是“装修升级”`,
    `${bn}老板联系不上，店里已经搬空了`,
    `去${bn}发现门锁了，人去楼空`,
    `${bn}的会员群被解散，前台电话打不通`,
    `听说${bn}要跑路了，已经好几天没开门`,
    `${bn}从${closeDate}起就没有营业`,
    `${bn}卷款跑路了`,
  ]);
  const holding = r.pick([
    `${S}在该店办了${item}，充值${amt}，还剩一大半没用`,
    `${S}还有${r.int(5, 60)}节课没上，课时费${amt}`,
    `${S}${r.pick(['去年', '今年年初', '几个月前'])}办的${item}，${amt}，才用了几次`,
    `${S}的${item}余额还有${amt}`,
    `上个月刚被店员劝着续费了${amt}`,
    `${S}给孩子报的${item}交了${amt}`,
  ]);
  const peers = r.pick([
    '',
    '，和我情况一样的会员很多',
    '，很多会员都在找老板',
    '，群里已经有几十个人了',
    '，门口围了很多人',
    '',
  ]);
  const demand = r.pick([
    '要求退还剩余费用',
    '要求退还预付款',
    '希望政府部门出面处理',
    '请求帮忙追回钱款',
    '要求查处这种卷款跑路的行为',
    '希望能退钱',
  ]);
  let text: string;
  let problem = r.wpick<string>([
    ['合同', 85],
    ['售后服务', 7],
    ['虚假宣传', 4],
    ['其他', 4],
  ]);
  if (kind === 'report') {
    text = `${r.pick(['举报', '实名举报', ''])}${bn}收取${r.pick(['预付款', '会员费', '课时费'])}后${r.pick(['卷款停业', '关门跑路', '拒不退款'])}，${holding}${peers}。请依法查处。`;
  } else if (kind === 'consultation') {
    text = `${r.pick(['请问', '想咨询一下，', ''])}${bn}关门了，${r.pick(['预付卡的钱怎么追回', '我们该找谁', '可以到哪里登记', '剩下的课时费能退吗'])}？`;
    problem = '合同';
  } else {
    text = `${opening(r, v)}${event}${r.pick(['，', '。'])}${holding}${peers}。${r.chance(0.5) ? `${demand}。` : ''}${closing(r, v)}`;
  }
  text = noisy(r, text, v.operator ? 0.2 : 0.6);
  const t: T = {
    id: '',
    kind,
    received_at: receivedAt(r, iso, v.channel),
    channel: v.channel,
    text,
    complainant: complainantOf(r, person, v.channel),
  };
  if (kind !== 'consultation' || r.chance(0.5))
    t.respondent = {
      name: b.name,
      ...(r.chance(0.6) ? { address: b.address } : {}),
      ...(r.chance(0.3) ? { credit_code: b.credit_code } : {}),
    };
  if (kind !== 'consultation') t.amount = amount;
  if ((v.channel === 'web' || v.channel === 'app') && r.chance(0.5))
    t.title = r.pick([
      `${shortName(b)}跑路`,
      `${shortName(b)}关门不退费`,
      '预付卡退费',
      `投诉${shortName(b)}`,
      '商家跑路',
    ]);
  t.labels = { goods_service: g.cat, problem, kind };
  t.extra = { district_code: b.district_code, street_code: b.street_code, birth_year: person.birth.y };
  return t;
}

// ---------------------------------------------------------------- concentrated demands
export function concTicket(r: Rng, city: City, c: ConcSpec, person: SimPerson, iso: string): T {
  const v = voiceFor(r, person);
  const S = v.operator ? '其' : r.pick(['我', '本人']);
  const brandRef = c.model
    ? r.pick([
        `${c.brand}${c.model}`,
        `${c.brand} ${c.model}`,
        `${c.brand}牌${c.model}`,
        `${c.brand}的${c.model}`,
        `${c.brand}`,
      ])
    : c.brand;
  let cat = '';
  let problem = '';
  let body = '';
  let item = '';
  let forceOnline: boolean | undefined;
  switch (c.topic) {
    case 0:
      cat = '家用电子电器类';
      item = '充电宝';
      problem = r.chance(0.75) ? '安全' : '售后服务';
      body = r.pick([
        `看到新闻说${brandRef}充电宝因为电芯问题召回，${S}买的就是这个型号，联系商家退货，商家一直拖着`,
        `${S}的${brandRef}移动电源在召回名单里，现在坐飞机都不能带，要求退货退款`,
        `${brandRef}充电宝3C认证被撤销了，${S}买的这个商家不给退`,
        `${S}买的${brandRef}充电宝用的时候发烫鼓包，网上说这批要召回`,
        `${brandRef}召回，店家说要寄回厂家，等了半个月没消息`,
      ]);
      break;
    case 1:
      cat = '食品类';
      item = c.model || r.pick(CONC_FOODS);
      problem = r.chance(0.8) ? '安全' : '质量';
      body = r.pick([
        `新闻曝光${c.brand}的${item}生产环境脏乱、使用过期原料，${S}家里还有好几包，要求退货`,
        `${S}买了${c.brand}${item}，看了曝光视频不敢吃了，商家说食品不退`,
        `${c.brand}牌${item}被曝光存在食品安全问题，要求商家下架并退款`,
        `孩子吃了${c.brand}${item}后肚子不舒服，最近新闻说这个牌子有问题`,
        `${c.brand}${item}曝光之后超市还在卖`,
      ]);
      break;
    case 2:
      cat = '电信服务';
      item = '手机套餐';
      problem = r.chance(0.6) ? '合同' : '价格';
      body = r.pick([
        `${c.brand}未经同意把${S}的套餐资费调高了`,
        `${c.brand}通知说原来的套餐下线，要强制转成更贵的新套餐`,
        `${c.brand}营业厅说老套餐不能保留，每月多扣了二三十元`,
        `收到${c.brand}短信说资费调整，${S}不同意也被改了`,
        `${c.brand}擅自变更套餐，流量少了钱还多了`,
      ]);
      break;
    case 3:
      cat = '交通工具类';
      item = '电动自行车电池';
      problem = r.chance(0.6) ? '质量' : '安全';
      body = r.pick([
        `${S}的${brandRef}电动车电池用了不到半年就充不进电，网上很多人一样`,
        `${brandRef}电池鼓包，门店说不在保修范围`,
        `${c.brand}电动车电池批量出问题，续航从六十公里掉到二十公里`,
        `${brandRef}电池充电时冒烟，吓死人了`,
        `买的${c.brand}电动车，电池厂家召回但门店不给换`,
      ]);
      break;
    default:
      cat = '文化、娱乐、体育服务';
      item = '演唱会门票';
      problem = r.chance(0.7) ? '合同' : '价格';
      forceOnline = r.chance(0.6);
      body = r.pick([
        `${c.brand}演唱会临时取消，票款到现在都没退`,
        `买了${c.brand}演唱会的票，主办方改期后不给退`,
        `${c.brand}演唱会退票要扣30%手续费`,
        `${c.brand}演唱会取消了，票务平台说要等主办方退款`,
        `${S}在黄牛那里买的${c.brand}演唱会门票，演出取消了找不到人退`,
      ]);
  }
  const catDef = catByName(cat);
  let p = purchaseFor(r, city, catDef, problem as never, iso, {
    forceOnline,
    item: catDef.items.some((x) => x[0] === item) ? item : undefined,
  });
  if (c.topic === 2) {
    const list = city.localByKind.get('telecom') ?? [];
    if (list.length) p = { ...p, biz: list[r.int(0, list.length - 1)], platform: undefined, order: undefined };
  }
  p.item = item;
  const kind = r.wpick<string>([
    ['complaint', 78],
    ['report', 8],
    ['consultation', 14],
  ]);
  let text: string;
  if (kind === 'consultation')
    text = `${v.operator ? r.pick(['来电人咨询：', '市民来电咨询，']) : r.pick(['请问', '想问一下，', ''])}${body}，${r.pick(['这种情况怎么处理', '能退吗', '应该找谁', '有没有统一的处理办法'])}？`;
  else if (kind === 'report')
    text = `${r.pick(['举报', '反映', ''])}${p.biz ? p.biz.name : '商家'}${r.pick(['仍在销售问题商品', '不配合召回', '擅自变更合同'])}，${body}。请依法查处。`;
  else {
    const where = p.biz ? (p.platform ? `在${p.platform}的${p.biz.name}买的，` : `在${p.biz.name}买的，`) : '';
    text = `${opening(r, v)}${body}。${r.chance(0.6) ? where + fmtAmount(r, p.amount) + '。' : ''}${r.pick(['要求退款。', '要求退货退款。', '希望统一处理。', '要求赔偿。', '要求恢复原套餐。'.replace('原套餐', c.topic === 2 ? '原套餐' : '原状'), ''])}${closing(r, v)}`;
  }
  text = noisy(r, text, v.operator ? 0.2 : 0.6);
  const t: T = {
    id: '',
    kind,
    received_at: receivedAt(r, iso, v.channel),
    channel: v.channel,
    text,
    complainant: complainantOf(r, person, v.channel),
  };
  if (kind !== 'consultation' && p.biz) {
    if (r.chance(0.85)) t.respondent = respondentOf(r, p);
    t.extra = { district_code: p.biz.district_code, street_code: p.biz.street_code };
  }
  if (kind === 'complaint') t.amount = p.amount;
  t.labels = { goods_service: cat, problem, kind };
  t.extra = { ...(t.extra ?? {}), birth_year: person.birth.y };
  return t;
}

// ---------------------------------------------------------------- honest heavy complainants
const ELDER_CATS = [
  '医药及医疗用品类',
  '食品类',
  '电信服务',
  '生活、社会服务类',
  '邮政业服务',
  '日用商品类',
  '卫生保健服务',
  '公共设施服务',
  '家用电子电器类',
];

export function honestTicket(r: Rng, city: City, h: HonestSpec, person: SimPerson, iso: string, n: number): T {
  let cat = pickCat(r);
  let sold: ReturnType<typeof pickSeller> | undefined;
  let prefix: string | undefined;
  let channel: string | undefined;
  const v0 = voiceFor(r, person);
  if (h.kind === 'renovation' && h.biz && r.chance(0.5)) {
    cat = catByName(r.chance(0.7) ? '房屋装修及物业服务类' : '房屋及建材类');
    sold = { biz: h.biz };
    if (n > 0 && r.chance(0.4))
      prefix = r.pick([
        '再次反映：',
        '之前反映过的装修问题至今没有解决，',
        '补充反映：',
        `关于${shortName(h.biz)}装修的问题，`,
      ]);
  } else if (h.kind === 'renovation') {
    cat = catByName(r.pick(['房屋及建材类', '家用电子电器类', '房屋装修及物业服务类', '日用商品类']));
  } else if (h.kind === 'closure' && h.biz && r.chance(0.3)) {
    cat = catByName(
      h.biz.kind === 'gym' ? '文化、娱乐、体育服务' : h.biz.kind === 'education' ? '教育培训服务' : '生活、社会服务类',
    );
    sold = { biz: h.biz };
    if (n > 0) prefix = r.pick(['再次反映：', '之前投诉的店铺关门的事情还没有结果，', '']);
  } else if (h.kind === 'elderly') {
    cat = catByName(r.pick(ELDER_CATS));
    channel = r.chance(0.6) ? 'phone' : r.pick(['12345', 'web']);
  } else if (h.kind === 'association') {
    channel = r.pick(['web', 'web', 'letter']);
    const who = `${r.pick(['王', '李', '张', '刘', '陈', '周', '徐', '沈', '陆'])}${r.pick(['先生', '女士', '阿姨', '老伯'])}`;
    prefix = r.pick([
      `受消费者${who}委托，现转交其投诉：`,
      `本会接到消费者${who}投诉，现转请贵局处理：`,
      `消费者${who}向本会反映，`,
      `转办：消费者${who}反映，`,
    ]);
  } else if (h.kind === 'community') {
    const who = `${r.pick(['王', '李', '张', '刘', '陈', '周', '徐', '沈', '陆', '顾'])}${r.pick(['阿姨', '老伯', '先生', '女士', '奶奶'])}`;
    prefix = r.pick([
      `我是居委会工作人员，代小区居民${who}反映：`,
      `我代邻居${who}来反映一下，`,
      `社区法律援助工作站代居民${who}投诉：`,
      `帮我们小区${who}反映个事，`,
    ]);
  }
  const problem = pickProblem(r, cat);
  const v: Voice = {
    ...v0,
    channel: channel ?? v0.channel,
    operator:
      h.kind === 'association' || h.kind === 'community' ? true : channel === 'phone' ? r.chance(0.9) : v0.operator,
  };
  const p = purchaseFor(r, city, cat, problem, iso, { sold, maxQty: 3 });
  if (h.kind === 'elderly') p.amount = Math.min(p.amount, price(r, 20, 2000));
  const kind = r.wpick<string>([
    ['complaint', 88],
    ['consultation', 8],
    ['report', 4],
  ]);
  const text =
    kind === 'complaint'
      ? complaintText(r, p, v, { prefix })
      : kind === 'report'
        ? reportText(r, p, v)
        : (prefix ?? '') + consultationText(r, p, v);
  const t: T = { id: '', kind, received_at: receivedAt(r, iso, v.channel), channel: v.channel, text };
  t.complainant = person.org
    ? { id: person.id, name: person.name, phone: person.phone, address: person.address }
    : complainantOf(r, person, v.channel);
  if (kind !== 'consultation' && p.biz) {
    const resp = respondentOf(r, p);
    if (resp) t.respondent = resp;
    t.extra = { district_code: p.biz.district_code, street_code: p.biz.street_code };
  }
  if (kind === 'complaint') t.amount = p.amount;
  if ((v.channel === 'web' || v.channel === 'app') && r.chance(0.5) && kind === 'complaint')
    t.title = complaintTitle(r, p, v);
  t.labels = { goods_service: cat.cat, problem, kind };
  t.extra = { ...(t.extra ?? {}), ...(person.org ? {} : { birth_year: person.birth.y }) };
  return t;
}

// ---------------------------------------------------------------- professional claimants
export function proTicket(
  seed: number,
  r: Rng,
  spec: ProSpec,
  s: number,
  person: SimPerson,
  iso: string,
  key: number,
  target: number,
  part: 'c' | 'r' | 'cr',
): T {
  // the purchase behind a complaint/report pair is shared: derive it from (spec, key), not from the day's stream
  const pr = rngFor(seed, 'pro', s, key);
  const t0 = spec.template;
  const biz = spec.targets[Math.min(target, spec.targets.length - 1)]!;
  const product = pr.pick(t0.products);
  const fault = pr.pick(t0.faults);
  const qty = pr.int(t0.qty[0], t0.qty[1]);
  const purchase = isoOf(dayNum(iso) - pr.int(2, 12));
  const plat = biz.platform ? PLATFORMS.find((x) => x.name === biz.platform) : undefined;
  const slots: ProSlots = {
    name: person.name,
    date: purchase,
    shop: biz.name,
    product,
    fault,
    qty,
    where: plat ? `${plat.name}平台“${biz.name}”店铺` : `${biz.name}（${biz.address}）`,
    order: plat ? orderNo(pr, plat.order, purchase) : undefined,
  };
  const channel = r.wpick<string>([
    ['web', 60],
    ['app', 28],
    ['wechat', 10],
    ['phone', 2],
  ]);
  const kind = part === 'r' ? 'report' : 'complaint';
  const text = part === 'r' ? proReport(r, t0, slots) : proComplaint(r, t0, slots, part === 'cr');
  const t: T = {
    id: '',
    kind,
    received_at: receivedAt(r, iso, channel),
    channel,
    text,
    complainant: complainantOf(r, person, 'web'),
  };
  t.respondent = {
    name: biz.name,
    ...(r.chance(0.8) ? { address: biz.address } : {}),
    ...(r.chance(0.7) ? { credit_code: biz.credit_code } : {}),
    ...(biz.platform ? { platform: biz.platform } : {}),
  };
  t.amount = proAmount(slots);
  if (channel !== 'phone' && r.chance(0.6))
    t.title =
      part === 'r'
        ? `举报${shortName(biz)}销售${fault.short}食品`
        : r.pick([
            `投诉${shortName(biz)}`,
            `${product.name}${fault.short}`,
            `要求${t0.demand.includes('三') ? '退一赔三' : '十倍赔偿'}`,
          ]);
  t.labels = { goods_service: product.cat, problem: fault.problem, kind };
  t.extra = {
    district_code: biz.district_code,
    street_code: biz.street_code,
    birth_year: person.birth.y,
    ...(part === 'cr' ? { has_report_part: true } : {}),
  };
  return t;
}
