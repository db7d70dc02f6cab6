import { describe, expect, it } from 'vitest';
import { builtinCalendarData, WorkCalendar } from '../../../platform/calendar/index.js';
import type { DomainError } from '../../../platform/errors/index.js';
import { decide, intakeState } from './transitions.js';
import { availableActions, type ActionFacts, type ActionInput, type WorkflowState } from './actions.js';
import { ruleSetFor } from './rules.js';
import { LIMITS_12345, start12345, type TemplateFact } from './transfer-12345.js';

const cal = new WorkCalendar(builtinCalendarData);
const RECEIVED = '2026-12-01';

function transfer(kind = 'complaint'): WorkflowState {
  const s = intakeState(cal, ruleSetFor(RECEIVED), kind, RECEIVED, true);
  const t = start12345(cal, RECEIVED, 'SH-0001', 'prepaid_card');
  return {
    kind,
    status: s.status,
    received_date: RECEIVED,
    real_name: true,
    deadlines: { ...s.deadlines, ...t.deadlines },
    suspended_since: null,
    odr_key: null,
    t12345: t.t12345,
  };
}
function step(
  s: WorkflowState,
  input: ActionInput,
  today: string,
  role: 'officer' | 'supervisor' | 'operator' = 'officer',
  facts?: ActionFacts,
) {
  const d = decide(s, input, {
    cal,
    rules: ruleSetFor(s.received_date),
    today,
    role,
    facts,
    at: `${today}T02:00:00.000Z`,
  });
  return { d, s: { ...s, status: d.status, deadlines: d.deadlines, t12345: d.t12345 ?? s.t12345 } };
}
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};
const tpl = (over: Partial<TemplateFact> = {}): TemplateFact => ({
  key: '12345.prepaid_card',
  version: 1,
  use: '12345',
  category: 'prepaid_card',
  text: '经核实：{{核实情况}}。',
  missing: ['核实情况'],
  ...over,
});

describe('12345 limits are configuration', () => {
  it('marks every limit UNSURE with a source, and counts them in working days on the calendar', () => {
    for (const r of Object.values(LIMITS_12345.deadlines)) expect(r.unsure).toBe(true);
    expect(LIMITS_12345.source).toMatch(/UNSURE/);
    const s = transfer();
    // 2026-12-01 is a Tuesday: one working day on is Wednesday; 15 working days skip three weekends
    expect(s.deadlines.sign_12345_by).toBe(cal.addWorkdays(RECEIVED, LIMITS_12345.deadlines.sign.workdays!));
    expect(s.deadlines.sign_12345_by).toBe('2026-12-02');
    expect(s.deadlines.reply_12345_by).toBe('2026-12-22');
    // the statutory acceptance clock of the complaint is still there
    expect(s.deadlines.accept_by).toBe(cal.addWorkdays(RECEIVED, 7));
  });
});

