/** Money amounts in a complaint: digits, Chinese numerals, 万, per-unit prices, bare numbers in a money clause. */
import type { Hit } from './hit.js';
import { CN_DIGITS, CN_NUM_CHARS, parseCnNumber } from './numbers.js';

const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?`;
const CNUM = `[${CN_NUM_CHARS}]+`;
const AMOUNT_RE = new RegExp(
  `(?:(?:人民币|RMB|rmb|￥|¥)\\s*(${NUM})(\\s*万)?(?:\\s*元)?)|(?:(${NUM})\\s*(万|千|w|W)?\\s*(?:多|余)?\\s*(?:元|块钱|块|圆|人民币|rmb|RMB))|(?:(${CNUM})\\s*(?:元|块钱|块|圆)(?:\\s*([零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])角)?(?:\\s*[零〇]?\\s*([零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖])分)?)|(?:\\$\\s?(${NUM}))|(?:(${NUM})\\s*(?:dollars|usd|USD))`,
  'g',
);
// "2万定金", "35W以内", "16万8成交": 万/W without 元, money by its clause; "赔偿金是2500": a bare number after a money noun
const WAN_RE = new RegExp(`(?<![\\d.])(${NUM})\\s*(万|w|W)(\\d)?(?![\\d元块圆a-zA-Z平米方])`, 'g');
const BARE_RE = new RegExp(
  `(?:金额|价格|价钱|价款|费用|赔偿金|违约金|定金|订金|押金|意向金|货款|房款|总价|单价|花费|花了|付了|交了|支付了?|共计|合计|总计|收费)\\s*(?:是|为|达|约|共|:|：)?\\s*(${NUM})(?![\\d.]|\\s*(?:[年月日号天个件%‰次期台套平米方人倍]|万|w|W|元|块|圆|小时|分钟))`,
  'g',
);
const PER_RE = new RegExp(
  `(?<![\\d.])(${NUM})\\s*/\\s*(?:米|平|平米|平方|㎡|天|日|月|次|个|件|小时|延米|m)(?![a-zA-Z])`,
  'g',
);
const MONEY_CLAUSE = /元|钱|款|金|费|价|预算|支付|付|交|缴|收|花|赔|退|报价|成交|贷|欠/;
// 块 as a measure word: "12块板子", "10块鸡丁", "两块地砖" — money only before 钱/punctuation/particles
const KUAI_NOUN = /^[\u4e00-\u9fa5]/;
const KUAI_OK = /^[钱的了多左呢啊吧吗呀一就都也还才又给]/;

function clauseAround(s: string, a: number, b: number): string {
  let x = a;
  while (x > 0 && a - x < 30 && !/[，,。；;！!？?\n]/.test(s[x - 1]!)) x--;
  let y = b;
  while (y < s.length && y - b < 30 && !/[，,。；;！!？?\n]/.test(s[y]!)) y++;
  return s.slice(x, a) + s.slice(b, y);
}

// every AMOUNT_RE match names a currency or its unit; WAN_RE, BARE_RE and PER_RE each need a digit (most reviews
// have neither, and skip the four scans)
const CURRENCY_GATE = /[元块圆￥¥$]|人民币|rmb|RMB|dollars|usd|USD/;
const DIGIT = /\d/;

export function amounts(s: string): Hit<number>[] {
  const out: Hit<number>[] = [];
  const digits = DIGIT.test(s);
  if (!digits && !CURRENCY_GATE.test(s)) return out;
  const free = (a: number, b: number) => !out.some((o) => a < o.end && b > o.start);
  const push = (v: number, a: number, b: number, conf: number) => {
    if (!Number.isFinite(v) || v <= 0 || v > 1e9 || !free(a, b)) return;
    // "373***元", "135****": a masked figure is no figure
    if (
      /[*＊xX×]/.test(s[a - 1] ?? '') ||
      /[*＊×]/.test(s[b] ?? '') ||
      /^[\d.,]*[*＊×]/.test(s.slice(a, b).replace(/^\D+/, ''))
    )
      return;
    out.push({ value: Math.round(v * 100) / 100, start: a, end: b, confidence: conf });
  };
  if (CURRENCY_GATE.test(s))
    for (const m of s.matchAll(AMOUNT_RE)) {
      let v = NaN;
      const a = m.index!;
      const b = a + m[0].length;
      if (/块$/.test(m[0]) && !/块钱$/.test(m[0])) {
        const next = s.slice(b, b + 1);
        if (KUAI_NOUN.test(next) && !KUAI_OK.test(next)) continue;
      }
      if (m[1]) v = Number(m[1].replace(/,/g, '')) * (m[2] ? 1e4 : 1);
      else if (m[3])
        v =
          Number(m[3].replace(/,/g, '')) *
          (m[4] === '万' || m[4] === 'w' || m[4] === 'W' ? 1e4 : m[4] === '千' ? 1e3 : 1);
      else if (m[5]) v = parseCnNumber(m[5]) + (m[6] ? CN_DIGITS[m[6]]! / 10 : 0) + (m[7] ? CN_DIGITS[m[7]]! / 100 : 0);
      else if (m[8]) v = Number(m[8].replace(/,/g, ''));
      else if (m[9]) v = Number(m[9].replace(/,/g, ''));
      push(v, a, b, m[5] ? 0.8 : 0.9);
    }
  if (!digits) return out.sort((x, y) => x.start - y.start);
  for (const m of s.matchAll(WAN_RE)) {
    const a = m.index!;
    const b = a + m[0].length;
    if (!MONEY_CLAUSE.test(clauseAround(s, a, b))) continue;
    push(Number(m[1]!.replace(/,/g, '')) * 1e4 + (m[3] ? Number(m[3]) * 1e3 : 0), a, b, 0.75);
  }
  for (const m of s.matchAll(BARE_RE)) {
    const a = m.index! + m[0].length - m[1]!.length;
    push(Number(m[1]!.replace(/,/g, '')), a, m.index! + m[0].length, 0.7);
  }
  for (const m of s.matchAll(PER_RE)) {
    const a = m.index!;
    if (!/收费|价格|单价|元|钱|费/.test(clauseAround(s, a, a + m[0].length))) continue;
    push(Number(m[1]!.replace(/,/g, '')), a, a + m[1]!.length, 0.6);
  }
  return out.sort((x, y) => x.start - y.start);
}
