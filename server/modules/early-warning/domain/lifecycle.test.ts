import { describe, expect, it } from 'vitest';
import { AlertTransitionError, allowedCommands, evaluationOutcome, newLifecycle, transition } from './lifecycle.js';

const at = '2026-11-22T10:00:00+08:00';

describe('alert life cycle', () => {
  it('goes new → confirmed → handled with actions and history', () => {
    let lc = newLifecycle();
    lc = transition(lc, { type: 'confirm', by: 'u1', at });
    lc = transition(lc, { type: 'handle', by: 'u1', at, actions: ['interview', 'consumer_warning'] });
    expect(lc.state).toBe('handled');
    expect(lc.actions).toEqual(['interview', 'consumer_warning']);
    expect(lc.history.map((h) => `${h.from}>${h.to}`)).toEqual(['new>confirmed', 'confirmed>handled']);
    expect(allowedCommands('handled')).toEqual([]);
  });

  it('needs a reason to dismiss; a dismissed alert is excluded from evaluation and can be reopened', () => {
    let lc = transition(newLifecycle(), { type: 'dismiss', by: 'u2', at, reason: 'normal_volume' });
    expect(lc.dismissReason).toBe('normal_volume');
    expect(evaluationOutcome(lc.state)).toBe('excluded');
    expect(() => transition(lc, { type: 'handle', by: 'u2', at, actions: ['inspection'] })).toThrow(
      AlertTransitionError,
    );
    lc = transition(lc, { type: 'reopen', by: 'u3', at });
    expect(lc.state).toBe('new');
    expect(lc.dismissReason).toBeUndefined();
  });

  it('rejects illegal moves and empty handling', () => {
    const lc = newLifecycle();
    expect(() => transition(lc, { type: 'handle', by: 'x', at, actions: ['inspection'] })).toThrow(/cannot handle/);
    const c = transition(lc, { type: 'confirm', by: 'x', at });
    expect(() => transition(c, { type: 'handle', by: 'x', at, actions: [] })).toThrow(/at least one/);
    expect(evaluationOutcome('confirmed')).toBe('true_alarm');
    expect(evaluationOutcome('new')).toBe('pending');
  });
});
