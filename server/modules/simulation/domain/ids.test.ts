import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import {
  creditCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  makeCreditCode,
  makeIdNumber,
  makeMobile,
} from './ids.js';

describe('identifiers', () => {
  it('recognises published examples', () => {
    // GB 11643 example and a well-known credit code used in GB 32100 documentation
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('generates codes that pass their check digits', () => {
    const r = new Rng(7);
    for (let i = 0; i < 2000; i++) {
      const cc = makeCreditCode(r, '310117', i % 3 ? 'company' : 'individual');
      expect(isValidCreditCode(cc), cc).toBe(true);
      const id = makeIdNumber(r, '310104', { y: 1950 + (i % 50), m: 1 + (i % 12), d: 1 + (i % 28) }, i % 2 === 0);
      expect(isValidIdNumber(id), id).toBe(true);
      expect(Number(id[16]) % 2).toBe(i % 2 === 0 ? 1 : 0);
      expect(makeMobile(r)).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});
