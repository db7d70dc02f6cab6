import { describe, expect, it } from 'vitest';
import { builtinCalendarData, WorkCalendar } from '../../../platform/calendar/index.js';
import { makeSealer } from '../../../platform/crypto/index.js';
import { hasReportPart, normaliseKind, normaliseTicket, splitReportPart, ticketIdFor } from './normalise.js';
import { normaliseBusinessKey } from './business-key.js';

const deps = {
  sealer: makeSealer('unit-test-key-0123456789'),
  cal: new WorkCalendar(builtinCalendarData),
  source: 'test',
};

describe('intake normalisation', () => {
  it('derives a stable id from source and source id', () => {
    expect(ticketIdFor('a', '1')).toBe(ticketIdFor('a', '1'));
    expect(ticketIdFor('a', '1')).not.toBe(ticketIdFor('b', '1'));
  });
  it('seals personal data and keeps only masked display and keyed hashes in clear', () => {
    const row = normaliseTicket(
      {
        id: '1',
        received_at: '2026-09-30T10:00:00',
        kind: 'complaint',
        text: '手机坏了',
        complainant: { name: '张三丰', phone: '13800138000' },
        respondent: { name: '上海某某通讯器材有限公司', address: '上海市松江区岳阳街道人民北路1号' },
      },
      deps,
    );
    expect(JSON.stringify(row)).not.toContain('13800138000');
    expect(row.complainant_display).toEqual({ name: '张*丰', phone: '138****8000' });
    expect(row.phone_hash).toBe(deps.sealer.hash('phone', '13800138000'));
    expect(row.unit_id).toBe('S310117001');
    expect(row.deadlines).toEqual({ accept_by: '2026-10-15' });
    expect(row.rule_version).toBe('order121');
    expect(row.received_date).toBe('2026-09-30');
  });
  it('maps Chinese kind names', () => {
    expect(normaliseKind('投诉')).toBe('complaint');
    expect(normaliseKind('Report')).toBe('report');
    expect(normaliseKind('whatever')).toBe('unknown');
  });
  it('splits a complaint that also reports a violation', () => {
    const t = {
      id: '2',
      received_at: '2026-05-06',
      kind: 'complaint',
      text: '要求退款赔偿，并举报该店销售过期食品，要求依法查处',
    };
    expect(hasReportPart(t)).toBe(true);
    const parent = normaliseTicket(t, deps);
    const child = splitReportPart(parent, deps);
    expect(child.kind).toBe('report');
    expect(child.parent_id).toBe(parent.id);
    expect(child.deadlines.verify_by).toBe(deps.cal.addWorkdays('2026-05-06', 15));
    expect(hasReportPart({ id: '3', received_at: '2026-05-06', text: '鞋子开胶了要求退货' })).toBe(false);
    expect(hasReportPart({ id: '4', received_at: '2026-05-06', text: '要求十倍赔偿，否则向市场监管部门举报' })).toBe(
      false,
    );
  });
  it('normalises business names conservatively', () => {
    expect(normaliseBusinessKey('上海 某某健身管理有限公司（松江万达店）')).toBe(
      normaliseBusinessKey('某某健身管理有限公司'),
    );
    expect(normaliseBusinessKey('甲餐饮')).not.toBe(normaliseBusinessKey('乙餐饮'));
  });
});
