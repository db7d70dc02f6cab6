import { describe, expect, it } from 'vitest';
import { checkAmount, duplicateKeys, idempotencyKeyOf, isApiKey, keyPrefixOf, sameWork } from './bulk.js';
import { firstSettlementRate, settlementRate } from './stats.js';

describe('bulk items', () => {
  it('takes the client’s idempotency key, else one settlement or decline per ticket', () => {
    expect(idempotencyKeyOf('settle', 't1', ' abc ')).toBe('abc');
    expect(idempotencyKeyOf('settle', 't1')).toBe('settle:t1');
    expect(idempotencyKeyOf('decline', 't1', '')).toBe('decline:t1');
    expect(idempotencyKeyOf('settle', 't1', 'x'.repeat(500))).toHaveLength(120);
  });
  it('accepts amounts in yuan with at most two decimals, never negative', () => {
    expect(checkAmount(0)).toBeNull();
    expect(checkAmount(299.9)).toBeNull();
    expect(checkAmount(0.07)).toBeNull();
    expect(checkAmount(-1)?.zh).toMatch(/负数/);
    expect(checkAmount(1.234)?.zh).toMatch(/两位小数/);
    expect(checkAmount(Number.NaN)?.zh).toMatch(/数字/);
    expect(checkAmount('12')?.zh).toMatch(/数字/);
  });
  it('refuses a key reused in one request for other work, not a plain repeat', () => {
    const bad = duplicateKeys([
      { key: 'a', op: 'settle', ticket_id: 't1' },
      { key: 'a', op: 'settle', ticket_id: 't1' },
      { key: 'a', op: 'settle', ticket_id: 't2' },
      { key: 'b', op: 'settle', ticket_id: 't2' },
    ]);
    expect([...bad]).toEqual([2]);
    expect(sameWork({ op: 'settle', ticket_id: 't1' }, 'settle', 't1')).toBe(true);
    expect(sameWork({ op: 'settle', ticket_id: 't1' }, 'decline', 't1')).toBe(false);
  });
  it('recognises an API key by its form, and shows only its prefix', () => {
    const k = `xzk_${'a'.repeat(43)}`;
    expect(isApiKey(k)).toBe(true);
    expect(isApiKey(`xzk_${'a'.repeat(42)}`)).toBe(false);
    expect(isApiKey('a-session-token')).toBe(false);
    expect(keyPrefixOf(k)).toBe('xzk_aaaaaaaa');
  });
});

describe('首次和解率', () => {
  it('counts decided complaints only: settled at the first attempt over settled-or-handed-back', () => {
    const s = { routed: 10, open: 2, settled: 6, settled_first: 5, declined: 3 };
    expect(firstSettlementRate(s)).toBe(0.625);
    expect(settlementRate(s)).toBe(0.75);
  });
  it('has no rate while nothing is decided', () => {
    expect(firstSettlementRate({ routed: 3, open: 3, settled: 0, settled_first: 0, declined: 0 })).toBeNull();
  });
});
