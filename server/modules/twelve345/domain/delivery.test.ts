import { describe, expect, it } from 'vitest';
import { backoff, channelsOf, deliveryConfig, dropFileName, idempotencyKey } from './delivery.js';

describe('12345 delivery configuration', () => {
  it('reads the endpoint and the drop directory, and refuses bad values', () => {
    expect(channelsOf(deliveryConfig({}))).toEqual([]);
    const c = deliveryConfig({
      XIEZHI_12345_URL: 'http://127.0.0.1:41000/in',
      XIEZHI_12345_DROP_DIR: '/tmp/x',
      XIEZHI_12345_ATTEMPTS: '3',
    });
    expect(channelsOf(c)).toEqual(['http', 'file']);
    expect(c.attempts).toBe(3);
    expect(() => deliveryConfig({ XIEZHI_12345_URL: 'ftp://x' })).toThrow(/http/);
    expect(() => deliveryConfig({ XIEZHI_12345_ATTEMPTS: '0' })).toThrow(/XIEZHI_12345_ATTEMPTS/);
    expect(() => deliveryConfig({ XIEZHI_12345_BACKOFF_MS: 'soon' })).toThrow(/XIEZHI_12345_BACKOFF_MS/);
  });
  it('backs off exponentially up to an hour, and keeps one key per message', () => {
    expect([1, 2, 3, 4].map((n) => backoff({ backoffMs: 1000 }, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoff({ backoffMs: 1000 }, 40)).toBe(3_600_000);
    expect(idempotencyKey('SH-1', 2)).toBe(idempotencyKey('SH-1', 2));
    expect(idempotencyKey('SH-1', 2)).not.toBe(idempotencyKey('SH-1', 3));
    expect(dropFileName('xiezhi-12345:../../etc:1')).toBe('xiezhi-12345_.._.._etc_1.json');
  });
});
