import { describe, expect, it } from 'vitest';
import { shanghaiDateTime, shanghaiDateTimeSeconds, shanghaiDay } from './time.js';

describe('Shanghai time for people', () => {
  it('shows a UTC instant in Shanghai time, across midnight', () => {
    expect(shanghaiDateTime('2026-12-01T19:17:05.123Z')).toBe('2026-12-02 03:17');
    expect(shanghaiDay('2026-12-01T19:17:05Z')).toBe('2026-12-02');
    expect(shanghaiDateTimeSeconds('2026-12-01T19:17:05.123Z')).toBe('2026-12-02 03:17:05');
  });
  it('honours an explicit offset', () => {
    expect(shanghaiDateTime('2026-12-02T03:17:00+08:00')).toBe('2026-12-02 03:17');
    expect(shanghaiDateTime('2026-12-01T12:00:00-05:00')).toBe('2026-12-02 01:00');
  });
  it('keeps a calendar date as it is', () => {
    expect(shanghaiDay('2027-01-04')).toBe('2027-01-04');
    expect(shanghaiDateTime('2027-01-04')).toBe('2027-01-04 00:00');
  });
  it('gives empty text for nothing or garbage, never a wrong date', () => {
    expect(shanghaiDateTime(null)).toBe('');
    expect(shanghaiDateTime('not a date')).toBe('');
    expect(shanghaiDay('')).toBe('');
  });
  it('accepts a Date', () => {
    expect(shanghaiDateTime(new Date(Date.UTC(2026, 11, 31, 16, 30)))).toBe('2027-01-01 00:30');
  });
});
