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
