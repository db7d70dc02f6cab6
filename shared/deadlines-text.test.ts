import { describe, expect, it } from 'vitest';
import { deadlineCode, deadlinesText, parseDeadlinesText } from './deadlines-text.js';

describe('deadlines as a person reads them', () => {
  it('writes labels and dates and reads them back to the same object', () => {
    const d = { accept_by: '2026-10-19', mediate_by: '2026-11-02', suspended_workdays: 3, verify_extended: true };
    const text = deadlinesText(d);
    expect(text).toBe('受理期限 2026-10-19；调解期限 2026-11-02；中止3个工作日；核查期限已延长');
    expect(parseDeadlinesText(text!)).toEqual({ deadlines: d });
  });
  it('writes nothing for no deadlines and refuses what it cannot read', () => {
    expect(deadlinesText({})).toBeNull();
    expect(deadlinesText(null)).toBeNull();
    expect(parseDeadlinesText('受理期限 明天')).toEqual({ problem: 'cannot read deadline "受理期限 明天"' });
  });
  it('reads a deadline kind as its label or its code', () => {
    expect(deadlineCode('调解期限')).toBe('mediate_by');
    expect(deadlineCode('mediate_by')).toBe('mediate_by');
  });
});
