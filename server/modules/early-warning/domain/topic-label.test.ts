import { describe, expect, it } from 'vitest';
import { topicLabel, wordFor } from './topic-label.js';

describe('topic labels', () => {
  const texts = ['一汽马自达阿特兹车身多处异响希望解决', '阿特兹B柱异响严重', '马自达阿特兹车门异响', '阿特兹异响'];
  it('grows a bigram into the phrase the texts share', () => {
    expect(wordFor('阿特', texts)).toBe('阿特兹');
    expect(wordFor('异响', texts)).toBe('异响');
  });
  it('never shows a two-character fragment', () => {
    const label = topicLabel(['注具', '阿特'], [...texts, '注射器具'], 3);
    expect(label.split(' ')).not.toContain('注具');
    expect(label).toContain('阿特兹');
  });
});
