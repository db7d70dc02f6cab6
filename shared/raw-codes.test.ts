import { describe, expect, it } from 'vitest';
import { rawCodes } from './raw-codes.js';

describe('rawCodes', () => {
  it('finds snake_case codes, lower-case English status words and hex ids', () => {
    expect(rawCodes('状态 under_review 2 proposed 177')).toEqual(['under_review', 'proposed']);
    expect(rawCodes('规则 order121，检查 open 9f3a2c1d7e')).toEqual(['order121', 'open', '9f3a2c1d7e']);
  });

  it('passes Chinese text, ticket numbers, proper names and the demo account names', () => {
    expect(rawCodes('工单 XZ20261202000123 · 收件 2026-12-02 11:17 · 拼多多 iPhone 15 · 账户 officer2')).toEqual([]);
    expect(rawCodes('详见 https://www.samr.gov.cn/xw/index.html 或 kefu@example.com')).toEqual([]);
  });
});
