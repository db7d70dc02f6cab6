import { describe, expect, it } from 'vitest';
import { KnownEstates } from './known-places.js';
import { findPlaces } from './places.js';
import { subjectsOf } from './subjects.js';
import { TopicKeywords } from './topic-keywords.js';

const read = (k: KnownEstates, text: string) => {
  const found = findPlaces(text);
  const bare = k.find(text, found);
  k.learn(found);
  return bare;
};

describe('estates named before, written bare', () => {
  it('finds an estate in a text that does not mark it as a place, once another text has', () => {
    const k = new KnownEstates();
    expect(findPlaces('投诉融侨锦江车位捆绑销售问题')).toEqual([]);
    expect(read(k, '投诉融侨锦江车位捆绑销售问题')).toEqual([]); // nothing known yet
    read(k, '反映融侨锦江小区车位只售不租');
    expect(read(k, '投诉融侨锦江车位捆绑销售问题')).toEqual([{ kind: 'estate', name: '融侨锦江', key: '融侨锦江' }]);
  });

  it('keeps no two-character stems and reads nothing inside a longer name the text gives', () => {
    const k = new KnownEstates();
    read(k, '鼓山小区门口的路灯坏了');
    expect(read(k, '鼓山镇的公交站没有雨棚')).toEqual([]);
    read(k, '阳光城业主反映物业费上涨');
    expect(read(k, '阳光城翡丽湾小区停车难')).toEqual([]);
    expect(read(k, '阳光城的物业不作为').map((p) => p.key)).toEqual(['阳光城']);
  });

  it('stops learning at its bound', () => {
    const k = new KnownEstates(1);
    read(k, '反映融侨锦江小区车位只售不租');
    read(k, '反映泰禾红树林小区车位只售不租');
    expect(k.size).toBe(1);
    expect(read(k, '投诉泰禾红树林车位')).toEqual([]);
  });

  it('makes the bare spelling count towards the same location subject', () => {
    const topics = new TopicKeywords();
    const k = new KnownEstates();
    const loc = (text: string) =>
      subjectsOf({ id: text, received_at: '2024-08-01', text }, topics, k)
        .filter((s) => s.type === 'location')
        .map((s) => s.key);
    expect(loc('我是泰禾红树林业主，开发商把车位捆绑销售')).toEqual(['p:泰禾红树林']);
    expect(loc('投诉泰禾红树林车位捆绑销售问题')).toEqual(['p:泰禾红树林']);
  });
});
