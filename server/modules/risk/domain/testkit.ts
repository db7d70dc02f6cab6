/**
 * Small constructed populations for the risk tests (no data files): ordinary people, an honest heavy complainant of
 * each kind the model must not mark, and builders for the abnormal conduct each criterion describes.
 */
import type { TifTicket } from '../../../../shared/tif.js';
import { mulberry32 } from '../../../../shared/random.js';

export const rng = mulberry32;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const GOODS = [
  '电饭煲',
  '羽绒服',
  '手机壳',
  '洗发水',
  '大米',
  '运动鞋',
  '台灯',
  '蓝牙耳机',
  '床单',
  '拖把',
  '月饼',
  '茶叶',
  '眼镜',
  '书包',
];
const PROBLEMS = [
  '用了两天就坏了',
  '和描述不符',
  '商家拒绝退货',
  '发货太慢',
  '价格比标价高',
  '客服态度很差',
  '少发了配件',
  '包装破损',
  '维修一个月还没修好',
  '质量很差',
];
const DEMANDS = ['要求退货退款', '希望商家给个说法', '要求换货', '请监管部门帮忙协调', '要求维修', '要求退还差价'];
const DAY0 = Date.parse('2025-01-01T09:00:00+08:00');
export const dateOf = (d: number, h = 0): string => new Date(DAY0 + d * 86_400_000 + h * 3_600_000).toISOString();

/** A varied, genuine-sounding complaint text. */
export function honestText(r: () => number): string {
  return `我在${pick(r, ['网上', '超市', '商场', '小区门口的店', '专卖店'])}买了${pick(r, GOODS)}，${pick(r, PROBLEMS)}，${pick(r, DEMANDS)}。`;
}

let seq = 0;
export function ticket(p: Partial<TifTicket> & { who: string; day: number; name?: string; phone?: string }): TifTicket {
  const { who, day, name, phone, ...rest } = p;
  return {
    id: `t${++seq}`,
    kind: 'complaint',
    received_at: dateOf(day, seq % 9),
    complainant: { id: who, ...(name ? { name } : {}), ...(phone ? { phone } : {}) },
    ...rest,
  };
}

/** n ordinary people with 1–3 varied tickets each against many different shops. */
export function population(n: number, seed = 1): TifTicket[] {
  const r = rng(seed);
  const out: TifTicket[] = [];
  for (let i = 0; i < n; i++) {
    const k = 1 + Math.floor(r() * r() * 3);
    for (let j = 0; j < k; j++) {
      out.push(
        ticket({
          who: `u${i}`,
          name: `居民${i}`,
          day: Math.floor(r() * 300),
          respondent: { name: `商户${Math.floor(r() * 400)}` },
          text: honestText(r),
        }),
      );
    }
  }
  return out;
}

/** Hard negatives: the closed-gym member, the elderly consumer with many small disputes, a consumer association. */
export function honestHeavy(seed = 7): TifTicket[] {
  const r = rng(seed);
  const out: TifTicket[] = [];
  const gym = [
    '健身房突然关门，会员卡余额3000元无法退还',
    '上次投诉后仍联系不上健身房老板，要求退还预付款',
    '健身房转让给新老板，新老板不认之前的会员卡',
    '私教课还剩20节没上，要求退费',
    '健身房储物柜里的东西拿不出来',
    '听说健身房老板另开了一家店，请求协调退款',
  ];
  for (let i = 0; i < 14; i++)
    out.push(
      ticket({
        who: 'gym-member',
        name: '王健',
        day: 100 + i * 3,
        respondent: { name: '某某健身中心' },
        text: gym[i % gym.length]! + `（第${i + 1}次反映）`,
      }),
    );
  for (let i = 0; i < 40; i++)
    out.push(
      ticket({ who: 'elder', name: '赵阿婆', day: i * 7, respondent: { name: `小店${i}` }, text: honestText(r) }),
    );
  for (let i = 0; i < 60; i++) {
    out.push(
      ticket({
        who: 'assoc',
        name: '某区消费者权益保护委员会',
        day: i * 4,
        respondent: { name: `企业${i % 23}` },
        text: `受消费者委托，现代为投诉：消费者${['李', '王', '陈', '刘'][i % 4]}先生反映${honestText(r)}请依法处理。`,
      }),
    );
  }
  return out;
}

/** A profit-seeking professional: templated text, punitive demand, large quantities, many shops, one category. */
export function professional(who: string, n: number, seed = 3, extra: Partial<TifTicket> = {}): TifTicket[] {
  const r = rng(seed);
  const out: TifTicket[] = [];
  for (let i = 0; i < n; i++) {
    const qty = 20 + Math.floor(r() * 30);
    out.push(
      ticket({
        who,
        name: '职业甲',
        day: 10 + i * 2,
        respondent: { name: `食品店${Math.floor(r() * 60)}` },
        text:
          `本人于${1 + (i % 12)}月${1 + (i % 27)}日在贵店购买${pick(r, ['进口饼干', '巧克力', '坚果礼盒'])}${qty}盒，经查该预包装食品无中文标签，违反食品安全法第九十七条，` +
          `请求依法查处，并依据食品安全法第一百四十八条要求经营者退一赔十。`,
        labels: { goods_service: '食品类', problem: '标签标识' },
        ...extra,
      }),
    );
  }
  return out;
}
