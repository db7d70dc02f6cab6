import { describe, expect, it } from 'vitest';
import { lockoutProblem, passwordProblem, unitProblem } from './users.js';

describe('user administration rules', () => {
  it('puts each role in its kind of unit', () => {
    expect(unitProblem('officer', { id: 'S310117001', kind: 'station' })).toBeNull();
    expect(unitProblem('officer', { id: '310117', kind: 'district' })?.zh).toMatch(/市场监管所/);
    expect(unitProblem('supervisor', null)?.zh).toMatch(/须指定/);
    expect(unitProblem('partner', { id: 'city', kind: 'city' })?.zh).toMatch(/不隶属/);
    expect(unitProblem('enterprise', null)).toBeNull();
  });
  it('asks for a password with letters and digits, not the username', () => {
    expect(passwordProblem('short1', 'wang')?.zh).toMatch(/8 位/);
    expect(passwordProblem('abcdefgh', 'wang')?.zh).toMatch(/字母和数字/);
    expect(passwordProblem('wang1234', 'WANG1234')?.zh).toMatch(/用户名/);
    expect(passwordProblem('Xz2026new', 'wang')).toBeNull();
  });
  it('keeps an admin from locking themself out and the last admin in place', () => {
    const me = { id: 'a1', role: 'admin' as const, active: true };
    expect(lockoutProblem('a1', me, { ...me, active: false }, 3)?.zh).toMatch(/自己/);
    expect(lockoutProblem('a1', me, { ...me, role: 'analyst' }, 3)?.zh).toMatch(/自己/);
    const other = { id: 'a2', role: 'admin' as const, active: true };
    expect(lockoutProblem('a1', other, { ...other, active: false }, 2)).toBeNull();
    expect(lockoutProblem('a1', other, { ...other, active: false }, 1)?.zh).toMatch(/至少需要一名/);
    expect(lockoutProblem('a1', me, { ...me, role: 'admin' }, 1)).toBeNull();
    expect(
      lockoutProblem('a1', { id: 'o', role: 'officer', active: true }, { id: 'o', role: 'officer', active: false }, 1),
    ).toBeNull();
  });
});
