/** Property-based tests (fast-check): whatever surrounds them, phone and ID numbers never survive redaction. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPii, redact } from './redact.js';

const han = fc.string({
  unit: fc.constantFrom(...'的我在商家购买退款手机屏幕坏了要求赔偿店铺客服不理睬质量问题，。！？ '),
  maxLength: 40,
});
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'张王李伟芳本人手机电话号楼室卡号微信QQ@.-：，。 \n'),
    fc.integer({ min: 0x30, max: 0x39 }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 120,
});
const mobile = fc
  .tuple(
    fc.constantFrom('13', '15', '17', '18', '19'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([p, d]) => p + d.join(''));
const sep = fc.constantFrom('', ' ', '-');
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, d, seq]) => {
    const s17 = `${area}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    const sum = [...s17].reduce((a, c, i) => a + Number(c) * W[i]!, 0);
    return s17 + '10X98765432'[sum % 11];
  });
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const digits = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

describe('redactor properties', () => {
  it('a mobile number in any notation between any words is masked', () => {
    fc.assert(
      fc.property(han, mobile, sep, han, fc.boolean(), (a, m, s, b, fw) => {
        let written = `${m.slice(0, 3)}${s}${m.slice(3, 7)}${s}${m.slice(7)}`;
        if (fw) written = fullWidth(written);
        const out = redact(`${a}电话${written}${b}`).text;
        expect(digits(out)).not.toContain(m);
        expect(out).toContain(`${m.slice(0, 3)}****${m.slice(7)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('an 18-digit ID number is masked to its first and last four', () => {
    fc.assert(
      fc.property(han, idNumber, han, (a, id, b) => {
        const out = redact(`${a}${id}${b}`).text;
        expect(out).not.toContain(id);
        expect(out).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('spans are sorted, disjoint and inside the text; text outside them is kept', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const sp = findPii(s);
        for (let i = 0; i < sp.length; i++) {
          expect(sp[i]!.start).toBeGreaterThanOrEqual(i ? sp[i - 1]!.end : 0);
          expect(sp[i]!.end).toBeGreaterThan(sp[i]!.start);
          expect(sp[i]!.end).toBeLessThanOrEqual(s.length);
        }
        const out = redact(s).text;
        let at = 0;
        for (const x of sp) {
          expect(out.includes(s.slice(at, x.start))).toBe(true);
          at = x.end;
        }
        expect(out.endsWith(s.slice(at))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: a redacted text has nothing left to redact', () => {
    fc.assert(
      fc.property(anyText, mobile, idNumber, (s, m, id) => {
        const once = redact(`${s}本人张伟，手机${m}，身份证${id}${s}`).text;
        expect(redact(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof redact(s).text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
