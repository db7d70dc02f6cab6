import { describe, expect, it } from 'vitest';
import { renderNotice } from './notice.js';
import { basisEn, criterionEn, renderNoticeEn } from './notice-en.js';

describe('一次性告知书, English reading copy', () => {
  const c = {
    entryId: '3f9a21c0-1111-2222-3333-444455556666',
    personKey: 'k1',
    date: '2026-11-23',
    displayName: '李*',
    legalBasis: '岳市监〔2024〕16号 三(二)',
    expiresOn: '2027-11-23',
    criteria: [
      { code: 'untrue_reports', label: '多次举报同类违法行为经查不属实', evidence: '5件举报经核查不属实：XZ1' },
    ],
  };
  it('same number and code as the Chinese notice, the articles and dates in English, the authority line', () => {
    const zh = renderNotice(c);
    const en = renderNoticeEn(c);
    expect(en.number).toBe(zh.number);
    expect(en.code).toBe(zh.code);
    for (const s of [
      'The Chinese version of this document is the authoritative one',
      'Repeated reports of the same violation found untrue',
      'Article 15, item (3) of the Interim Measures for Handling Complaints and Reports in Market Regulation',
      'Article 21, paragraph 1, item (6)',
      'will still be verified',
      'until 23 November 2027',
      '23 November 2026',
      `verification code <b>${zh.code}</b>`,
    ])
      expect(en.html).toContain(s);
    expect(en.html).not.toContain('第十五条');
  });
  it('shows the English evidence where the criterion wrote it, the Chinese record (said to be one) where not', () => {
    const en = renderNoticeEn({
      ...c,
      criteria: [
        { ...c.criteria[0]!, evidence_en: '5 reports found untrue on verification: XZ1' },
        { code: 'volume', label: '投诉举报数量和频次明显超出正常范围', evidence: '共投诉举报40件：XZ2' },
      ],
    }).html;
    expect(en).toContain(
      'Repeated reports of the same violation found untrue</b>: 5 reports found untrue on verification: XZ1</li>',
    );
    expect(en).not.toContain('5件举报经核查不属实');
    expect(en).toContain('共投诉举报40件：XZ2 <i>(evidence as recorded)</i>');
  });
  it('names each cited provision of the legal basis in English', () => {
    expect(
      basisEn('《上海市消费者权益保护条例》第六十六条第二款；《市场监督管理投诉举报处理办法》第十六条第一款第三项'),
    ).toBe(
      'Article 66, paragraph 2 of the Shanghai Regulations on the Protection of Consumer Rights and Interests; ' +
        'Article 16, paragraph 1, item (3) of the Measures for Handling Complaints and Reports in Market Regulation',
    );
    expect(basisEn('岳市监〔2024〕16号 三(二)')).toBe('the normative document 岳市监〔2024〕16号 三(二)');
  });
  it('names a criterion by code, else by its Chinese name, and marks an unknown one as Chinese', () => {
    expect(criterionEn({ label: '模板化诉求文本' })).toBe('Templated complaint text');
    expect(criterionEn({ code: 'zzz', label: '新情形' })).toBe('新情形 (in Chinese)');
  });
});
