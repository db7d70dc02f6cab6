import { describe, expect, it } from 'vitest';
import { parseHandling, statusCode } from './handling.js';

describe('handling carried by an exported ticket', () => {
  it('reads codes and Chinese labels, and a spreadsheet zone-less closing time as Shanghai time', () => {
    expect(statusCode('closed')).toBe('closed');
    expect(statusCode('已办结')).toBe('closed');
    expect(statusCode('lost')).toBeNull();
    const h = parseHandling({
      handling: {
        status: '调解成功',
        outcome: 'mediated',
        closed_at: '2026-10-12 17:00:00',
        deadlines: '{"accept_by":"2026-10-19","suspended_days":3,"verify_extended":true}',
        satisfaction: '4',
        report_part: '举报核查中',
      },
    });
    expect(h).toMatchObject({
      status: 'mediated',
      closed_at: '2026-10-12T17:00:00+08:00',
      deadlines: { accept_by: '2026-10-19', suspended_days: 3, verify_extended: true },
      satisfaction: 4,
      report_part: { status: 'verifying' },
    });
    expect(parseHandling({})).toBeNull();
  });
  it('refuses a malformed block with the field named', () => {
    expect(parseHandling({ handling: { status: 'lost' } })).toMatch(/^handling\.status is not a known status/);
    expect(parseHandling({ handling: { status: 'closed', due_date: '2026-02-30' } })).toBe(
      'handling.due_date is not a date: "2026-02-30"',
    );
    expect(parseHandling({ handling: { status: 'closed', deadlines: { accept_by: 'soon' } } })).toMatch(
      /deadlines\.accept_by/,
    );
    expect(parseHandling({ handling: { status: 'closed', satisfaction: 9 } })).toMatch(/satisfaction/);
    expect(parseHandling({ handling: 'closed' })).toBe('handling is not an object');
    expect(parseHandling({ handling: { status: 'closed', report_part: { status: 'x' } } })).toMatch(
      /^handling\.report_part\.status/,
    );
  });
});
