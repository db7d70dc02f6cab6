/** What the consumer asks for (退款, 赔偿, 三倍赔偿 …) and the law they cite, from the lexicon's patterns. */
import { DEMANDS, LEGAL_BASES } from '../lexicon.js';
import type { Hit } from './hit.js';

const DESCRIPTIVE_DEMANDS = new Set(['换货', '维修', '履行合同', '查处']);

// compiled once (a RegExp per call and kind was a measurable share of pre-fill's time)
const DEMAND_RES = DEMANDS.map((d) => ({ name: d.name, re: new RegExp(d.re.source, 'g') }));
const LEGAL_RES = LEGAL_BASES.map((l) => ({ name: l.name, re: new RegExp(l.re.source, 'g') }));
// every legal basis pattern contains one of these: most texts cite none and skip the 18 scans
const LEGAL_GATE = /法|办法|规定|三包|无理由|解释|明码标价/;

export function demands(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const d of DEMAND_RES) {
    const re = d.re;
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      // the demand words are common; a demand is stronger after 要求/希望/请求
      const ctx = s.slice(Math.max(0, a - 12), a);
      const asked = /要求|希望|请求|诉求|申请|想|需要|请/.test(ctx);
      if (d.name === '赔偿' && !asked && /损失/.test(m[0])) continue;
      // 更换/维修/发货/整改 describe what happened far more often than they ask for it: a demand only when asked
      if (!asked && DESCRIPTIVE_DEMANDS.has(d.name)) continue;
      out.push({ value: d.name, start: a, end: a + m[0].length, confidence: asked ? 0.95 : 0.85 });
      break; // one span per demand kind
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

export function legalBases(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!LEGAL_GATE.test(s)) return out;
  for (const l of LEGAL_RES) {
    const re = l.re;
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      out.push({ value: l.name, start: a, end: a + m[0].length, confidence: 0.9 });
      break;
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
