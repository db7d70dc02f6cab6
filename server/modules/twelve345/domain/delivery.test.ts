import { describe, expect, it } from 'vitest';
import { backoff, channelsOf, deliveryConfig, dropFileName, idempotencyKey } from './delivery.js';
import { fillLocal, LOCAL_TEMPLATES, CATEGORIES_12345 } from './categories.js';

describe('12345 delivery configuration', () => {
  it('reads the endpoint and the drop directory, and refuses bad values', () => {
    expect(channelsOf(deliveryConfig({}))).toEqual([]);
    const c = deliveryConfig({ XIEZHI_12345_URL: 'http://127.0.0.1:41000/in', XIEZHI_12345_DROP_DIR: '/tmp/x', XIEZHI_12345_ATTEMPTS: '3' });
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

describe('12345 reply templates', () => {
  it('has one template per category, each naming what the officer must write', () => {
    expect(new Set(LOCAL_TEMPLATES.map((t) => t.category))).toEqual(new Set(CATEGORIES_12345));
    for (const t of LOCAL_TEMPLATES) expect(fillLocal(t.body, {}).missing).toContain('处理结果');
  });
  it('fills what the ticket knows and leaves the rest marked', () => {
    const f = fillLocal('{{business_name}}：{{处理结果}}（{{work_order_no}}）', { business_name: '某健身', work_order_no: '' });
    expect(f).toEqual({ text: '某健身：{{处理结果}}（{{12345工单号}}）', missing: ['处理结果', '12345工单号'] });
  });
});
