import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.js';
import { chineseDate } from './dates.js';

describe('escapeHtml', () => {
  it('writes markup in people’s text as text', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
  it('leaves Chinese text alone and reads null as nothing', () => {
    expect(escapeHtml('消费者投诉')).toBe('消费者投诉');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });
});

describe('chineseDate', () => {
  it('drops leading zeros and ignores a time part', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2026-12-31T23:59:00+08:00')).toBe('2026年12月31日');
  });
});
