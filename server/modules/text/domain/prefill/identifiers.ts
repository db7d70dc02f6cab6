/** Phone numbers, ID-card numbers (checksum-verified) and order numbers written in a text. */
import type { Hit } from './hit.js';

const DIGIT = /\d/;

const MOBILE_RE = /(?<![\dA-Za-z])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}[-\s]?\d{4}|\*{4}\d{4})(?![\dA-Za-z])/g;
const LANDLINE_RE = /(?<![\dA-Za-z])(?:0\d{2,3}[-－—\s]?\d{7,8}|400[-\s]?\d{3}[-\s]?\d{4})(?![\dA-Za-z])/g;
const ID_RE =
  /(?<![\dA-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])|(?<![\dA-Za-z])[1-9]\d{5}\*{8,10}\d{3}[\dXx*](?![\dA-Za-z])/g;
const ORDER_RE =
  /(?:订单(?:编号|号码|号)?|交易(?:单号|号)|(?:运|快递|物流)?单号|合同\s*[（(]?\s*(?:编号|号)|order\s*(?:no\.?|number|#|id)|confirmation\s*(?:no\.?|number|#))\s*(?:是|为)?\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9*-]{5,39})/gi;

function idChecksumOk(id: string): boolean {
  if (id.includes('*')) return true;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * w[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

export function phones(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out; // both patterns need digits
  for (const re of [MOBILE_RE, LANDLINE_RE]) {
    for (const m of s.matchAll(re)) {
      const a = m.index!;
      if (out.some((o) => a < o.end && a + m[0].length > o.start)) continue;
      out.push({
        value: m[0]
          .replace(/[\s－—-]/g, (c) => (c === '－' || c === '—' ? '-' : c === ' ' ? '' : c))
          .replace(/^\+?86-?/, ''),
        start: a,
        end: a + m[0].length,
        confidence: re === MOBILE_RE ? 0.95 : 0.8,
      });
    }
  }
  return out;
}

export function idNumbers(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out;
  for (const m of s.matchAll(ID_RE))
    out.push({
      value: m[0].toUpperCase(),
      start: m.index!,
      end: m.index! + m[0].length,
      confidence: idChecksumOk(m[0]) ? 0.97 : 0.6,
    });
  return out;
}

export function orderNos(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  if (!DIGIT.test(s)) return out; // a number with fewer than 3 digits is refused below
  for (const m of s.matchAll(ORDER_RE)) {
    const v = m[1]!;
    if (/^1[3-9]\d{9}$/.test(v)) continue;
    // the source's mask ("order # XXXX") is no number; a partly masked one is kept as written, flagged
    if (/^[xX*]+$/.test(v.replace(/-/g, '')) || (v.match(/[0-9]/g)?.length ?? 0) < 3) continue;
    const masked = /[*]|X{3,}/.test(v);
    const a = m.index! + m[0].length - v.length;
    out.push({
      value: v,
      start: a,
      end: a + v.length,
      confidence: masked ? 0.6 : /\d{6,}/.test(v) ? 0.95 : 0.7,
      ...(masked ? { masked: true } : {}),
    });
  }
  return out;
}
