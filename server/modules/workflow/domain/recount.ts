/**
 * Recounting a ticket's deadlines when the holiday calendar changes (an admin enters next year's schedule, or corrects
 * one): a deadline counted Monday to Friday through a year without a schedule is wrong by that year's holidays and
 * make-up working days. Pure: both calendars and the rule set are passed in.
 *
 * Deadlines are stored as dates, not as "start + period", so the start is recovered where the ticket records it
 * (the received date; the 12345 transfer's received_on) and otherwise by counting the period back on the OLD
 * calendar. Counting back is exact whenever the start was a working day of the old calendar — staff decisions
 * (acceptance, termination, a decision on a report) are taken on working days; a calendar-day period is assumed not
 * to have been rolled forward (DOMAIN.md §8's roll-forward only moves a period that ended on a day off).
 */
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { addPeriod, type DeadlineKey, type Deadlines } from './deadlines.js';
import type { DeadlineRule, RuleSet } from './rules.js';
import type { Transfer12345 } from './transfer-12345.js';

const DAY = 86_400_000;
const plusDays = (d: string, n: number) => new Date(Date.parse(d) + n * DAY).toISOString().slice(0, 10);

export interface RecountState {
  received_date: string;
  deadlines: Deadlines;
  odr_key: string | null;
  t12345?: Transfer12345 | null;
  due_kind: string | null;
  due_date: string | null;
}

export interface RecountFacts {
  /** the ODR enterprise's own window (working days), where its enrolment sets one */
  odrWindowDays?: number | null;
  /** the 12345 limits (working days) */
  limits12345: { sign: DeadlineRule; reply: DeadlineRule; reopen_reply: DeadlineRule; extension: DeadlineRule };
}

export interface Recount {
  deadlines: Deadlines;
  due_date: string | null;
  /** the deadlines that moved: key → [old, new] */
  changes: Partial<Record<DeadlineKey, [string, string]>>;
}

interface Basis {
  start?: string;
  steps: DeadlineRule[];
}

/** How each deadline was counted: its periods in order, and its start where the ticket records it. */
function basisOf(key: DeadlineKey, s: RecountState, rules: RuleSet, f: RecountFacts): Basis | null {
  const R = rules.deadlines;
  const d = s.deadlines;
  switch (key) {
    // after an ODR attempt failed the acceptance clock restarted on that day, so the received date is no longer its start
    case 'accept_by':
      return { ...(s.odr_key ? {} : { start: s.received_date }), steps: [R.accept] };
    case 'verify_by':
      return {
        start: s.received_date,
        steps: d.verify_extended ? [R.report_verify, R.report_verify_extension] : [R.report_verify],
      };
    case 'answer_by':
      return { start: s.received_date, steps: [R.consultation_answer] };
    case 'mediate_by': {
      const paused: DeadlineRule[] = d.suspended_workdays
        ? [{ workdays: d.suspended_workdays }]
        : d.suspended_days
          ? [{ days: d.suspended_days }]
          : [];
      return { steps: [R.mediation, ...paused] };
    }
    case 'odr_by':
      return { steps: [f.odrWindowDays ? { workdays: f.odrWindowDays } : R.odr_window] };
    case 'notice_by':
      return { steps: [R.termination_notice] };
    case 'follow_up_by':
      return { steps: [R.follow_up] };
    case 'notify_by':
      return { steps: [R.reporter_notice] };
    case 'sign_12345_by':
      return s.t12345 ? { start: s.t12345.received_on, steps: [f.limits12345.sign] } : null;
    case 'reply_12345_by': {
      if (!s.t12345) return null;
      const L = f.limits12345;
      return {
        start: s.t12345.received_on,
        steps: [s.t12345.reopen_count > 0 ? L.reopen_reply : L.reply, ...(s.t12345.extended ? [L.extension] : [])],
      };
    }
  }
}

function countBack(cal: WorkCalendar, due: string, steps: DeadlineRule[]): string {
  let t = due;
  for (const r of [...steps].reverse())
    t = r.workdays !== undefined ? cal.addWorkdays(t, -r.workdays) : plusDays(t, -(r.days ?? 0));
  return t;
}

const KEYS: DeadlineKey[] = [
  'accept_by',
  'odr_by',
  'mediate_by',
  'notice_by',
  'verify_by',
  'notify_by',
  'answer_by',
  'follow_up_by',
  'sign_12345_by',
  'reply_12345_by',
];

/** The ticket's deadlines counted again on `next`, given that they were counted on `prev`. */
export function recountDeadlines(
  prev: WorkCalendar,
  next: WorkCalendar,
  rules: RuleSet,
  s: RecountState,
  f: RecountFacts,
): Recount {
  const out: Deadlines = { ...s.deadlines };
  const changes: Recount['changes'] = {};
  for (const key of KEYS) {
    const due = s.deadlines[key];
    if (!due) continue;
    const b = basisOf(key, s, rules, f);
    if (!b || b.steps.some((r) => r.workdays === undefined && r.days === undefined)) continue;
    // a recorded start is checked against the stored date: if the old calendar does not give it, the deadline was set
    // some other way (an import, a manual correction) and is left as it is
    let start = b.start;
    if (start !== undefined && b.steps.reduce((t, r) => addPeriod(prev, t, r), start) !== due) continue;
    start ??= countBack(prev, due, b.steps);
    const now = b.steps.reduce((t, r) => addPeriod(next, t, r), start);
    if (now !== due) {
      out[key] = now;
      changes[key] = [due, now];
    }
  }
  // the queue orders by due_date: it follows its deadline when that one moved
  const moved = s.due_kind ? changes[s.due_kind as DeadlineKey] : undefined;
  return { deadlines: out, due_date: moved ? moved[1] : s.due_date, changes };
}
