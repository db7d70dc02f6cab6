import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentContext } from './documents.js';
import { readDocument, renderDocumentEn } from './documents-en.js';
import type { DocumentKind } from './actions.js';
import { articleEn, chineseNumber, citationEn } from '../../../../shared/legal-en.js';

const c: DocumentContext = {
  ticketNo: 'XZ-20260302-0001',
  unitName: '上海市松江区市场监督管理局',
  unitShort: '沪松江',
  date: '2026-03-10',
  ruleName: '《市场监督管理投诉举报处理暂行办法》(国家市场监督管理总局令第20号，2022年修订)',
  receivedDate: '2026-03-02',
  complainantName: '李小明',
  respondentName: '上海某某电器有限公司',
  summary: '空调漏水',
  mediateBy: '2026-05-12',
  article: '第十五条第一项',
  reasonText: '投诉事项不属于市场监督管理部门职责',
  routesCitation: '《中华人民共和国消费者权益保护法》第三十九条',
  basis: [
    {
      citation: '《市场监督管理投诉举报处理暂行办法》第十五条',
      text: '有下列情形之一的，不予受理：\n（一）…',
      is_summary: false,
    },
  ],
};
const KINDS: DocumentKind[] = [
  'acceptance_decision',
  'decline_decision',
  'mediation_notice',
  'termination_decision',
  'mediation_agreement',
  'mediation_record',
  'report_result_notice',
];
/** What is left once the proper names and the document's identifiers are taken out: it must hold no Chinese. */
const cjkOutsideNames = (html: string, number: string) =>
  [c.unitName, c.complainantName, c.respondentName, number, '“空调漏水”', '“退款500元”']
    .reduce(
      (h, n) => h.split(n).join(''),
      html.replace(/"[^"]*"/g, ''), // attribute values (font names)
    )
    .match(/[\u3400-\u9fff]+/g);

describe('English reading copies of the decision documents', () => {
  for (const kind of KINDS)
    it(`${kind}: the facts read back from the Chinese copy, rendered in English with the authority note`, () => {
      const ctx =
        kind === 'termination_decision'
          ? { ...c, reasonText: '投诉人撤回投诉或者双方自行和解', article: '第二十一条第一项' }
          : kind === 'mediation_agreement'
            ? { ...c, note: '退款500元' }
            : kind === 'report_result_notice'
              ? { ...c, outcomeText: '经核查，已依法立案调查' }
              : c;
      const zh = renderDocument(kind, ctx);
      const read = readDocument(kind, zh.html);
      expect(read).not.toBeNull();
      expect(read!.number).toBe(zh.number);
      expect(read!.date).toBe('2026-03-10');
      expect(read!.complainantName).toBe('李小明');
      const en = renderDocumentEn(kind, read!);
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toContain('The Chinese version of this document is the authoritative one');
      expect(en.html).toContain('10 March 2026');
      expect(en.html).toContain(zh.number);
      if (kind !== 'mediation_agreement' && kind !== 'mediation_record') expect(en.html).toContain(c.ticketNo);
      expect(cjkOutsideNames(en.html, zh.number)).toBeNull();
    });

  it('names the law and the article in English, and the statutory reason', () => {
    const h = renderDocumentEn(
      'decline_decision',
      readDocument('decline_decision', renderDocument('decline_decision', c).html)!,
    ).html;
    expect(h).toContain('On 2 March 2026 you lodged a complaint against 上海某某电器有限公司 (No. XZ-20260302-0001)');
    expect(h).toContain(
      'Article 15, item (1) of the Interim Measures for Handling Complaints and Reports in Market Regulation (SAMR Order No. 20, revised 2022): the matter complained of is not within the duties of market regulation',
    );
    expect(h).toContain(
      'under Article 39 of the Law of the People’s Republic of China on the Protection of Consumer Rights',
    );
    expect(h).toContain('Legal basis: Article 15 of the Interim Measures');
    const acc = renderDocumentEn(
      'acceptance_decision',
      readDocument('acceptance_decision', renderDocument('acceptance_decision', c).html)!,
    ).html;
    expect(acc).toContain('The mediation period runs until 12 May 2026');
  });

  it('does not guess: an unlisted reason stays as written and is said to be Chinese; a foreign text is refused', () => {
    const h = renderDocumentEn(
      'decline_decision',
      readDocument('decline_decision', renderDocument('decline_decision', { ...c, reasonText: '自定义理由' }).html)!,
    ).html;
    expect(h).toContain('“自定义理由” (as written, in Chinese)');
    expect(readDocument('decline_decision', '<html><body>别的文书</body></html>')).toBeNull();
  });

  it('reads article numbers and citations', () => {
    expect(chineseNumber('三十九')).toBe(39);
    expect(chineseNumber('一百二十一')).toBe(121);
    expect(chineseNumber('十')).toBe(10);
    expect(articleEn('第二十三条第一款第六项')).toBe('Article 23, paragraph 1, item (6)');
    expect(citationEn('行政处罚程序规定第十九条')).toBe(
      'Article 19 of the Provisions on the Procedures of Administrative Penalties in Market Regulation',
    );
    expect(citationEn('《某办法》第十六条')).toBe('Article 16 of the 《某办法》 (title in Chinese)');
  });
});
