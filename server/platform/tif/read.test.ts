import { describe, expect, it } from 'vitest';
import { toTicket } from './read.js';

describe('TIF line validation', () => {
  it('rejects calendar-invalid dates and times with a reason', () => {
    for (const at of [
      '2026-13-45',
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-01-01T25:00',
      '2026-01-01T10:61',
      '2026-01-01T10:00+15:00',
      'yesterday',
    ]) {
      expect(toTicket({ id: '1', received_at: at }), at).toMatch(/^received_at is not a valid ISO 8601 date/);
    }
    for (const at of [
      '2024-02-29',
      '2026-12-31T23:59:59',
      '2026-01-01 08:00',
      '2026-01-01T08:00:00.123Z',
      '2026-01-01T08:00+0800',
    ]) {
      expect(typeof toTicket({ id: '1', received_at: at }), at).toBe('object');
    }
  });
  it('rejects a NUL anywhere with the field, strips other control characters', () => {
    expect(toTicket({ id: '1', received_at: '2026-01-01', text: 'a\u0000b' })).toBe('NUL character in text');
    expect(toTicket({ id: '1', received_at: '2026-01-01', complainant: { name: '张\u0000三' } })).toBe(
      'NUL character in complainant.name',
    );
    expect(toTicket({ id: '1', received_at: '2026-01-01', extra: { ['k\u0000']: 1 } })).toMatch(
      /NUL character in extra/,
    );
    const t = toTicket({ id: '1', received_at: '2026-01-01', title: '退\u0007款\u001b', text: '第一行\n\t第二行' });
    expect(t).toMatchObject({ title: '退款', text: '第一行\n\t第二行' });
  });
});
