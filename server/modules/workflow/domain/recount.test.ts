import { describe, expect, it } from 'vitest';
import { builtinCalendarData, WorkCalendar } from '../../../platform/calendar/index.js';
import { decide, intakeState } from './transitions.js';
import { type ActionInput, type WorkflowState } from './actions.js';
import { ruleSetFor } from './rules.js';
import { recountDeadlines, type RecountFacts } from './recount.js';
import { LIMITS_12345, start12345 } from './transfer-12345.js';

// before: 2027 missing (counted Monday to Friday); after: an admin entered a 2027 schedule
const prev = new WorkCalendar(builtinCalendarData);
const y2027 = {
  off: [
    ['2027-01-01', '2027-01-03', '元旦'],
    ['2027-02-06', '2027-02-12', '春节'],
  ] as [string, string, string][],
  work: ['2027-02-14', '2027-02-20'],
};
const next = new WorkCalendar({ ...builtinCalendarData, years: { ...builtinCalendarData.years, 2027: y2027 } });
const facts: RecountFacts = { limits12345: LIMITS_12345.deadlines };

function fresh(cal: WorkCalendar, kind: string, received: string, realName = true): WorkflowState {
  const s = intakeState(cal, ruleSetFor(received), kind, received, realName);
  return {
    kind,
    status: s.status,
    received_date: received,
    real_name: realName,
    deadlines: s.deadlines,
    suspended_since: null,
    odr_key: null,
  };
}

/** A ticket's history played on one calendar: its state and its current deadline. */
function play(
  cal: WorkCalendar,
  kind: string,
  received: string,
  steps: [ActionInput, string, ('officer' | 'supervisor')?][],
) {
  let s = fresh(cal, kind, received);
  let due = intakeState(cal, ruleSetFor(received), kind, received, true);
  let dueKind: string | null = due.due_kind;
  let dueDate: string | null = due.due_date;
  for (const [input, today, role] of steps) {
    const d = decide(s, input, { cal, rules: ruleSetFor(received), today, role: role ?? 'officer' });
    s = { ...s, status: d.status, deadlines: d.deadlines, suspended_since: d.suspended_since, odr_key: d.odr_key };
    dueKind = d.due_kind;
    dueDate = d.due_date;
  }
  return { ...s, due_kind: dueKind, due_date: dueDate };
}

const recount = (s: ReturnType<typeof play>) => recountDeadlines(prev, next, ruleSetFor(s.received_date), s, facts);

describe("recounting deadlines when a year's schedule is entered", () => {
  it('moves an acceptance deadline over New Year 2027 by the holiday, and the queue date with it', () => {
    const before = play(prev, 'complaint', '2026-12-24', []);
    expect(before.deadlines.accept_by).toBe('2027-01-04'); // 2027-01-01 counted as a Friday at work
    const r = recount(before);
    expect(r.deadlines.accept_by).toBe(play(next, 'complaint', '2026-12-24', []).deadlines.accept_by);
    expect(r.deadlines.accept_by).toBe('2027-01-05');
    expect(r.changes).toEqual({ accept_by: ['2027-01-04', '2027-01-05'] });
    expect(r.due_date).toBe('2027-01-05');
  });

  it('gives what counting on the new calendar from the start would have given, for each kind of deadline', () => {
    const cases: [string, string, [ActionInput, string, ('officer' | 'supervisor')?][]][] = [
      ['complaint', '2026-12-21', [[{ action: 'accept' }, '2026-12-28']]],
      [
        'complaint',
        '2026-12-01',
        [
          [{ action: 'accept' }, '2026-12-03'],
          [{ action: 'terminate', reason: 'T1' }, '2026-12-29'],
        ],
      ],
      [
        'complaint',
        '2026-12-01',
        [
          [{ action: 'accept' }, '2026-12-02'],
          [{ action: 'start_mediation' }, '2026-12-03'],
          [{ action: 'suspend' }, '2026-12-04'],
          [{ action: 'resume' }, '2026-12-18'],
        ],
      ],
      ['report', '2026-12-15', [[{ action: 'extend_verification' }, '2026-12-16', 'supervisor']]],
      ['report', '2026-12-01', [[{ action: 'open_case' }, '2026-12-30']]],
      ['consultation', '2026-12-27', []],
    ];
    let moved = 0;
    for (const [kind, received, steps] of cases) {
      const before = play(prev, kind, received, steps);
      const after = play(next, kind, received, steps);
      const r = recount(before);
      expect(r.deadlines, `${kind} ${received} ${steps.map((x) => x[0].action).join(',')}`).toEqual(after.deadlines);
      expect(r.due_date).toBe(after.due_date);
      moved += Object.keys(r.changes).length;
    }
    expect(moved).toBeGreaterThanOrEqual(4); // the cases do cross the new holidays
  });

  it('recounts a 12345 transfer from its received date, extended or not', () => {
    const t = start12345(prev, '2026-12-30', 'GD1', null);
    const s = {
      received_date: '2026-12-30',
      deadlines: t.deadlines,
      odr_key: null,
      t12345: t.t12345,
      due_kind: 'reply_12345_by',
      due_date: t.deadlines.reply_12345_by!,
    };
    const r = recountDeadlines(prev, next, ruleSetFor('2026-12-30'), s, facts);
    expect(r.deadlines).toEqual(start12345(next, '2026-12-30', 'GD1', null).deadlines);
    expect(r.due_date).toBe(r.deadlines.reply_12345_by);
  });

  it('leaves deadlines counted wholly within covered years, and ones it cannot explain, as they are', () => {
    expect(recount(play(prev, 'complaint', '2026-11-02', [])).changes).toEqual({});
    // an imported deadline that no period of the rules gives from the received date
    const odd = { ...play(prev, 'complaint', '2026-12-24', []), deadlines: { accept_by: '2027-01-08' } };
    expect(recount(odd).changes).toEqual({});
  });
});
