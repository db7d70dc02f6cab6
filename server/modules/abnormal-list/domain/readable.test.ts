import { describe, expect, it } from 'vitest';
import { readableCriterion, readableEvidence, readableEvidenceEn } from './readable.js';

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
  it('the English evidence by the same rules; an entry stored before English evidence keeps only the Chinese', () => {
    const noOf = new Map([['T0123456789abcdef0123456', 'XZ202512100000068']]);
    expect(
      readableEvidenceEn(
        '40 share one template with linked identities oXQ8Md6I6zKXrexSVzDJ5_kTjJJZbgrX: T0123456789abcdef0123456; ' +
          '46 use the same template as about 4 other complainants (templates tpl-XZ2026, tpl-XZ2027): T0123456789abcdef0123456, T0123456789abcdef0123457',
        noOf,
      ),
    ).toBe(
      '40 share one template with a linked identity (another complainant): XZ202512100000068; ' +
        '46 use the same template as about 4 other complainants: XZ202512100000068, T0123456789abcdef0123457',
    );
    expect(
      readableEvidenceEn(
        'e.g. aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb); already at the proposal threshold: linked identities cccccccccccccccccccccccccccccccc (score 0.91), dddddddddddddddddddddddddddddddd (score 0.52)',
        noOf,
      ),
    ).toBe(
      'e.g. other complainants); already at the proposal threshold: linked identities: another complainant (score 0.91), another complainant (score 0.52)',
    );
    const old = { code: 'volume', label: 'x', evidence: '工单：T0123456789abcdef0123456' };
    expect(readableCriterion(old, noOf)).toEqual({ ...old, evidence: '工单：XZ202512100000068' });
    expect(readableCriterion({ ...old, evidence_en: 'tickets: T0123456789abcdef0123456' }, noOf).evidence_en).toBe(
      'tickets: XZ202512100000068',
    );
  });
});
