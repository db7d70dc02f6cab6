import { describe, expect, it } from 'vitest';
import { builtinCalendarData, WorkCalendar } from '../../../platform/calendar/index.js';
import { type DomainError } from '../../../platform/errors/index.js';
import { decide, intakeState } from './transitions.js';
import { availableActions, type ActionFacts, type ActionInput, type WorkflowState } from './actions.js';
import { ruleSetFor } from './rules.js';
import { clockOf } from './deadlines.js';

const cal = new WorkCalendar(builtinCalendarData);

function fresh(kind: string, received: string, realName = true): WorkflowState {
  const r = ruleSetFor(received);
  const s = intakeState(cal, r, kind, received, realName);
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

function step(
  s: WorkflowState,
  input: ActionInput,
  today: string,
  role: 'officer' | 'supervisor' | 'enterprise' | 'operator' | 'public' = 'officer',
  facts?: ActionFacts,
) {
  const d = decide(s, input, { cal, rules: ruleSetFor(s.received_date), today, role, facts });
  return {
    d,
    s: { ...s, status: d.status, deadlines: d.deadlines, suspended_since: d.suspended_since, odr_key: d.odr_key },
  };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('rule sets by received date', () => {
  it('uses Order 20 until 2026-04-14 and Order 121 from 2026-04-15', () => {
    expect(ruleSetFor('2026-04-14').version).toBe('order20');
    expect(ruleSetFor('2026-04-15').version).toBe('order121');
    expect(ruleSetFor('2019-05-01').version).toBe('order20');
  });
});

describe('complaint workflow', () => {
  it('sets the 7-working-day acceptance deadline at intake', () => {
    expect(fresh('complaint', '2026-09-30').deadlines.accept_by).toBe('2026-10-15');
  });

  it('accept → mediate → success under Order 20 (45 working days)', () => {
    let s = fresh('complaint', '2025-03-03');
    let r = step(s, { action: 'accept' }, '2025-03-05');
    expect(r.d.status).toBe('accepted');
    expect(r.d.deadlines.mediate_by).toBe(cal.addWorkdays('2025-03-05', 45));
    expect(r.d.documents).toEqual(['acceptance_decision']);
    s = r.s;
    r = step(s, { action: 'start_mediation' }, '2025-03-06');
    expect(r.d.status).toBe('mediating');
    r = step(r.s, { action: 'mediate_success' }, '2025-03-20');
    expect(r.d.status).toBe('mediated');
    expect(r.d.closed).toBe(true);
    expect(r.d.documents).toEqual(['mediation_agreement']);
    r = step(r.s, { action: 'follow_up', satisfaction: 5 }, '2025-03-25');
    expect(r.d.status).toBe('mediated');
    expect(r.d.satisfaction).toBe(5);
  });

  it('uses the 60-day (calendar) mediation limit under Order 121', () => {
    const r = step(fresh('complaint', '2026-05-06'), { action: 'accept' }, '2026-05-07');
    expect(r.d.deadlines.mediate_by).toBe(cal.addCalendarDays('2026-05-07', 60));
  });

  it('does not count testing time: suspension moves the mediation limit', () => {
    let r = step(fresh('complaint', '2025-03-03'), { action: 'accept' }, '2025-03-04');
    r = step(r.s, { action: 'start_mediation' }, '2025-03-04');
    const before = r.d.deadlines.mediate_by!;
    r = step(r.s, { action: 'suspend', reason: 'testing' }, '2025-03-10');
    expect(r.d.status).toBe('suspended');
    expect(r.d.due_date).toBeNull();
    r = step(r.s, { action: 'resume' }, '2025-03-17'); // 5 working days stood still
    expect(r.d.deadlines.mediate_by).toBe(cal.addWorkdays(before, 5));
    expect(r.d.status).toBe('mediating');
  });

  it('declines with an Art. 15 reason code and produces the decision document', () => {
    const r = step(fresh('complaint', '2025-06-03'), { action: 'decline', reason: 'D3' }, '2025-06-05');
    expect(r.d.status).toBe('declined');
    expect(r.d.closed).toBe(true);
    expect(r.d.legal_basis).toBe('总局令第20号第十五条第三项');
    expect(r.d.documents).toEqual(['decline_decision']);
  });

  it('refuses a decline without a valid reason', () => {
    expect(code(() => step(fresh('complaint', '2025-06-03'), { action: 'decline' }, '2025-06-05'))).toBe(
      'invalid_input',
    );
    expect(code(() => step(fresh('complaint', '2025-06-03'), { action: 'decline', reason: 'D9' }, '2025-06-05'))).toBe(
      'invalid_input',
    );
    // D6 of Order 121 (impersonation) does not exist in Order 20 as such: D6 there is "other"; D7 only in 121
    expect(code(() => step(fresh('complaint', '2025-06-03'), { action: 'decline', reason: 'D7' }, '2025-06-05'))).toBe(
      'invalid_input',
    );
    expect(step(fresh('complaint', '2026-06-03'), { action: 'decline', reason: 'D7' }, '2026-06-05').d.status).toBe(
      'declined',
    );
  });

  it('terminates with the 7-working-day notice', () => {
    let r = step(fresh('complaint', '2026-09-21'), { action: 'accept' }, '2026-09-22');
    r = step(r.s, { action: 'terminate', reason: 'T3' }, '2026-09-30');
    expect(r.d.status).toBe('terminated');
    expect(r.d.deadlines.notice_by).toBe('2026-10-15');
    expect(r.d.due_date).toBe('2026-10-15');
    expect(r.d.documents).toEqual(['termination_decision']);
    r = step(r.s, { action: 'notify_termination' }, '2026-10-09');
    expect(r.d.status).toBe('closed');
  });

  it('ODR: needs consent, runs its window, falls back to administrative handling', () => {
    const s = fresh('complaint', '2026-06-01');
    const facts = { odrEnterprise: { key: 'x', enrolled: true }, odrCandidates: ['x'], consentOdr: true };
    expect(code(() => step(s, { action: 'send_odr', odr_key: 'x' }, '2026-06-01'))).toBe('not_found');
    expect(
      code(() =>
        step(s, { action: 'send_odr', odr_key: 'x', consent: true }, '2026-06-01', 'officer', {
          ...facts,
          consentOdr: false,
        }),
      ),
    ).toBe('illegal_transition');
    let r = step(s, { action: 'send_odr', odr_key: 'x', consent: true }, '2026-06-01', 'officer', facts);
    expect(r.d.status).toBe('odr');
    expect(r.d.due_date).toBe(cal.addWorkdays('2026-06-01', 7));
    r = step(r.s, { action: 'odr_fail' }, '2026-06-10', 'enterprise');
    expect(r.d.status).toBe('received');
    expect(r.d.due_date).toBe(cal.addWorkdays('2026-06-10', 7));
    const settled = step(
      step(s, { action: 'send_odr', odr_key: 'x', consent: true }, '2026-06-01', 'officer', facts).s,
      { action: 'odr_settle' },
      '2026-06-03',
      'enterprise',
    );
    expect(settled.d.status).toBe('closed');
    expect(settled.d.outcome).toBe('odr_settled');
  });

  it('ODR: the firm’s own window where its enrolment sets one; the settlement records its amount', () => {
    const s = fresh('complaint', '2026-06-01');
    const facts = {
      odrEnterprise: { key: 'x', enrolled: true, window_days: 3 },
      odrCandidates: ['x'],
      consentOdr: true,
    };
    const r = step(s, { action: 'send_odr', odr_key: 'x', consent: true }, '2026-06-01', 'officer', facts);
    expect(r.d.deadlines.odr_by).toBe(cal.addWorkdays('2026-06-01', 3));
    const settled = step(r.s, { action: 'odr_settle', amount: 299.5 }, '2026-06-02', 'enterprise');
    expect(settled.d.event.payload.amount).toBe(299.5);
    expect(code(() => step(r.s, { action: 'odr_settle', amount: -1 }, '2026-06-02', 'enterprise'))).toBe(
      'invalid_input',
    );
  });

  it('refuses illegal transitions with a clear error', () => {
    const s = fresh('complaint', '2026-06-01');
    expect(code(() => step(s, { action: 'mediate_success' }, '2026-06-02'))).toBe('illegal_transition');
    expect(code(() => step(s, { action: 'open_case' }, '2026-06-02'))).toBe('illegal_transition');
    const closed = step(s, { action: 'decline', reason: 'D1' }, '2026-06-02').s;
    expect(code(() => step(closed, { action: 'accept' }, '2026-06-03'))).toBe('illegal_transition');
    expect(code(() => step(s, { action: 'accept' }, '2026-06-02', 'enterprise'))).toBe('forbidden');
    expect(code(() => step(s, { action: 'accept' }, '2026-06-02', 'public'))).toBe('forbidden');
  });
});

describe('report workflow', () => {
  it('15 working days to decide, extendable once by 15, then the 5-day notice to a real-name reporter', () => {
    let r = step(fresh('report', '2026-09-30'), { action: 'start_verification' }, '2026-10-08');
    expect(r.d.deadlines.verify_by).toBe(cal.addWorkdays('2026-09-30', 15));
    r = step(r.s, { action: 'extend_verification' }, '2026-10-15', 'supervisor');
    expect(r.d.deadlines.verify_by).toBe(cal.addWorkdays(cal.addWorkdays('2026-09-30', 15), 15));
    expect(code(() => step(r.s, { action: 'extend_verification' }, '2026-10-16', 'supervisor'))).toBe(
      'illegal_transition',
    );
    expect(code(() => step(r.s, { action: 'extend_verification' }, '2026-10-16', 'officer'))).toBe('forbidden');
    r = step(r.s, { action: 'open_case' }, '2026-11-02');
    expect(r.d.status).toBe('case_opened');
    expect(r.d.due_date).toBe(cal.addWorkdays('2026-11-02', 5));
    expect(code(() => step(r.s, { action: 'close' }, '2026-11-03'))).toBe('illegal_transition');
    r = step(r.s, { action: 'notify_reporter' }, '2026-11-03');
    expect(r.d.status).toBe('closed');
    expect(r.d.documents).toEqual(['report_result_notice']);
  });
  it('anonymous reports have no notice clock and close directly', () => {
    let r = step(fresh('report', '2026-09-30', false), { action: 'not_open_case', reason: 'N0' }, '2026-10-09');
    expect(r.d.due_date).toBeNull();
    expect(code(() => step(r.s, { action: 'notify_reporter' }, '2026-10-10'))).toBe('illegal_transition');
    r = step(r.s, { action: 'close' }, '2026-10-10');
    expect(r.d.status).toBe('closed');
  });
});

describe('referral out of the city', () => {
  it('forwards to the competent bureau with where it went, and closes', () => {
    const s = fresh('complaint', '2026-06-01');
    expect(code(() => step(s, { action: 'refer_out' }, '2026-06-02', 'operator'))).toBe('invalid_input');
    const r = step(s, { action: 'refer_out', note: '浙江省杭州市余杭区市场监督管理局' }, '2026-06-02', 'operator');
    expect(r.d.status).toBe('closed');
    expect(r.d.outcome).toBe('referred');
  });
});

describe('consultations', () => {
  it('are answered with a text', () => {
    const s = fresh('consultation', '2026-06-01');
    expect(code(() => step(s, { action: 'answer' }, '2026-06-02', 'operator'))).toBe('invalid_input');
    expect(step(s, { action: 'answer', note: '已告知' }, '2026-06-02', 'operator').d.status).toBe('answered');
  });
});

describe('available actions and clocks', () => {
  it('lists what a role may do now', () => {
    expect(availableActions({ kind: 'complaint', status: 'received' }, 'officer')).toEqual([
      'accept',
      'decline',
      'send_odr',
      'mark_duplicate',
      'refer_out',
    ]);
    expect(availableActions({ kind: 'complaint', status: 'odr' }, 'enterprise')).toEqual(['odr_settle', 'odr_fail']);
    expect(availableActions({ kind: 'report', status: 'received' }, 'public')).toEqual([]);
  });
  it('colours the clock red/amber/green', () => {
    expect(clockOf(cal, '2026-11-20', '2026-11-23').clock).toBe('red');
    expect(clockOf(cal, '2026-11-24', '2026-11-23').clock).toBe('amber');
    expect(clockOf(cal, '2026-12-04', '2026-11-23').clock).toBe('green');
    expect(clockOf(cal, null, '2026-11-23').clock).toBe('none');
  });
});
