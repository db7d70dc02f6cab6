import { describe, expect, it } from 'vitest';
import { normalize, truncate } from './normalize.js';
import { tokenize } from './tokenize.js';
import { parseCnNumber } from './prefill/numbers.js';
import { findDates } from './prefill/dates.js';
import { prefill } from './prefill/extract.js';
import { clusterTemplates, TemplateClusterer } from './templates.js';
import { SimilarIndex } from './similar.js';
import { findDuplicate } from './duplicate.js';
import { trainClassifier, predict, evaluateModel } from './classify/model.js';
import { deserializeModel, serializeModel } from '../model-store.js';

describe('text foundation', () => {
  it('normalises width, traditional characters and whitespace', () => {
    expect(normalize('ＡＢＣ１２３　這個產品  質量')).toBe('abc123 这个产品 质量');
  });
  it('keeps domain terms whole and handles English', () => {
    const t = tokenize('商家不退预付卡，要求退一赔三，依据消费者权益保护法。Refunds were charged');
    expect(t).toContain('预付卡');
    expect(t).toContain('退一赔三');
    expect(t).toContain('消费者权益保护法');
    expect(t).toContain('refund');
  });
  it('never throws on bad input', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536));
    for (const s of ['', '😀💥🙈', garbage, 'x'.repeat(1_000_000)]) {
      expect(() => tokenize(s)).not.toThrow();
      expect(() => prefill(s, s)).not.toThrow();
    }
    expect(truncate('a'.repeat(100), 10).length).toBeLessThan(20);
  });
});

describe('pre-fill', () => {
  it('parses Chinese numerals', () => {
    expect(parseCnNumber('三百')).toBe(300);
    expect(parseCnNumber('一千二百')).toBe(1200);
    expect(parseCnNumber('两千三')).toBe(2300);
    expect(parseCnNumber('1.5万')).toBe(15000);
  });
  it('resolves relative dates against the reference date', () => {
    expect(findDates('昨天下单', '2026-11-20')[0]!.iso).toBe('2026-11-19');
    expect(findDates('3月5日购买', '2026-11-20')[0]!.iso).toBe('2026-03-05');
  });
  it('extracts fields with spans', () => {
    const text = '2026年3月5日在淘宝下单购买了蜂蜜，订单号：123456789012，实付三百元，要求退一赔三。电话13812345678';
    const p = prefill(text, undefined, { refDate: '2026-11-20' });
    expect(p.platform?.value).toBe('淘宝');
    expect(p.amounts.map((a) => a.value)).toEqual([300]);
    expect(p.order_no?.value).toBe('123456789012');
    expect(p.purchase_date?.value).toBe('2026-03-05');
    expect(p.demands.map((d) => d.value)).toContain('三倍赔偿');
    expect(p.phones[0]!.value).toBe('13812345678');
    expect(text.slice(p.phones[0]!.start, p.phones[0]!.end)).toBe('13812345678');
  });
});

const tpl = (i: number) =>
  `本人于2026年${i}月3日在某超市购买进口食品，无中文标签，违反食品安全法，要求十倍赔偿并依法查处，书面答复。`;
describe('templates and duplicates', () => {
  it('clusters near-identical texts and counts distinct complainants', () => {
    const tickets = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      received_at: '2026-01-01',
      text: tpl(i + 1),
      complainant: { id: `p${i % 2}` },
    }));
    tickets.push({
      id: 'x',
      received_at: '2026-01-01',
      text: '外卖送餐太慢，等了两个小时，饭菜都凉了，要求退款。',
      complainant: { id: 'q' },
    });
    const out = clusterTemplates(tickets);
    expect(out).toHaveLength(1);
    expect(out[0]!.size).toBe(6);
    expect(out[0]!.complainants).toBe(2);
    const c = new TemplateClusterer();
    expect(c.add({ id: 'short', received_at: '2026-01-01', text: '质量问题' })).toBe(-1);
  });
  it('finds a repeated complaint by the same person', () => {
    const a = { id: 'a', received_at: '2026-03-01', text: tpl(1), complainant: { phone: '13800000000' } };
    const b = { id: 'b', received_at: '2026-03-04', text: tpl(1), complainant: { phone: '138-0000-0000' } };
    const c = { id: 'c', received_at: '2026-03-04', text: tpl(1), complainant: { phone: '13900000000' } };
    expect(findDuplicate(b, [a])?.id).toBe('a');
    expect(findDuplicate(c, [a])).toBeNull();
  });
});

describe('similar cases', () => {
  it('ranks the related ticket first and explains why', () => {
    const idx = new SimilarIndex();
    idx.add({ id: '1', text: '健身房闭店跑路，预付卡余额无法退还', respondent: '悦动健身房' });
    idx.add({ id: '2', text: '外卖送餐慢，饭菜凉了' });
    idx.add({ id: '3', text: '手机屏幕碎裂，商家拒绝保修' });
    const hits = idx.query({ text: '悦动健身房突然关门，预付卡里的钱退不了', respondent: '悦动健身房' });
    expect(hits[0]!.id).toBe('1');
    expect(hits[0]!.same_business).toBe(true);
    expect(hits[0]!.why).toContain('预付卡');
    idx.remove('1');
    expect(idx.query({ text: '预付卡' }).find((h) => h.id === '1')).toBeUndefined();
  });
});

describe('classifier', () => {
  it('learns a label, round-trips through the model file and evaluates', () => {
    const words: Record<string, string[]> = {
      food: ['牛奶', '面包', '过期', '食品'],
      phone: ['手机', '屏幕', '电池', '充电'],
    };
    const tickets = Array.from({ length: 80 }, (_, i) => {
      const lab = i % 2 ? 'food' : 'phone';
      const w = words[lab]!;
      return {
        id: `c${i}`,
        received_at: '2026-01-01',
        text: `${w[i % 4]}${w[(i + 1) % 4]}有问题`,
        labels: { goods: lab },
      };
    });
    const m = trainClassifier(tickets, 'goods', { bits: 14, epochs: 5 });
    const m2 = deserializeModel(serializeModel(m));
    expect(predict(m2, { text: '买的牛奶过期了' }).label).toBe('food');
    expect(evaluateModel(m2, tickets).accuracy).toBeGreaterThan(0.9);
  });
});
