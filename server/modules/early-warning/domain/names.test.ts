import { describe, expect, it } from 'vitest';
import { normaliseBusinessName as n } from './names.js';

describe('normaliseBusinessName', () => {
  it('groups legal-form, branch, city-prefix and punctuation variants', () => {
    const key = n('某某健身');
    for (const v of [
      '上海某某健身有限公司（徐汇分公司）',
      '某某健身有限责任公司',
      '上海市某某健身股份有限公司',
      '某某健身 徐汇店',
      '某某健身(五角场万达店)',
      '上海浦东新区某某健身',
      '某某健身南京东路店',
      '某某健身（上海）有限公司',
      '　某某健身．',
    ]) {
      expect(n(v), v).toBe(key);
    }
  });

  it('maps platform shop names to the brand and keeps distinct businesses apart', () => {
    expect(n('某某官方旗舰店')).toBe(n('某某专卖店'));
    expect(n('一汽-大众')).toBe('一汽大众');
    expect(n('一汽大众')).not.toBe(n('上汽大众'));
    expect(n('全家便利店')).toBe('全家便利店');
  });
});
