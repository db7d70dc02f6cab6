import { describe, expect, it } from 'vitest';
import { entryPrefixOf, noticeNumber, renderNotice, verificationCode } from './notice.js';

describe('一次性告知书', () => {
  const c = {
    entryId: '3f9a21c0-1111-2222-3333-444455556666',
    personKey: 'k1',
    date: '2026-11-23',
    displayName: '李*',
    legalBasis: '岳市监〔2024〕16号 三(二)',
    expiresOn: '2027-11-23',
    criteria: [{ label: '多次举报同类违法行为经查不属实', evidence: '5件举报经核查不属实：XZ1' }],
  };
  it('carries a number that leads back to the entry and a code the number alone does not give', () => {
    const n = renderNotice(c);
    expect(n.number).toBe('市监异告〔2026〕3F9A21C0号');
    expect(entryPrefixOf(n.number)).toBe('3f9a21c0');
    expect(entryPrefixOf('乱写')).toBeNull();
    expect(n.code).toMatch(/^\d{6}$/);
    expect(verificationCode(c.entryId, 'k2')).not.toBe(n.code);
    expect(noticeNumber(c.entryId, '2027-01-01')).toContain('〔2027〕');
  });
  it('states criteria, consequence (report part still verified), period and how to appeal', () => {
    const h = renderNotice(c).html;
    for (const s of [
      '多次举报同类违法行为经查不属实',
      '第十五条第三项',
      '仍将依法核查',
      '2027年11月23日',
      '申诉',
      c.criteria[0]!.evidence,
    ])
      expect(h).toContain(s);
  });
});
