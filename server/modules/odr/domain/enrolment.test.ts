import { describe, expect, it } from 'vitest';
import { checkContact, checkCreditCode, checkWindow, decideEnrolment } from './enrolment.js';

describe('ODR enrolment decisions', () => {
  it('approves an application, and a rejected or withdrawn firm on review', () => {
    expect(decideEnrolment('applied', 'approve', {})).toEqual({ ok: true, value: { state: 'approved', odr: true } });
    expect(decideEnrolment('rejected', 'approve', { window_days: 5 })).toMatchObject({
      ok: true,
      value: { state: 'approved' },
    });
    expect(decideEnrolment('withdrawn', 'approve', {})).toMatchObject({ ok: true });
  });
  it('refuses a decision from the wrong state, naming the state', () => {
    const r = decideEnrolment('approved', 'approve', {});
    expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(!r.ok && r.message.zh).toContain('已入驻');
    expect(decideEnrolment('approved', 'reject', { note: 'x' })).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(decideEnrolment('applied', 'withdraw', { note: 'x' })).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
  });
  it('wants a reason for a rejection or a withdrawal, and turns the ODR flag off', () => {
    expect(decideEnrolment('applied', 'reject', { note: '  ' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(decideEnrolment('applied', 'reject', { note: '材料不全' })).toEqual({
      ok: true,
      value: { state: 'rejected', odr: false },
    });
    expect(decideEnrolment('approved', 'withdraw', { note: '企业申请退出' })).toEqual({
      ok: true,
      value: { state: 'withdrawn', odr: false },
    });
  });
  it('keeps the window between 1 and 60 working days, or leaves it to the rule set', () => {
    expect(checkWindow(undefined)).toBeNull();
    expect(checkWindow(null)).toBeNull();
    expect(checkWindow(7)).toBeNull();
    expect(checkWindow(0)?.zh).toMatch(/1–60/);
    expect(checkWindow(61)?.zh).toMatch(/1–60/);
    expect(checkWindow(2.5)?.zh).toMatch(/1–60/);
    expect(decideEnrolment('applied', 'approve', { window_days: 90 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });
  it('checks the contact phone and the credit code as people write them', () => {
    expect(checkContact({ name: '刘客服', phone: '13912345678' })).toBeNull();
    expect(checkContact({ name: '刘客服', phone: '021-61234567' })).toBeNull();
    expect(checkContact({ name: '刘客服', phone: '400-820-8820' })).toBeNull();
    expect(checkContact({ name: '刘客服', phone: '12345' })?.zh).toMatch(/电话/);
    expect(checkContact({ name: ' ', phone: '13912345678' })?.zh).toMatch(/联系人/);
    expect(checkContact({ name: '刘', phone: '13912345678', email: 'nope' })?.zh).toMatch(/邮箱/);
    expect(checkCreditCode('91310000MA1FL0000X')).toBeNull();
    expect(checkCreditCode(null)).toBeNull();
    expect(checkCreditCode('123')?.zh).toMatch(/18位/);
  });
});

describe('enrolment refusals speak both languages', () => {
  it('each refusal has Chinese and an English free of Chinese', () => {
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    const states = [null, 'applied', 'approved', 'rejected', 'withdrawn'] as const;
    const msgs = [
      ...states
        .flatMap((st) =>
          (['approve', 'reject', 'withdraw'] as const).map((d) => decideEnrolment(st, d, { window_days: 99 })),
        )
        .flatMap((v) => (v.ok ? [] : [v.message])),
      checkWindow(0),
      checkContact({ name: ' ', phone: '1' }),
      checkContact({ name: '刘', phone: '1' }),
      checkContact({ name: '刘', phone: '13912345678', email: 'x' }),
      checkCreditCode('1'),
    ];
    expect(msgs.length).toBeGreaterThan(15);
    for (const m of msgs) {
      expect(m?.zh).toMatch(cjk);
      expect(m?.en).not.toMatch(cjk);
    }
  });
});