describe('the 12345 track', () => {
  it('offers its actions only on a transfer, in the states that allow them', () => {
    const plain = { ...transfer(), t12345: null };
    expect(availableActions(plain, 'officer').filter((a) => a.endsWith('_12345'))).toEqual([]);
    expect(code(() => step(plain, { action: 'sign_12345' }, RECEIVED))).toBe('illegal_transition');
    const s = transfer();
    expect(availableActions(s, 'officer').filter((a) => a.endsWith('_12345'))).toEqual(['sign_12345', 'return_12345']);
    const signed = step(s, { action: 'sign_12345' }, '2026-12-03').s;
    expect(signed.t12345!.state).toBe('signed');
    expect(availableActions(signed, 'officer').filter((a) => a.endsWith('_12345'))).toEqual([
      'return_12345',
      'reply_12345',
    ]);
    expect(availableActions(signed, 'supervisor')).toContain('extend_12345');
    expect(signed.status).toBe('received'); // signing does not touch the statutory status
  });

  it('records a late signing', () => {
    expect(step(transfer(), { action: 'sign_12345' }, '2026-12-02').d.event.payload.late).toBe(false);
    expect(step(transfer(), { action: 'sign_12345' }, '2026-12-03').d.event.payload.late).toBe(true);
  });

  it('returns only with a known reason code, “other” only with a note, and closes the ticket', () => {
    const s = transfer();
    expect(code(() => step(s, { action: 'return_12345' }, RECEIVED))).toBe('invalid_input');
    expect(code(() => step(s, { action: 'return_12345', reason: 'R99' }, RECEIVED))).toBe('invalid_input');
    expect(code(() => step(s, { action: 'return_12345', reason: 'R6' }, RECEIVED))).toBe('invalid_input');
    const r = step(s, { action: 'return_12345', reason: 'R1' }, RECEIVED);
    expect(r.d.status).toBe('closed');
    expect(r.d.outcome).toBe('returned_12345');
    expect(r.d.message12345).toEqual({ seq: 1, kind: 'return' });
    expect(r.s.t12345!.messages[0]).toMatchObject({ kind: 'return', reason: 'R1', text: '非市场监管职责' });
    // a transfer linked as a repeat at intake goes back as 重复件 and stays a duplicate
    expect(step({ ...s, status: 'duplicate' }, { action: 'return_12345', reason: 'R3' }, RECEIVED).d.status).toBe(
      'duplicate',
    );
    // once handling has begun the transfer is ours: no return after acceptance
    const accepted = step(step(s, { action: 'sign_12345' }, RECEIVED).s, { action: 'accept' }, RECEIVED).s;
    expect(code(() => step(accepted, { action: 'return_12345', reason: 'R1' }, RECEIVED))).toBe('illegal_transition');
  });

  it('replies from a template only after signing, with every placeholder written', () => {
    const s = transfer();
    expect(
      code(() => step(s, { action: 'reply_12345', template: 'x' }, RECEIVED, 'officer', { template12345: tpl() })),
    ).toBe('illegal_transition');
    const signed = step(s, { action: 'sign_12345' }, RECEIVED).s;
    expect(code(() => step(signed, { action: 'reply_12345' }, RECEIVED))).toBe('invalid_input');
    expect(
      code(() =>
        step(signed, { action: 'reply_12345', template: 'nope' }, RECEIVED, 'officer', { template12345: null }),
      ),
    ).toBe('not_found');
    expect(
      code(() =>
        step(signed, { action: 'reply_12345', template: 'o' }, RECEIVED, 'officer', {
          template12345: tpl({ use: 'outcome' }),
        }),
      ),
    ).toBe('invalid_input');
    expect(
      code(() => step(signed, { action: 'reply_12345', template: 'k' }, RECEIVED, 'officer', { template12345: tpl() })),
    ).toBe('invalid_input');
    expect(
      code(() =>
        step(signed, { action: 'reply_12345', template: 'k', text: '经核实：{{核实情况}}。' }, RECEIVED, 'officer', {
          template12345: tpl(),
        }),
      ),
    ).toBe('invalid_input');
    const r = step(
      signed,
      { action: 'reply_12345', template: 'k', text: '经核实：商家已退款。' },
      '2026-12-23',
      'officer',
      { template12345: tpl() },
    );
    expect(r.d.status).toBe('received');
    expect(r.s.t12345!.state).toBe('replied');
    expect(r.s.t12345!.messages[0]).toMatchObject({
      seq: 1,
      kind: 'reply',
      template: '12345.prepaid_card',
      template_version: 1,
      text: '经核实：商家已退款。',
      late: true,
    });
    // a template the ticket fills completely may go as it is
    const full = step(signed, { action: 'reply_12345', template: 'k' }, RECEIVED, 'officer', {
      template12345: tpl({ text: '已办结。', missing: [] }),
    });
    expect(full.s.t12345!.messages[0]!.text).toBe('已办结。');
    expect(
      code(() =>
        step(r.s, { action: 'reply_12345', template: 'k', text: '再答' }, RECEIVED, 'officer', {
          template12345: tpl(),
        }),
      ),
    ).toBe('illegal_transition');
  });

  it('extends the reply deadline once, with a reason, by a supervisor', () => {
    const signed = step(transfer(), { action: 'sign_12345' }, RECEIVED).s;
    expect(code(() => step(signed, { action: 'extend_12345', note: '需检测' }, RECEIVED, 'officer'))).toBe('forbidden');
    expect(code(() => step(signed, { action: 'extend_12345' }, RECEIVED, 'supervisor'))).toBe('invalid_input');
    const e = step(signed, { action: 'extend_12345', note: '需检测' }, RECEIVED, 'supervisor');
    expect(e.s.deadlines.reply_12345_by).toBe(cal.addWorkdays('2026-12-22', 15));
    expect(code(() => step(e.s, { action: 'extend_12345', note: '再延' }, RECEIVED, 'supervisor'))).toBe(
      'illegal_transition',
    );
  });

  it('starts again on 重办 with the re-open limit, keeping the history', () => {
    const s = transfer();
    const replied = step(
      step(s, { action: 'sign_12345' }, RECEIVED).s,
      { action: 'reply_12345', template: 'k', text: '已办结' },
      RECEIVED,
      'officer',
      { template12345: tpl() },
    ).s;
    const again = start12345(cal, '2026-12-10', 'SH-0001', null, replied.t12345);
    expect(again.t12345).toMatchObject({
      state: 'to_sign',
      reopen_count: 1,
      category: 'prepaid_card',
      extended: false,
    });
    expect(again.t12345.messages).toHaveLength(1);
    expect(again.deadlines.reply_12345_by).toBe(
      cal.addWorkdays('2026-12-10', LIMITS_12345.deadlines.reopen_reply.workdays!),
    );
  });
});
