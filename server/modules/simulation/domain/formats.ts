/** How people write amounts, dates, order numbers and phone numbers — in many notations, as real texts do. */
import type { Rng } from './rng.js';

const CN_DIGITS = '零一二三四五六七八九';
/** 1299 → 一千二百九十九 (integers below 100 million). */
export function cnNumber(n: number): string {
  if (n === 0) return '零';
  const units = ['', '十', '百', '千'];
  const four = (x: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) {
        if (s) zero = true;
        continue;
      }
      if (zero) s += '零';
      zero = false;
      s += CN_DIGITS[d]! + units[i]!;
    }
    return s;
  };
  const wan = Math.floor(n / 10000);
  const rest = n % 10000;
  let s = wan ? four(wan) + '万' + (rest && rest < 1000 ? '零' : '') + (rest ? four(rest) : '') : four(rest);
  if (s.startsWith('一十')) s = s.slice(1);
  return s;
}

/** 1299 → "1,299.00" without Intl (which costs tens of microseconds a call). */
export function thousands(n: number): string {
  const [i, f] = n.toFixed(2).split('.') as [string, string];
  let out = '';
  for (let k = i.length; k > 0; k -= 3) out = i.slice(Math.max(0, k - 3), k) + (out ? ',' + out : '');
  return `${out}.${f}`;
}

export function fmtAmount(rng: Rng, n: number): string {
  const int = Number.isInteger(n);
  const r = rng.next();
  if (r < 0.4) return `${n}元`;
  if (r < 0.52) return `¥${thousands(n)}`;
  if (r < 0.6) return `${n}块${int && n < 1000 && rng.chance(0.5) ? '钱' : ''}`;
  if (r < 0.67) return `人民币${n}元`;
  if (r < 0.73 && int && n % 100 === 0 && n < 1e6) return `${cnNumber(n)}元`;
  if (r < 0.77 && int && n >= 10000 && n % 1000 === 0) return `${n / 10000}万元`;
  if (r < 0.8) return `${n.toFixed(2)}元`;
  if (r < 0.83) return `RMB${n}`;
  if (r < 0.86 && int && n % 100 === 0 && n < 1e5) return `${cnNumber(n)}块`;
  return `${n}元`;
}

const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const dayNum = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const isoCache = new Map<number, string>();
export const isoOf = (day: number): string => {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
};

/** A purchase date as someone would write it on `today`. */
export function fmtDate(rng: Rng, iso: string, today: string): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  const diff = dayNum(today) - dayNum(iso);
  const r = rng.next();
  if (diff === 1 && r < 0.5) return '昨天';
  if (diff === 2 && r < 0.4) return '前天';
  if (diff === 0 && r < 0.6) return '今天';
  if (diff >= 3 && diff <= 13 && r < 0.25) {
    const wd = new Date(dayNum(iso) * 86_400_000).getUTCDay();
    const todayWd = new Date(dayNum(today) * 86_400_000).getUTCDay();
    const sameWeek = diff <= (todayWd === 0 ? 6 : todayWd - 1);
    return (
      (sameWeek ? '本' : diff <= 7 + ((todayWd + 6) % 7) ? '上' : '上上') +
      WEEK[wd]!.replace('周', rng.chance(0.5) ? '周' : '星期').replace('星期日', '星期天')
    );
  }
  const r2 = rng.next();
  const sameYear = today.slice(0, 4) === iso.slice(0, 4);
  if (r2 < 0.3) return `${y}年${m}月${d}日`;
  if (r2 < 0.55 && sameYear) return `${m}月${d}日`;
  if (r2 < 0.65) return `${m}月${d}号`;
  if (r2 < 0.75) return iso;
  if (r2 < 0.82) return `${y}.${m}.${d}`;
  if (r2 < 0.87) return `${y}/${m}/${d}`;
  if (r2 < 0.92 && d <= 10 && diff < 40) return `${sameYear && +today.slice(5, 7) === m ? '本月初' : `${m}月初`}`;
  if (r2 < 0.95 && d >= 20 && diff < 60) return `${m}月底`;
  return `${y}年${m}月${d}日`;
}

/** Platform-specific order-number shapes. */
export function orderNo(rng: Rng, shape: string, purchase: string): string {
  const yymmdd = purchase.slice(2, 4) + purchase.slice(5, 7) + purchase.slice(8, 10);
  switch (shape) {
    case 'taobao':
      return String(rng.int(1, 4)) + rng.digits(18);
    case 'jd':
      return String(rng.int(2, 3)) + rng.digits(rng.chance(0.5) ? 11 : 12);
    case 'pdd':
      return `${yymmdd}-${rng.digits(15)}`;
    case 'douyin':
      return '69' + rng.digits(17);
    case 'meituan':
      return '8' + rng.digits(rng.chance(0.5) ? 18 : 15);
    case 'eleme':
      return '50' + rng.digits(17);
    case 'ctrip':
      return '1' + rng.digits(rng.chance(0.5) ? 10 : 9);
    case 'vip':
      return yymmdd + rng.digits(10);
    case 'xhs':
      return 'P' + rng.digits(18);
    default:
      return rng.digits(12);
  }
}

/** Phone numbers as written in texts: 13812345678, 138-1234-5678, 138 1234 5678. */
export function fmtPhone(rng: Rng, p: string): string {
  const r = rng.next();
  if (r < 0.7 || p.length !== 11) return p;
  if (r < 0.85) return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
  return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
}

/** Typing noise: homophone slips, punctuation habits, missing particles. */
const SLIPS: [string, string][] = [
  ['的', '得'],
  ['在', '再'],
  ['已经', '以经'],
  ['账', '帐'],
  ['订单', '定单'],
  ['退款', '退款'],
  ['做', '作'],
  ['那', '哪'],
  ['他们', '她们'],
  ['不要', '不耍'],
  ['质量', '质两'],
  ['商家', '商户'],
  ['到底', '倒底'],
  ['退货', '推货'],
];
export function noisy(rng: Rng, s: string, level: number): string {
  if (level <= 0) return s;
  let out = s;
  if (rng.chance(0.5 * level)) {
    const [a, b] = rng.pick(SLIPS);
    const i = out.indexOf(a);
    if (i >= 0) out = out.slice(0, i) + b + out.slice(i + a.length);
  }
  if (rng.chance(0.3 * level)) out = out.replace(/，/g, ',');
  if (rng.chance(0.15 * level)) out = out.replace(/。/g, (m) => (rng.chance(0.5) ? ' ' : m));
  if (rng.chance(0.2 * level)) out = out.replace(/[。！]$/, rng.pick(['！！！', '!!', '。。。', '？？', '啊！']));
  if (rng.chance(0.1 * level)) out = out.replace(/！/g, '!');
  return out;
}
