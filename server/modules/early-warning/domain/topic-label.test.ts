import { describe, expect, it } from 'vitest';
import { topicLabel, wordFor } from './topic-label.js';

describe('topic labels', () => {
  const texts = ['一汽马自达阿特兹车身多处异响希望解决', '阿特兹B柱异响严重', '马自达阿特兹车门异响', '阿特兹异响'];
  it('grows a bigram into the phrase the texts share', () => {
    expect(wordFor('阿特', texts)).toBe('阿特兹');
    expect(wordFor('异响', texts)).toBe('异响');
  });
  it('does not start a phrase with the tail of a date or a pronoun', () => {
    const shop = [
      '我3月5日在天猫平台购买的充电宝鼓包',
      '11月2日在天猫平台买的充电宝发热',
      '本人1月9日在天猫平台下单，这个充电宝无法充电',
      '这个充电宝在天猫平台买的',
    ];
    expect(wordFor('天猫', shop)).toBe('天猫平台');
    expect(topicLabel(['这个', '电宝'], shop, 3)).toBe('充电宝');
  });
  it('never shows a two-character fragment', () => {
    const label = topicLabel(['注具', '阿特'], [...texts, '注射器具'], 3);
    expect(label.split(' ')).not.toContain('注具');
    expect(label).toContain('阿特兹');
  });
  it('starts and ends on whole words, and drops phrases that say nothing of the complaint (simulated city texts)', () => {
    const add = [
      '食品添加剂未标注具体名称，要求退款',
      '这款饼干的食品添加剂未标注具体名称',
      '包装上食品添加剂未标注具体名称',
    ];
    const w = wordFor('添加', add);
    expect(add.every((t) => t.includes(w))).toBe(true);
    expect(w.startsWith('品')).toBe(false);
    expect(topicLabel(['后来'], ['后来我跟店员说了', '后来我跟客服联系', '后来我跟老板讲'], 3)).toBe('');
    const moon = [
      '新闻曝光味之源的月饼生产环境脏乱',
      '看到新闻曝光味之源的月饼生产环境脏乱，家里还有好几包',
      '新闻曝光味之源的月饼生产环境脏乱要求退款',
    ];
    expect(topicLabel(['曝光', '月饼', '生产'], moon, 4).split(' ')).toHaveLength(1);
  });
  it('trims loose words, never the first character of a word (给予, 要求)', () => {
    const reward = ['符合条件的请给予举报奖励', '请依法给予举报奖励', '希望给予举报奖励，谢谢'];
    expect(wordFor('予举', reward)).toBe('给予举报奖励');
    const ten = ['要求十倍赔偿', '本人要求十倍赔偿', '故要求十倍赔偿并查处'];
    expect(wordFor('求十', ten)).toBe('十倍赔偿');
  });
});
