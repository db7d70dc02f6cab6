import { describe, expect, it } from 'vitest';
import { readableEvidence } from './readable.js';

describe('evidence as a regulator reads it', () => {
  it('cites ticket numbers, names no hashes and no template ids', () => {
    const noOf = new Map([['T0123456789abcdef0123456', 'XZ202512100000068']]);
    const s = readableEvidence(
      '40件与关联身份 oXQ8Md6I6zKXrexSVzDJ5_kTjJJZbgrX 的诉求文本属同一模板：T0123456789abcdef0123456；46件与其他约4名投诉人使用同一模板（模板tpl-XZ2026, tpl-XZ2027）：T0123456789abcdef0123456',
      noOf,
    );
    expect(s).toBe(
      '40件与关联身份另一投诉人 的诉求文本属同一模板：XZ202512100000068；46件与其他约4名投诉人使用同一模板：XZ202512100000068',
    );
    expect(readableEvidence('如 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa、bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb）', noOf)).toBe(
      '如另一投诉人等）',
    );
  });
});
