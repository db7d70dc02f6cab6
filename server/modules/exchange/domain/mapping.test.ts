import { describe, expect, it } from 'vitest';
import { cellOf, parseMapping } from './mapping.js';

describe('export column mapping', () => {
  it('refuses unknown fields, repeated headers and a layout an import could not read back', () => {
    expect(() => parseMapping({ id: '编号', received_at: '时间', 'complainant.salary': '工资' })).toThrow(
      /unknown field "complainant.salary"/,
    );
    expect(() => parseMapping({ id: '编号', received_at: '编号' })).toThrow(/used twice/);
    expect(() => parseMapping({ id: '编号' })).toThrow(/must map id and received_at/);
    expect(
      parseMapping({ id: '编号', received_at: '时间', 'labels.problem': '问题', 'handling.status': '状态' }),
    ).toHaveLength(4);
  });
  it('writes kinds and statuses as Chinese labels and times in Shanghai time', () => {
    const t = {
      id: 'X1',
      kind: 'complaint',
      received_at: '2026-10-09T07:48:34.000Z',
      complainant: { phone: '13800138000' },
      extra: {
        handling: {
          status: 'closed',
          deadlines: { accept_by: '2026-10-19' },
          report_part: { status: 'verifying' },
          abnormal: false,
        },
      },
    };
    expect(cellOf(t, 'kind')).toBe('投诉');
    expect(cellOf(t, 'received_at')).toBe('2026-10-09 15:48:34');
    expect(cellOf(t, 'handling.status')).toBe('已办结');
    expect(cellOf(t, 'handling.report_part')).toBe('举报核查中');
    expect(cellOf(t, 'handling.deadlines')).toBe('受理期限 2026-10-19');
    expect(cellOf(t, 'handling.abnormal')).toBe('否');
    expect(cellOf(t, 'complainant.phone')).toBe('13800138000');
    expect(cellOf(t, 'location')).toBeNull();
  });
  it('writes channels, the current deadline kind and the deadlines as a person reads them, never a bare code or {}', () => {
    const t = {
      id: 'X2',
      received_at: '2026-10-09',
      channel: 'wechat',
      extra: {
        handling: {
          due_kind: 'mediate_by',
          deadlines: { accept_by: '2026-10-19', mediate_by: '2026-11-02', suspended_workdays: 3 },
        },
      },
    };
    expect(cellOf(t, 'channel')).toBe('微信');
    expect(cellOf({ ...t, channel: '现场登记' }, 'channel')).toBe('现场登记'); // free text from a source stays
    expect(cellOf(t, 'handling.due_kind')).toBe('调解期限');
    expect(cellOf(t, 'handling.deadlines')).toBe('受理期限 2026-10-19；调解期限 2026-11-02；中止3个工作日');
    expect(cellOf({ ...t, extra: { handling: { deadlines: {} } } }, 'handling.deadlines')).toBeNull();
  });
});
