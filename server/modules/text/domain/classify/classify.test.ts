import { describe, expect, it } from 'vitest';
import { evaluateModel, predict, trainClassifier } from './model.js';
import { fitNaiveBayes, nbScores, NB_ALPHA } from './nb.js';
import { rawFeatures } from './features.js';
import { deserializeModel, serializeModel } from '../../model-store.js';
import type { TifTicket } from '../../../../../shared/tif.js';

// rows that carry only the company and channel (59 % of CFPB): the structured block must classify them
const companies: [string, string][] = [
  ['ACME MORTGAGE LLC', 'Mortgage'],
  ['QUICKCASH LENDING', 'Payday loan'],
  ['EQUI REPORTS INC', 'Credit reporting'],
];
function rows(n: number, offset = 0): TifTicket[] {
  const out: TifTicket[] = [];
  for (let i = 0; i < n; i++) {
    const [name, y] = companies[i % 3]!;
    const withText = i % 2 === 0;
    out.push({
      id: `t${i + offset}`,
      received_at: i % 4 < 2 ? '2016-05-01' : '2024-05-01',
      channel: i % 5 === 0 ? 'Phone' : 'Web',
      respondent: { name },
      ...(withText
        ? { text: `${['my loan', 'the report', 'a payment'][(i * 7) % 3]} was wrong again number ${i}` }
        : {}),
      labels: { y },
    });
  }
  return out;
}

describe('classifier (format 3)', () => {
  const m = trainClassifier(rows(600), 'y', { bits: 14 });
  it('reads structured fields as their own block: company-only rows are classified by the company', () => {
    expect(m.format_version).toBe(4);
    expect(m.features.metaBlock).toBeGreaterThan(0);
    const r = evaluateModel(
      m,
      rows(90, 10_000).filter((t) => !t.text),
    );
    expect(r.accuracy).toBe(1);
  });
  it('returns the top 3 with confidences and survives the model file', () => {
    const p = predict(m, { respondent: { name: 'QUICKCASH LENDING' }, channel: 'Web', received_at: '2024-01-01' });
    expect(p.label).toBe('Payday loan');
    expect(p.top.length).toBe(3);
    expect(p.top[0]!.confidence).toBeGreaterThanOrEqual(p.top[1]!.confidence);
    const back = deserializeModel(serializeModel(m));
    expect(predict(back, { respondent: { name: 'QUICKCASH LENDING' }, channel: 'Web' }).label).toBe('Payday loan');
  });
  it('never crashes on bad input: empty, 1 MB, emoji, traditional, full-width digits, masked numbers', () => {
    for (const text of [
      '',
      'x'.repeat(1 << 20),
      '😀😀 退款！！',
      '餐廳衛生很差，吃了拉肚子',
      '金额１２３４元',
      '电话135****1234',
    ]) {
      const p = predict(m, { text });
      expect(m.classes).toContain(p.label);
      expect(Number.isFinite(p.confidence)).toBe(true);
    }
    // nothing to read at all: a prediction, flagged not sure unless the prior alone is confident
    expect(predict(m, {}).top.length).toBe(3);
  });
});

describe('naive-Bayes expert', () => {
  it('scores a document as the smoothed log-likelihood of its buckets under each class', () => {
    const C = 2;
    const dim = 8;
    const docs = [
      { idx: Int32Array.of(1, 2), val: new Float32Array(2) },
      { idx: Int32Array.of(1), val: new Float32Array(1) },
      { idx: Int32Array.of(5), val: new Float32Array(1) },
    ];
    const nb = fitNaiveBayes(docs, [0, 0, 1], C, dim);
    const s = nbScores(nb, { idx: Int32Array.of(1, 7), val: new Float32Array(2) }, new Float64Array(C));
    const a = NB_ALPHA;
    // class 0: 3 buckets in 2 documents (prior (2 + 1) / (3 + 2)); bucket 1 seen twice, bucket 7 never
    const l0 = Math.log(3 / 5) + Math.log((2 + a) / (3 + a * dim)) + Math.log(a / (3 + a * dim));
    const l1 = Math.log(2 / 5) + Math.log(a / (1 + a * dim)) + Math.log(a / (1 + a * dim));
    expect(s[0]).toBeCloseTo(l0, 6);
    expect(s[1]).toBeCloseTo(l1, 6);
  });

  it('is kept only with a weight the fold chose, and predicts the same after the model file', () => {
    const tickets = rows(600);
    const m = trainClassifier(tickets, 'y', { bits: 14, nbWeights: [0] });
    expect(m.nb).toBeUndefined();
    const classes = m.classes;
    const raws = tickets.map((t) => rawFeatures(t, m.features));
    const ys = tickets.map((t) => classes.indexOf(t.labels!.y!));
    const withNb = { ...m, nb: { ...fitNaiveBayes(raws, ys, classes.length, 1 << 14), beta: 0.05 } };
    const probe = ['my loan', 'the report was late', 'a payment number 7', 'wrong again'].map((text) => ({ text }));
    const back = deserializeModel(serializeModel(withNb));
    expect(back.nb?.beta).toBe(0.05);
    let moved = 0;
    for (const t of probe) {
      const a = predict(withNb, t);
      expect(predict(back, t)).toEqual(a);
      if (a.confidence !== predict(m, t).confidence) moved++;
    }
    expect(moved).toBeGreaterThan(0); // the expert takes part in the prediction
  });
});
