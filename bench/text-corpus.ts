/** Synthetic complaint corpus for scale benchmarks: varied sentences, many businesses, and planted templates. */
import type { TifTicket } from '../shared/tif.js';

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const SYL = '金银华美乐康鑫源盛达兴隆福安宏泰佳和信诚优品百味天地新意星光阳光海天东方明珠长江嘉禾永辉'.split('');
const KINDS = [
  '超市',
  '便利店',
  '健身房',
  '美容院',
  '培训中心',
  '餐厅',
  '药房',
  '数码专卖店',
  '家具城',
  '水果店',
  '装饰公司',
  '旅行社',
];
const GOODS = [
  '奶粉',
  '蜂蜜',
  '月饼',
  '白酒',
  '洗衣机',
  '空调',
  '羽绒服',
  '运动鞋',
  '保健品',
  '面膜',
  '手机',
  '电脑',
  '会员卡',
  '课程',
  '机票',
  '外卖',
  '牛排',
  '茶叶',
  '电动车',
  '热水器',
];
const PROBLEMS = [
  '质量有问题',
  '已经过期',
  '与宣传不符',
  '是假货',
  '缺斤短两',
  '价格欺诈',
  '服务态度恶劣',
  '拒绝退款',
  '门店关闭跑路',
  '无法使用',
  '收费不透明',
  '安装后漏水',
  '发货延迟',
];
const OPEN = [
  '本人于{d}在{b}购买了{g}，',
  '我在{p}上的{b}买了{g}，',
  '{d}在{b}办理了{g}，',
  '消费者反映{d}在{b}消费，购买{g}，',
  '来电人称其在{b}购买的{g}',
];
const MID = ['发现{x}，', '使用后{x}，', '商家承认{x}但不处理，', '{x}，联系客服没人回复，', '结果{x}，'];
const END = [
  '要求退款。',
  '要求退货并赔偿损失。',
  '要求三倍赔偿。',
  '请求市场监管部门依法查处。',
  '希望尽快处理。',
  '要求商家道歉并赔偿。',
];
const PLAT = ['淘宝', '京东', '拼多多', '抖音', '美团', '快手'];
const TEMPLATES = [
  '本人于{d}在贵辖区{b}购买{g}若干，经查该商品标签不符合食品安全国家标准，违反食品安全法第一百四十八条规定，属于明知不符合食品安全标准仍销售的行为，现要求商家十倍赔偿，并请求依法对其立案查处，处理结果书面答复本人。',
  '举报人于{d}在{b}购买了{g}，该商品外包装标注的生产许可证编号经查询不存在，涉嫌虚假标注，违反产品质量法相关规定，请求贵局依法查处并给予举报奖励，同时要求商家退一赔三。',
  '投诉{b}在{p}平台销售的{g}宣传用语中使用“最高级”“国家级”等绝对化用语，违反广告法第九条，请求依法查处，并要求经营者承担相应赔偿责任，本人保留追究其法律责任的权利。',
];

export function makeCorpus(n: number, seed = 1, templateShare = 0.03): TifTicket[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const bizCount = Math.max(100, Math.floor(n / 20));
  const biz = Array.from({ length: bizCount }, () => pick(SYL) + pick(SYL) + pick(SYL) + pick(KINDS));
  const out: TifTicket[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const b = biz[Math.floor(Math.pow(r(), 2) * bizCount)]!;
    const d = `2026年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`;
    const g = pick(GOODS);
    const p = pick(PLAT);
    let text: string;
    let person = `P${Math.floor(r() * n)}`;
    if (r() < templateShare) {
      const t = Math.floor(r() * TEMPLATES.length);
      text = TEMPLATES[t]!.replace('{d}', d).replace('{b}', b).replace('{g}', g).replace('{p}', p);
      person = `PRO${t}-${Math.floor(r() * 5)}`;
    } else {
      text = (pick(OPEN) + pick(MID) + (r() < 0.5 ? pick(MID) : '') + pick(END))
        .replace('{d}', d)
        .replace('{b}', b)
        .replace('{g}', g)
        .replace('{p}', p)
        .replace(/\{x\}/g, () => pick(PROBLEMS));
    }
    out[i] = { id: `B${i}`, received_at: '2026-01-01', text, complainant: { id: person }, respondent: { name: b } };
  }
  return out;
}
