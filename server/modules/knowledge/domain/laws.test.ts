import { describe, expect, it } from 'vitest';
import {
  articleNumber,
  articleOn,
  chineseNumber,
  citation,
  searchLaws,
  toChineseNumber,
  type LawArticle,
} from './laws.js';
import { SEED_LAWS } from '../data/laws.js';

const row = (p: Partial<LawArticle>): LawArticle => ({
  id: 'x',
  law: '某法',
  short_name: '某法',
  issuer_no: null,
  article: '第十五条',
  article_no: 15,
  paragraph: null,
  text: '',
  is_summary: false,
  in_force_from: '2020-01-01',
  in_force_to: null,
  source: '',
  ...p,
});

describe('article numbers', () => {
  it('reads and writes Chinese numerals as laws use them', () => {
    for (const [s, n] of [
      ['十', 10],
      ['十五', 15],
      ['二十一', 21],
      ['一百四十八', 148],
      ['一百零五', 105],
      ['二百', 200],
    ] as const) {
      expect(chineseNumber(s)).toBe(n);
      expect(toChineseNumber(n)).toBe(s);
    }
    expect(articleNumber('第五十五条')).toBe(55);
    expect(articleNumber('148')).toBe(148);
    expect(articleNumber('第五十五条第一款')).toBeNull();
    expect(articleNumber('abc')).toBeNull();
  });
  it('every shipped row names its article consistently, is sourced, and summaries say 摘要', () => {
    for (const l of SEED_LAWS) {
      expect(articleNumber(l.article), l.id).toBe(l.article_no);
      expect(l.source, l.id).toBeTruthy();
      if (l.is_summary) expect(l.text, l.id).toContain('摘要');
    }
    expect(new Set(SEED_LAWS.map((l) => l.id)).size).toBe(SEED_LAWS.length);
    expect(SEED_LAWS.length).toBeGreaterThanOrEqual(25);
  });
});

describe('in force by date', () => {
  const old = row({ id: 'o20', in_force_to: '2026-04-14', text: 'old' });
  const neu = row({ id: 'o121', in_force_from: '2026-04-15', text: 'new' });
  it('picks the version in force on the day, both edges inclusive', () => {
    expect(articleOn([old, neu], '2026-04-14')!.id).toBe('o20');
    expect(articleOn([old, neu], '2026-04-15')!.id).toBe('o121');
    expect(articleOn([old, neu], '2019-12-31')).toBeUndefined();
  });
  it('a paragraph not stored on its own resolves to the whole article', () => {
    const p2 = row({ id: 'p2', paragraph: 2 });
    expect(articleOn([old, p2], '2025-01-01', 2)!.id).toBe('p2');
    expect(articleOn([old, p2], '2025-01-01', 3)!.id).toBe('o20');
    expect(citation(p2)).toBe('《某法》第十五条第二款');
  });
  it('Order 20 and Order 121 in the shipped library do not overlap', () => {
    const o20 = SEED_LAWS.filter((l) => l.issuer_no === '总局令第20号');
    const o121 = SEED_LAWS.filter((l) => l.issuer_no === '总局令第121号');
    expect(o20.every((l) => l.in_force_to === '2026-04-14')).toBe(true);
    expect(o121.every((l) => l.in_force_from === '2026-04-15' && l.is_summary)).toBe(true);
  });
  it('search needs every word and honours the date', () => {
    expect(searchLaws(SEED_LAWS, '消费者权益保护法 欺诈').map((l) => l.id)).toEqual(['cpl-55']);
    expect(
      searchLaws(SEED_LAWS, '不予受理', '2026-05-01').every(
        (l) => l.in_force_from <= '2026-05-01' && !l.id.startsWith('o20'),
      ),
    ).toBe(true);
    expect(searchLaws(SEED_LAWS, '食品安全法 第一百四十八条').map((l) => l.id)).toEqual(['fsl-148']);
    expect(searchLaws(SEED_LAWS, '刑法 敲诈勒索').map((l) => l.id)).toEqual(['crl-274']);
  });
});
