import { describe, expect, it } from 'vitest';
import { queryTerms, searchGuide, type GuideItem } from './guide.js';
import { SEED_GUIDE } from '../data/guide.js';
import { SEED_LAWS } from '../data/laws.js';
import { CATEGORIES, PROBLEM_TYPES } from '../../../../shared/domain.js';

const item = (id: string, p: Partial<GuideItem>): GuideItem => ({
  id,
  seq: Number(id),
  title: '',
  category: null,
  problem: null,
  tags: [],
  case_text: '',
  analysis: '',
  tip: '',
  source: '',
  law_refs: [],
  ...p,
});

describe('guide search', () => {
  const items = [
    item('1', { title: '预付卡闭店', tags: ['健身'], tip: '提前通知持卡人' }),
    item('2', { title: '明码标价', analysis: '不得收取未标明的费用，预付卡也应标价' }),
    item('3', { title: '过期食品', tags: ['保质期'] }),
  ];
  it('needs every word; a title/tag hit ranks above a hit in the analysis', () => {
    expect(searchGuide(items, '预付卡').map((i) => i.id)).toEqual(['1', '2']);
    expect(searchGuide(items, '预付卡 健身').map((i) => i.id)).toEqual(['1']);
  });
  it('falls back to 2-character grams when no item holds the whole phrase', () => {
    expect(searchGuide(items, '健身预付').map((i) => i.id)[0]).toBe('1');
    expect(searchGuide(items, '航空延误')).toEqual([]);
  });
  it('an empty query keeps everything in guide order', () => {
    expect(searchGuide(items, '  ').map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(queryTerms('七日 无理由，退货')).toEqual({ words: ['七日', '无理由', '退货'], grams: ['无理', '理由'] });
  });
  it('finds shipped items by what a business would type', () => {
    expect(searchGuide(SEED_GUIDE, '七日无理由')[0]!.id).toBe('guide-03');
    expect(searchGuide(SEED_GUIDE, '自动续费')[0]!.id).toBe('guide-21');
    expect(searchGuide(SEED_GUIDE, '封口费')[0]!.id).toBe('guide-40');
    expect(searchGuide(SEED_GUIDE, '退押金')[0]!.id).toBe('guide-23');
    expect(searchGuide(SEED_GUIDE, '中文标签').map((i) => i.id)).toContain('guide-36');
    expect(searchGuide(SEED_GUIDE, '十倍赔偿').map((i) => i.id)).toEqual(
      expect.arrayContaining(['guide-07', 'guide-08']),
    );
  });
});

describe('shipped guide', () => {
  it('has the 42 items of the seed with case, analysis, tip, a source, project category codes, and law refs that exist', () => {
    const laws = new Set(SEED_LAWS.map((l) => l.id));
    expect(SEED_GUIDE.length).toBe(42);
    expect(SEED_GUIDE.map((g) => g.seq)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    for (const g of SEED_GUIDE) {
      expect(g.case_text && g.analysis && g.tip && g.source, g.id).toBeTruthy();
      if (g.category) expect(CATEGORIES as readonly string[], g.id).toContain(g.category);
      if (g.problem) expect(PROBLEM_TYPES as readonly string[], g.id).toContain(g.problem);
      expect(g.law_refs.length, g.id).toBeGreaterThan(0);
      for (const r of g.law_refs) expect(laws.has(r), `${g.id} → ${r}`).toBe(true);
    }
  });
});
