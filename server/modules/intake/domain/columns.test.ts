import { describe, expect, it } from 'vitest';
import { CsvParser, normaliseDate, resolveMapping, rowToTicket } from './columns.js';

describe('spreadsheet import mapping', () => {
  it('recognises Chinese headers and keeps unknown columns in extra', () => {
    const headers = ['工单编号', '登记时间', '诉求类型', '诉求内容', '被投诉单位', '联系电话', '备注'];
    const m = resolveMapping(headers);
    const t = rowToTicket(['A1', '2026/3/5 14:02', '投诉', '鞋子开胶', '某鞋店', '13800138000', '无'], m, headers);
    expect(typeof t).toBe('object');
    if (typeof t === 'string') return;
    expect(t.id).toBe('A1');
    expect(t.received_at).toBe('2026-03-05T14:02:00');
    expect(t.respondent?.name).toBe('某鞋店');
    expect(t.complainant?.phone).toBe('13800138000');
    expect(t.extra).toEqual({ 备注: '无' });
  });
  it('rejects a row without id or date with a reason', () => {
    const headers = ['id', 'received_at', 'text'];
    expect(rowToTicket(['', '2026-01-01', 'x'], resolveMapping(headers), headers)).toBe('missing id');
    expect(rowToTicket(['1', 'yesterday', 'x'], resolveMapping(headers), headers)).toMatch(/received_at/);
  });
  it('honours a custom mapping', () => {
    const headers = ['No.', 'When'];
    const t = rowToTicket(['9', '2025-12-01'], resolveMapping(headers, { id: 'No.', received_at: 'When' }), headers);
    expect(typeof t === 'object' && t.id).toBe('9');
  });
  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    const p = new CsvParser();
    expect(p.push('1,"a, b","say ""hi""",x')).toEqual(['1', 'a, b', 'say "hi"', 'x']);
    expect(p.push('2,"line one')).toBeNull();
    expect(p.push('line two",y')).toEqual(['2', 'line one\nline two', 'y']);
  });
  it('normalises Chinese dates', () => {
    expect(normaliseDate('2026年3月5日')).toBe('2026-03-05');
  });
});
