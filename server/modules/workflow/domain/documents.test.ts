import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentContext } from './documents.js';

const c: DocumentContext = {
  ticketNo: 'XZ-1',
  unitName: '上海市松江区市场监督管理局',
  unitShort: '沪松江',
  date: '2026-03-10',
  ruleName: '《市场监督管理投诉举报处理暂行办法》',
  receivedDate: '2026-03-02',
  complainantName: '李某',
  respondentName: '某公司',
  summary: '',
  article: '第十五条第一项',
  reasonText: '投诉事项不属于市场监督管理部门职责',
};

describe('decision documents and the legal-basis library', () => {
  it('without the library: the built-in citation and no 法律依据 paragraph', () => {
    const h = renderDocument('decline_decision', c).html;
    expect(h).toContain('依照《中华人民共和国消费者权益保护法》第三十九条的规定');
    expect(h).not.toContain('法律依据：');
  });
  it('with it: the library citation, a verbatim article in quotes, a summary marked 摘要 and not quoted', () => {
    const h = renderDocument('termination_decision', {
      ...c,
      routesCitation: '《中华人民共和国消费者权益保护法》第三十九条',
      basis: [
        {
          citation: '《市场监督管理投诉举报处理暂行办法》第二十一条',
          text: '有下列情形之一的，终止调解：\n（一）投诉人撤回投诉',
          is_summary: false,
        },
        { citation: '《某办法》第十六条', text: '不予受理的情形……（摘要；条号未核对）', is_summary: true },
      ],
    }).html;
    expect(h).toContain(
      '法律依据：《市场监督管理投诉举报处理暂行办法》第二十一条规定：“有下列情形之一的，终止调解：<br>（一）投诉人撤回投诉”',
    );
    expect(h).toContain('法律依据：《某办法》第十六条（摘要）不予受理的情形……</p>');
  });
});
