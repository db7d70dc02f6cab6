import { describe, expect, it } from 'vitest';
import {
  type Actor,
  DueProcessError,
  allowedActions,
  dueForExpiry,
  effectsOf,
  handlingOf,
  mediationKpi,
  propose,
  simplifiedSuggestion,
  transition,
} from './lifecycle.js';

const model: Actor = { role: 'system', id: 'risk-model' };
const sup: Actor = { role: 'supervisor', id: 'sup-1', district: '310104' };
const officer: Actor = { role: 'officer', id: 'off-1', district: '310104' };
const person: Actor = { role: 'public', id: 'p-1' };
const crit = [{ code: 'template', label: '模板化诉求文本', evidence: '30件高度相似：t1、t2' }];

function listed() {
  let e = propose('L1', 'h:abc', 0.93, crit, model, '2026-01-05T10:00:00+08:00', '310104');
  e = transition(e, 'start_review', sup, '2026-01-06T09:00:00+08:00').entry;
  return transition(e, 'list', sup, '2026-01-07T09:00:00+08:00', {
    legal_basis: '总局令第121号第十六条第一款第三项；岳市监〔2024〕16号 二(六)',
    period_days: 365,
  }).entry;
}

describe('abnormal-list life cycle', () => {
  it('runs proposal → review → listing → notice → appeal → correction → removal, auditing every step', () => {
    let e = listed();
    expect(e.state).toBe('listed');
    expect(e.expires_at).toBe('2027-01-07');
    expect(effectsOf(e, '2026-01-08').simplifiedComplaintHandling).toBe(false); // not before the one-time notice
    e = transition(e, 'notify', officer, '2026-01-08T10:00:00+08:00').entry;
    expect(effectsOf(e, '2026-01-09')).toEqual({
      active: true,
      simplifiedComplaintHandling: true,
      verifyReportPart: true,
      excludeFromMediationKpi: true,
    });
    expect(() => transition(e, 'notify', officer, '2026-01-09')).toThrow(DueProcessError);
    e = transition(e, 'appeal', person, '2026-01-10', { reason: '我是正常消费' }).entry;
    e = transition(e, 'correct', sup, '2026-01-20', { reason: '删除不成立的标准', criteria: crit }).entry;
    e = transition(e, 'remove', sup, '2026-02-01', { reason: '复核后移出' }).entry;
    expect(e.state).toBe('removed');
    expect(effectsOf(e, '2026-02-02').active).toBe(false);
    expect(e.history.map((h) => h.action)).toEqual([
      'propose',
      'start_review',
      'list',
      'notify',
      'appeal',
      'correct',
      'remove',
    ]);
  });

  it('only a supervisor decides, with a legal basis, in their own district, never on their own proposal', () => {
    let e = propose('L2', 'h:x', 0.8, crit, { role: 'analyst', id: 'an-1' }, '2026-01-05');
    expect(() => transition(e, 'start_review', officer, '2026-01-06')).toThrow(/role officer/);
    e = transition(e, 'start_review', sup, '2026-01-06').entry;
    expect(() => transition(e, 'list', officer, '2026-01-07', { legal_basis: 'x' })).toThrow(/role officer/);
    expect(() => transition(e, 'list', sup, '2026-01-07', {})).toThrow(/legal basis/);
    const other = { ...e, district: '310115' };
    expect(() => transition(other, 'list', sup, '2026-01-07', { legal_basis: 'x' })).toThrow(/cannot decide/);
    // the decider cannot be the proposer: supervisors do not propose
    expect(() => propose('L3', 'h:y', 0.8, crit, sup, '2026-01-05')).toThrow(/may not propose/);
    expect(() => propose('L4', 'h:z', 0.9, [], model, '2026-01-05')).toThrow(/at least one criterion/);
    expect(allowedActions(e, 'supervisor').sort()).toEqual(['list', 'reject']);
    expect(allowedActions(null, 'public')).toEqual([]);
  });

  it('rejection needs a reason; an appeal can be dismissed; listings expire after the configured period', () => {
    let e = propose('L5', 'h:q', 0.7, crit, model, '2026-01-05');
    expect(() => transition(e, 'reject', sup, '2026-01-06')).toThrow(/reason/);
    e = transition(e, 'reject', sup, '2026-01-06', { reason: '证据不足' }).entry;
    expect(e.state).toBe('rejected');
    let l = transition(listed(), 'notify', officer, '2026-01-08').entry;
    l = transition(l, 'appeal', person, '2026-01-10', { reason: '不服' }).entry;
    l = transition(l, 'dismiss_appeal', sup, '2026-01-15', { reason: '证据充分' }).entry;
    expect(l.state).toBe('notified');
    expect(() => transition(l, 'expire', model, '2026-06-01')).toThrow(/not expired/);
    expect(dueForExpiry([l], '2027-01-07').length).toBe(1);
    expect(effectsOf(l, '2027-01-08').active).toBe(false);
    expect(transition(l, 'expire', model, '2027-01-07').entry.state).toBe('expired');
  });

  it('report parts are always verified; complaint parts simplified only when active and notified', () => {
    const e = transition(listed(), 'notify', officer, '2026-01-08').entry;
    expect(handlingOf('complaint', effectsOf(e, '2026-02-01'))).toEqual({ complaint: 'simplified', report: 'none' });
    expect(handlingOf('report', effectsOf(e, '2026-02-01'))).toEqual({ complaint: 'none', report: 'verify' });
    expect(handlingOf('complaint', effectsOf(null, '2026-02-01')).complaint).toBe('normal');
  });

  it('listed persons are left out of the mediation-success KPI', () => {
    const tickets = [
      { person: 'a', date: '2026-02-01', mediated: true, mediation_closed: true },
      { person: 'pro', date: '2026-02-01', mediated: false, mediation_closed: true },
      { person: 'pro', date: '2026-02-02', mediated: false, mediation_closed: true },
      { person: 'b', date: '2026-02-03', mediated: false, mediation_closed: true },
    ];
    expect(mediationKpi(tickets, (p) => p === 'pro')).toEqual({ included: 2, excluded: 2, success: 1, rate: 0.5 });
  });
});

describe('simplified handling changes the procedure', () => {
  const listed = effectsOf(
    {
      id: 'e',
      person: 'p',
      state: 'notified',
      score: 0.9,
      criteria: [],
      proposed_at: '2026-01-01',
      notified_at: '2026-01-02',
      expires_at: '2027-01-01',
      history: [],
    },
    '2026-06-01',
  );
  it('a new complaint is proposed for decline under Art. 15(3) with the 7-working-day notice; the report part is verified', () => {
    const s = simplifiedSuggestion('complaint_report', 'received', listed)!;
    expect(s.decision).toBe('建议不予受理投诉部分');
    expect(s.ground).toContain('第十五条第三项');
    expect(s.notice).toContain('七个工作日');
    expect(s.report).toContain('依法核查');
  });
  it('one in mediation is proposed for termination under Art. 21(1)(6); nothing without the one-time notice', () => {
    expect(simplifiedSuggestion('complaint', 'mediating', listed)!.ground).toContain('第二十一条第一款第六项');
    const notNotified = effectsOf(
      {
        id: 'e',
        person: 'p',
        state: 'listed',
        score: 0.9,
        criteria: [],
        proposed_at: '2026-01-01',
        expires_at: '2027-01-01',
        history: [],
      },
      '2026-06-01',
    );
    expect(simplifiedSuggestion('complaint', 'received', notNotified)).toBeNull();
    expect(simplifiedSuggestion('report', 'received', listed)).toBeNull();
  });
});
