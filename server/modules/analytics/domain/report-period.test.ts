import { describe, expect, it } from 'vitest';
import { changeText, isMonth, period, shiftMonth } from './report-period.js';

describe('monthly report periods', () => {
  it('knows month ends, leap years and year boundaries', () => {
    expect(period('2026-02')).toEqual({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(period('2028-02').to).toBe('2028-02-29');
    expect(period('2026-11').to).toBe('2026-11-30');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -12)).toBe('2025-11');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth('2026-10')).toBe(true);
  });
  it('words changes as a report does', () => {
    expect(changeText(112, 100)).toBe('增长12.0%');
    expect(changeText(96, 100)).toBe('下降4.0%');
    expect(changeText(100, 100)).toBe('持平');
    expect(changeText(5, 0)).toBe('上期无');
  });
});
