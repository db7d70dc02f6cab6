import { describe, expect, it } from 'vitest';
import { checkTemplateEdit, fillTemplate, placeholdersOf, varsFromTicket } from './templates.js';
import { SEED_TEMPLATES } from '../data/templates.js';

describe('fillTemplate', () => {
  it('fills every placeholder that has a value, tolerating spaces inside the braces', () => {
    const r = fillTemplate('编号{{ticket_no}}，经营者{{ business }}。', {
      ticket_no: 'T2026-001',
      business: '上海某某健身有限公司',
    });
    expect(r).toEqual({ text: '编号T2026-001，经营者上海某某健身有限公司。', missing: [] });
  });

  it('leaves a placeholder without a value as written and lists it once, in order of first use', () => {
    const r = fillTemplate('{{outcome}}；{{reason}}；再次{{outcome}}；{{unit}}', {
      unit: '岳阳市场监管所',
      reason: '   ',
    });
    expect(r.text).toBe('{{outcome}}；{{reason}}；再次{{outcome}}；岳阳市场监管所');
    expect(r.missing).toEqual(['outcome', 'reason']);
  });

  it('does not treat single braces or other text as placeholders', () => {
    expect(fillTemplate('{ticket_no} {{Ticket-No}} {{}}', { ticket_no: 'x' })).toEqual({
      text: '{ticket_no} {{Ticket-No}} {{}}',
      missing: [],
    });
  });

  it('inserts values literally (a value with $& or braces is not re-expanded)', () => {
    expect(fillTemplate('{{summary}}', { summary: '退款$&{{business}}' }).text).toBe('退款$&{{business}}');
  });
});

describe('template checks', () => {
  it('names unknown placeholders (an editor typo) and refuses empty text', () => {
    expect(placeholdersOf('{{ticket_no}}{{bussiness}}{{ticket_no}}')).toEqual({
      used: ['ticket_no', 'bussiness'],
      unknown: ['bussiness'],
    });
    expect(checkTemplateEdit({ title: 't', body: '{{bussiness}}' })).toEqual({
      ok: false,
      message: {
        zh: '模板中有未定义的占位符：{{bussiness}}',
        en: 'The template uses undefined placeholders: {{bussiness}}',
      },
    });
    expect(checkTemplateEdit({ title: ' ', body: 'x' }).ok).toBe(false);
    expect(checkTemplateEdit({ title: 't', body: '{{business}}' }).ok).toBe(true);
  });

  it('every shipped template uses only catalogued placeholders, and covers 7 12345 categories', () => {
    for (const t of SEED_TEMPLATES) expect(placeholdersOf(t.body).unknown, t.key).toEqual([]);
    expect(new Set(SEED_TEMPLATES.filter((t) => t.use === '12345').map((t) => t.category)).size).toBe(7);
    expect(new Set(SEED_TEMPLATES.map((t) => t.key)).size).toBe(SEED_TEMPLATES.length);
  });
});

describe('varsFromTicket', () => {
  const t = {
    no: 'XZ20261201-0001',
    kind: 'complaint',
    received_date: '2026-12-01',
    status: 'mediated',
    title: '健身卡门店关闭要求退款',
    respondent_name: '上海某某健身有限公司',
    respondent_address: '松江区人民北路100号',
    category: '文化、娱乐、体育服务',
    amount: '3000.00',
    channel: '12345',
    source_id: '12345-SH-778',
    outcome: null,
    legal_basis: null,
    extra: null,
  };
  it('takes ticket fields, Chinese dates, the status label as outcome and the 12345 work-order number', () => {
    const v = varsFromTicket(t, { today: '2026-12-08', unit: '岳阳市场监管所' });
    expect(v).toMatchObject({
      ticket_no: t.no,
      received_date: '2026年12月1日',
      reply_date: '2026年12月8日',
      business: '上海某某健身有限公司',
      kind: '投诉',
      outcome: '调解成功',
      amount: '3000',
      transfer_no: '12345-SH-778',
      unit: '岳阳市场监管所',
    });
    const filled = fillTemplate(SEED_TEMPLATES.find((x) => x.key === '12345.consumer_dispute')!.body, v);
    expect(filled.text).toContain('12345工单号：12345-SH-778');
    expect(filled.missing).toEqual(['problem']);
  });
  it('an explicit outcome wins; a non-12345 ticket has no transfer number', () => {
    const v = varsFromTicket({ ...t, channel: 'web' }, { today: '2026-12-08', outcome: '退还预付款2000元' });
    expect(v.outcome).toBe('退还预付款2000元');
    expect(v.transfer_no).toBeUndefined();
  });
});
