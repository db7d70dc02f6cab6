import { describe, expect, it } from 'vitest';
import { LoginThrottle, DEFAULT_POLICY } from './throttle.js';

describe('login throttle', () => {
  it('backs off exponentially after the free attempts and locks the account at the limit', () => {
    const t = new LoginThrottle();
    let now = 1_000_000;
    for (let i = 0; i < DEFAULT_POLICY.free; i++) {
      expect(t.check('admin', 'a', now).ok).toBe(true);
      t.fail('admin', 'a', now);
    }
    const v = t.check('admin', 'a', now);
    expect(v).toMatchObject({ ok: false, why: 'account_backoff', retryAfterMs: 1000 });
    // waits double with each failure: 1 s, 2 s, 4 s …
    const waits: number[] = [];
    let locked = false;
    for (let i = DEFAULT_POLICY.free; i < DEFAULT_POLICY.lockAfter; i++) {
      const c = t.check('admin', 'a', now);
      if (!c.ok) {
        waits.push(c.retryAfterMs);
        now += c.retryAfterMs;
      }
      expect(t.check('admin', 'a', now).ok).toBe(true);
      locked = t.fail('admin', 'a', now).locked;
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(locked).toBe(true);
    const l = t.check('Admin ', 'other-address', now + 60_000);
    expect(l).toMatchObject({ ok: false, why: 'account_locked' });
    // after the lock one attempt is let through; one more failure locks again at once
    const after = now + DEFAULT_POLICY.lockMs + 1;
    expect(t.check('admin', 'a', after).ok).toBe(true);
    expect(t.fail('admin', 'a', after).locked).toBe(true);
    // another account from another address is untouched
    expect(t.check('officer', 'b', now).ok).toBe(true);
  });

  it('throttles one address spraying many accounts, and a success clears only the account', () => {
    const t = new LoginThrottle();
    const now = 5_000_000;
    for (let i = 0; i < DEFAULT_POLICY.addrFree; i++) t.fail(`user${i}`, 'spray', now);
    expect(t.check('fresh-user', 'spray', now)).toMatchObject({ ok: false, why: 'address_backoff' });
    expect(t.check('fresh-user', 'elsewhere', now).ok).toBe(true);
    t.fail('x', 'c', now);
    t.fail('x', 'c', now);
    t.fail('x', 'c', now);
    expect(t.check('x', 'c', now).ok).toBe(false);
    t.succeed('x');
    expect(t.check('x', 'c', now).ok).toBe(true);
    // a quiet hour forgets the address
    expect(t.check('fresh-user', 'spray', now + DEFAULT_POLICY.forgetMs + 10 * 60_000).ok).toBe(true);
  });
});
