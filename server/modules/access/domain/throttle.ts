/**
 * Login throttling, per account and per client address, with exponential back-off and a lockout. Pure: the clock is
 * passed in. The account key is the username as typed (lower-cased), known or not, so the throttle answers the same
 * for real and unknown accounts and does not reveal which exist.
 *
 * Account: the first FREE failures are free; after that each further attempt must wait BASE·2^(n−FREE) (capped),
 * and LOCK_AFTER consecutive failures lock the account for LOCK_MS (the lockout is audited by the caller). A success
 * clears the account's record. Address: one client trying many accounts (password spraying) gets the same back-off
 * after ADDR_FREE failures; its record fades after a quiet hour. State is in-process: each web process throttles on
 * its own, which bounds an attacker to (processes × limit) — acceptable for a bureau's handful of web processes.
 */
export interface ThrottlePolicy {
  free: number;
  baseMs: number;
  maxDelayMs: number;
  lockAfter: number;
  lockMs: number;
  addrFree: number;
  forgetMs: number;
}

export const DEFAULT_POLICY: ThrottlePolicy = {
  free: 3,
  baseMs: 1000,
  maxDelayMs: 5 * 60_000,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  addrFree: 20,
  forgetMs: 60 * 60_000,
};

interface Rec {
  failures: number;
  last: number;
  lockedUntil: number;
}

export type Verdict =
  { ok: true } | { ok: false; retryAfterMs: number; why: 'account_locked' | 'account_backoff' | 'address_backoff' };

export class LoginThrottle {
  private accounts = new Map<string, Rec>();
  private addresses = new Map<string, Rec>();
  constructor(readonly policy: ThrottlePolicy = DEFAULT_POLICY) {}

  /** May this attempt be checked at all? Called before the password is looked at. */
  check(account: string, address: string, now: number): Verdict {
    const p = this.policy;
    const a = this.get(this.accounts, key(account), now);
    if (a && a.lockedUntil > now) return { ok: false, retryAfterMs: a.lockedUntil - now, why: 'account_locked' };
    if (a && a.failures >= p.free) {
      const wait = a.last + this.delay(a.failures - p.free) - now;
      if (wait > 0) return { ok: false, retryAfterMs: wait, why: 'account_backoff' };
    }
    const b = this.get(this.addresses, address, now);
    if (b && b.failures >= p.addrFree) {
      const wait = b.last + this.delay(b.failures - p.addrFree) - now;
      if (wait > 0) return { ok: false, retryAfterMs: wait, why: 'address_backoff' };
    }
    return { ok: true };
  }

  /** Records a wrong password; `locked` is true on the failure that locks the account (write the audit entry then). */
  fail(account: string, address: string, now: number): { failures: number; locked: boolean } {
    const p = this.policy;
    const a = this.bump(this.accounts, key(account), now);
    this.bump(this.addresses, address, now);
    let locked = false;
    if (a.failures >= p.lockAfter && a.lockedUntil <= now) {
      a.lockedUntil = now + p.lockMs;
      locked = true;
    }
    return { failures: a.failures, locked };
  }

  succeed(account: string): void {
    this.accounts.delete(key(account));
  }

  private delay(n: number): number {
    return Math.min(this.policy.maxDelayMs, this.policy.baseMs * 2 ** Math.min(n, 30));
  }

  private get(m: Map<string, Rec>, k: string, now: number): Rec | undefined {
    const r = m.get(k);
    if (r && r.lockedUntil <= now && now - r.last > this.policy.forgetMs) {
      m.delete(k);
      return undefined;
    }
    return r;
  }

  private bump(m: Map<string, Rec>, k: string, now: number): Rec {
    if (m.size > 50_000) this.prune(m, now); // a flood of random usernames must not grow memory without bound
    const r = this.get(m, k, now) ?? { failures: 0, last: now, lockedUntil: 0 };
    r.failures++;
    r.last = now;
    m.set(k, r);
    return r;
  }

  private prune(m: Map<string, Rec>, now: number): void {
    for (const [k, r] of m) if (r.lockedUntil <= now && now - r.last > 60_000) m.delete(k);
  }
}

const key = (account: string) => account.trim().toLowerCase();
