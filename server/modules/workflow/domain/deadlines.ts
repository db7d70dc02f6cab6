/**
 * Deadline arithmetic of the statutory workflow. Pure: the calendar and rule set are passed in.
 * All dates are Asia/Shanghai 'YYYY-MM-DD'; the start day is never counted.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import type { DeadlineRule, RuleSet } from './rules.js';
import type { Clock } from '../../../../shared/ticket.js';

export type DeadlineKey =
  | 'accept_by'
  | 'odr_by'
  | 'mediate_by'
  | 'notice_by'
  | 'verify_by'
  | 'notify_by'
  | 'answer_by'
  | 'follow_up_by'
  | 'sign_12345_by'
  | 'reply_12345_by';
export type Deadlines = Partial<Record<DeadlineKey, string>> & {
  verify_extended?: boolean;
  suspended_workdays?: number;
  suspended_days?: number;
};

export function addPeriod(cal: WorkCalendar, from: string, rule: DeadlineRule): string {
  if (rule.workdays !== undefined) return cal.addWorkdays(from, rule.workdays);
  if (rule.days !== undefined) return cal.addCalendarDays(from, rule.days);
  throw new Error('deadline rule has neither workdays nor days');
}

/** Which deadline runs in each status (null: no clock, e.g. suspended for testing, or closed). */
export function currentDueKey(kind: string, status: string, realName: boolean): DeadlineKey | null {
  switch (status) {
    case 'received':
      if (kind === 'complaint') return 'accept_by';
      if (kind === 'report') return 'verify_by';
      return 'answer_by';
    case 'triage':
      return kind === 'complaint' ? 'accept_by' : kind === 'report' ? 'verify_by' : 'answer_by';
    case 'odr':
      return 'odr_by';
    case 'accepted':
    case 'mediating':
      return 'mediate_by';
    case 'terminated':
      return 'notice_by';
    case 'verifying':
      return 'verify_by';
    case 'case_opened':
    case 'not_opened':
      return realName ? 'notify_by' : null;
    default:
      return null;
  }
}

/** Deadlines set at intake. */
export function initialDeadlines(cal: WorkCalendar, rules: RuleSet, kind: string, receivedDate: string): Deadlines {
  if (kind === 'complaint') return { accept_by: addPeriod(cal, receivedDate, rules.deadlines.accept) };
  if (kind === 'report') return { verify_by: addPeriod(cal, receivedDate, rules.deadlines.report_verify) };
  return { answer_by: addPeriod(cal, receivedDate, rules.deadlines.consultation_answer) };
}

/**
 * Mediation limit after a suspension: testing/appraisal time is not counted (Order 20 Art. 20 ¶3), so the limit moves
 * by the working days (or calendar days, for a calendar-day rule) the clock stood still.
 */
export function extendForSuspension(
  cal: WorkCalendar,
  rules: RuleSet,
  d: Deadlines,
  suspendedFrom: string,
  resumedOn: string,
): Deadlines {
  if (!d.mediate_by) return d;
  const rule = rules.deadlines.mediation;
  if (rule.workdays !== undefined) {
    const n = Math.max(0, cal.workdaysBetween(suspendedFrom, resumedOn));
    return { ...d, mediate_by: cal.addWorkdays(d.mediate_by, n), suspended_workdays: (d.suspended_workdays ?? 0) + n };
  }
  const days = Math.max(0, Math.round((Date.parse(resumedOn) - Date.parse(suspendedFrom)) / 86_400_000));
  return { ...d, mediate_by: cal.addCalendarDays(d.mediate_by, days), suspended_days: (d.suspended_days ?? 0) + days };
}

/** the clock's colours are on the wire too (shared/ticket.ts) */
export type { Clock } from '../../../../shared/ticket.js';

/** Traffic-light clock for a deadline: red when overdue, amber within `warnWorkdays` working days. */
export function clockOf(
  cal: WorkCalendar,
  due: string | null | undefined,
  today: string,
  warnWorkdays = 2,
): { clock: Clock; workdays_left: number | null } {
  if (!due) return { clock: 'none', workdays_left: null };
  const left = cal.workdaysBetween(today, due);
  if (due < today) return { clock: 'red', workdays_left: left };
  return { clock: left <= warnWorkdays ? 'amber' : 'green', workdays_left: left };
}
