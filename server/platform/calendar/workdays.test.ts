import { describe, expect, it } from 'vitest';
import { WorkCalendar, shanghaiDate } from './workdays.js';
import { builtinCalendarData, calendar } from './index.js';

const cal = new WorkCalendar(builtinCalendarData);

describe('working-day calendar', () => {
  it('adds 7 working days across National Day 2026 (the brief example)', () => {
    expect(cal.addWorkdays('2026-09-30', 7)).toBe('2026-10-15');
  });
  it('counts make-up Saturdays as working days', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true); // 调休上班 Saturday
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-02-16')).toBe(false); // Spring Festival Monday
    expect(cal.isWorkday('2026-11-21')).toBe(false); // ordinary Saturday
  });
  it('does not count the start day', () => {
    expect(cal.addWorkdays('2026-11-23', 1)).toBe('2026-11-24');
    expect(cal.addWorkdays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(cal.addWorkdays('2026-11-21', 0)).toBe('2026-11-21');
  });
  it('handles Spring Festival 2026 with its two make-up Saturdays', () => {
    // Fri 02-13, Sat 02-14 (work), 02-15..02-23 off, 02-24 Tue
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-13', 2)).toBe('2026-02-24');
  });
  it('crosses year boundaries (2024 → 2025 New Year, 2025 Spring Festival)', () => {
    expect(cal.addWorkdays('2024-12-31', 1)).toBe('2025-01-02');
    expect(cal.addWorkdays('2025-01-24', 2)).toBe('2025-01-27'); // Sun 01-26 is a make-up working day
    expect(cal.addWorkdays('2025-01-27', 1)).toBe('2025-02-05');
  });
  it('15 working days over Labour Day 2025', () => {
    expect(cal.addWorkdays('2025-04-25', 15)).toBe('2025-05-20'); // 04-27 (Sun) is a make-up working day;
  });
  it('counts working days between two dates, start day excluded', () => {
    expect(cal.workdaysBetween('2026-09-30', '2026-10-15')).toBe(7);
    expect(cal.workdaysBetween('2026-10-15', '2026-09-30')).toBe(-7);
  });
  it('rolls a calendar-day period ending on a day off forward to the next working day', () => {
    expect(cal.addCalendarDays('2026-09-01', 30)).toBe('2026-10-08');
  });
  it('warns when next year is missing, from November on', () => {
    expect(cal.missingScheduleWarning('2026-06-01')).toBeNull();
    expect(cal.missingScheduleWarning('2026-11-22')).toMatch(/2027/);
    expect(cal.missingScheduleWarning('2027-03-01')).toMatch(/2027/);
  });
  it('falls back to Monday–Friday outside the covered years', () => {
    expect(cal.covers(2027)).toBe(false);
    expect(cal.addWorkdays('2027-01-08', 1)).toBe('2027-01-11');
  });
  it('rejects invalid dates', () => {
    expect(() => cal.addWorkdays('2026-02-30', 1)).toThrow(/valid/);
    expect(() => cal.addWorkdays('2026-09-30', 1.5)).toThrow();
  });
  it('takes the Shanghai calendar date of an instant', () => {
    expect(shanghaiDate('2026-09-30T17:00:00Z')).toBe('2026-10-01');
    expect(shanghaiDate('2026-09-30T23:30:00')).toBe('2026-09-30');
    expect(shanghaiDate('2026-09-30')).toBe('2026-09-30');
  });
  it('exposes a process-wide calendar', () => {
    expect(calendar().version).toBe(builtinCalendarData.version);
  });
});
