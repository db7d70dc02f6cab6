/** The product bought and the quantity, from the purchase phrase around them (购买了两台…). */
import type { Hit } from './hit.js';
import { CN_NUM_CHARS, parseCnNumber } from './numbers.js';
import { PLATFORM_OF } from './platforms.js';

const UNIT =
  '(?:个|件|台|瓶|盒|箱|份|双|袋|包|斤|公斤|千克|克|支|张|套|部|罐|条|只|本|桶|听|块|副|片|粒|枚|把|辆|次|节|课时|单)';
const QTY_RE = new RegExp(
  `(?:购买了?|买了?|订购了?|下单了?|订了|拍了|共|一共|总共|合计|采购了?)\\s*(\\d+|[${CN_NUM_CHARS}]{1,4})\\s*(${UNIT})`,
  'g',
);
const PRODUCT_RE = new RegExp(
  `(?:购买了?|买了?|订购了?|下单了?|订了|拍了|选购了?|采购了?|办理了?|办了|充值了?|报名了?|预订了?|定了|入住了?|点了)\\s*(?:(?:\\d+|[${CN_NUM_CHARS}]{1,4})\\s*${UNIT})?\\s*(?:[\\u4e00-\\u9fa5]{0,2}的)?([\\u4e00-\\u9fa5A-Za-z0-9]{1,16})`,
  'g',
);
const PRODUCT_LABEL_RE =
  /(?:商品(?:名称)?|产品(?:名称)?|服务(?:项目)?|购买商品)\s*[:：为是]\s*([^\s，,。；;、]{1,30})/g;
// trailing words that are not part of the product name
const PRODUCT_TAIL =
  /(?:后|时|之后|以后|但是|但|却|结果|发现|回来|回家|使用|不久|没|不|就|才|一直|至今|当天|过程中|期间|一周|一个月|半年|给|送|来|去|并|且|还|也|都|已|在|于|是|的时候|收到|到货|商家|店家|卖家|客服|平台|质量|价格|金额|费用|花了|共计|共|总计|，|。).*$/;

export function products(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of s.matchAll(PRODUCT_LABEL_RE)) {
    const v = m[1]!;
    const a = m.index! + m[0].length - v.length;
    out.push({ value: v, start: a, end: a + v.length, confidence: 0.9 });
  }
  for (const m of s.matchAll(PRODUCT_RE)) {
    let v = m[1]!;
    const a = m.index! + m[0].length - v.length;
    v = v.replace(/^(?:购买|选购|订购|采购|买|了)+/, '').replace(PRODUCT_TAIL, '');
    const a2 = m.index! + m[0].length - m[1]!.length + m[1]!.indexOf(v);
    // strip platform or shop words at the start ("在京东买" handled by verb; "淘宝上的" left)
    if (v.length < 2 || /^(?:东西|商品|产品|物品|货|了|过|到|一些|一下|一个|个)$/.test(v)) continue;
    if (PLATFORM_OF.has(v)) continue;
    out.push({
      value: v,
      start: a2 >= a ? a2 : a,
      end: (a2 >= a ? a2 : a) + v.length,
      confidence: v.length <= 8 ? 0.7 : 0.55,
    });
  }
  return out;
}

export function quantities(s: string): Hit<number>[] {
  const out: Hit<number>[] = [];
  for (const m of s.matchAll(QTY_RE)) {
    const n = parseCnNumber(m[1]!);
    if (!Number.isFinite(n) || n <= 0) continue;
    const a = m.index! + m[0].length - m[1]!.length - m[2]!.length;
    out.push({ value: n, unit: m[2], start: a, end: m.index! + m[0].length, confidence: 0.8 });
  }
  return out;
}

// A model written right after the brand it belongs to (英菲尼迪Q50L, 东风标致4008, 华为Mate60, 领克01): Latin letters
// with digits, or two to four digits that are no date, sum or count. Words that follow a name without being a model
// (京东APP, 奔驰4S店, 爱奇艺VIP) are not taken.
const MODEL_RE = /^([A-Za-z][A-Za-z0-9-]{0,11}|\d{2,4})(?![A-Za-z0-9.%])/;
// a code, not an English word: it has a digit or is in capitals (GLB, ICON), after a Chinese name
const CODE_LIKE = /\d|^[A-Z]{2,}$|^[A-Z][a-z]*[A-Z]/;
const CJK_END = /[\u4e00-\u9fa5]$/;
const NOT_MODEL = /^(?:app|vip|svip|plus|ktv|ceo|o2o|4s|logo|pos|id|ok|qq)$/i;
const NOT_AFTER_MODEL = /^(?:店|公司|客服|官方|官网|年|月|日|号|元|块|岁|天|个|件|次|万|多|余|期|小时|分钟|平|米)/;

/** The model after a business or brand the text names; `names` are the spans pre-fill found for the business. */
export function modelAfterName(s: string, names: { end: number }[]): Hit<string> | undefined {
  for (const n of names) {
    if (!CJK_END.test(s.slice(n.end - 1, n.end))) continue;
    const m = MODEL_RE.exec(s.slice(n.end, n.end + 16));
    if (!m) continue;
    const v = m[1]!;
    if (!CODE_LIKE.test(v)) continue;
    if (NOT_MODEL.test(v) || NOT_AFTER_MODEL.test(s.slice(n.end + m[0].length))) continue;
    const start = n.end + m[0].length - v.length;
    return { value: v, start, end: start + v.length, confidence: 0.8 };
  }
  return undefined;
}

// Goods a consumer names without a purchase verb (卧室护墙板开孔开错位置, 橱柜门用多层实木): the everyday goods of the
// 12315 categories, longest first so 整体橱柜 wins over 橱柜. A gift (赠品…洗衣机, 送的…) is not what was bought.
const GOODS = (
  '整体橱柜 全屋定制 护墙板 橱柜 衣柜 书柜 鞋柜 柜子 沙发 床垫 餐桌 茶几 家具 木门 地板 瓷砖 壁纸 墙纸 窗帘 卫浴 马桶 ' +
  '门窗 灯具 手机 电脑 笔记本电脑 平板电脑 平板 耳机 手表 相机 空调 冰箱 洗衣机 电视机 电视 热水器 油烟机 燃气灶 ' +
  '净水器 扫地机 吸尘器 微波炉 电饭煲 奶粉 纸尿裤 化妆品 护肤品 面膜 洗发水 洗发露 沐浴露 羽绒服 外套 衣服 裤子 ' +
  '鞋子 运动鞋 电动车 自行车 轮胎 机票 车票 门票 会员卡 健身卡 预付卡 宽带'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
const GOODS_RE = new RegExp(GOODS.join('|'), 'g');
/** A gift named just before (赠品西门子…, 送的…): not what was bought, nor who sold it. */
export const GIFT_BEFORE = /(?:赠品|赠送|附赠|送的|送了|赠的|送一台|送个)$/;
// 手机号 is a number, 手机上/电脑上 the means of ordering, not the goods
const NOT_AFTER_GOODS = /^(?:号|上|端|里下单)/;

/** The first everyday good the text names, as a weak product guess when no purchase phrase names one. */
export function goodsNamed(s: string): Hit<string> | undefined {
  for (const m of s.matchAll(GOODS_RE)) {
    if (GIFT_BEFORE.test(s.slice(Math.max(0, m.index! - 4), m.index!))) continue;
    if (NOT_AFTER_GOODS.test(s.slice(m.index! + m[0].length, m.index! + m[0].length + 4))) continue;
    return { value: m[0], start: m.index!, end: m.index! + m[0].length, confidence: 0.7 };
  }
  return undefined;
}
