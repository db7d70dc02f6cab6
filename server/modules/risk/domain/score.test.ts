import { describe, expect, it } from 'vitest';
import { CRITERIA, type CriterionCode } from './catalog.js';
import { BIAS, DECAY, IncrementalRiskScorer, PROPOSE_THRESHOLD, scoreOf, scorePersons } from './score.js';
import { honestHeavy, population, professional } from './testkit.js';

describe('score', () => {
  it('is a logistic sum of weight × strength, strongest first, each further criterion counting half the one before', () => {
    const f = (code: CriterionCode, strength = 1) => ({ code, label: '', evidence: '', strength, ticket_ids: [] });
    const two = scoreOf([f('template'), f('punitive')]);
    const w = (c: CriterionCode) => CRITERIA.find((x) => x.code === c)!.weight;
    expect(two).toBeCloseTo(1 / (1 + Math.exp(-(BIAS + w('punitive') + DECAY * w('template')))), 6);
    // monotone: adding a criterion, or strengthening one, never lowers the score
    expect(scoreOf([f('template'), f('punitive'), f('volume')])).toBeGreaterThan(two);
    expect(scoreOf([f('template', 0.5), f('punitive')])).toBeLessThan(two);
  });

  it('one criterion alone stays below the threshold, except repeated punitive demands and templated texts at full strength', () => {
    for (const c of CRITERIA) {
      const s = scoreOf([{ code: c.code, strength: 1 }]);
      if (c.code === 'punitive' || c.code === 'template') expect(s).toBeGreaterThan(PROPOSE_THRESHOLD);
      else expect(s, c.code).toBeLessThan(PROPOSE_THRESHOLD);
    }
  });

  it('scores differ with the evidence and the points add up to the log-odds', () => {
    const tickets = [...population(600, 5), ...professional('pro', 40, 11), ...professional('pro2', 8, 12)].sort(
      (a, b) => a.received_at.localeCompare(b.received_at),
    );
    const out = scorePersons(tickets, { minScore: 0 });
    for (const p of out) {
      const z = BIAS + p.criteria.reduce((s, c) => s + c.points!, 0);
      expect(Math.abs(1 / (1 + Math.exp(-z)) - p.score)).toBeLessThan(0.02);
      const pts = p.criteria.map((c) => c.points!);
      expect([...pts].sort((a, b) => b - a)).toEqual(pts);
    }
    const a = out.find((p) => p.complainant_id === 'pro')!,
      b = out.find((p) => p.complainant_id === 'pro2');
    expect(a.score).toBeLessThan(0.995);
    if (b) expect(b.score).toBeLessThan(a.score);
  });

  it('the catalog cites a legal or guidance source for every criterion', () => {
    for (const c of CRITERIA) expect(c.basis).toMatch(/(法|办法|意见|规定|号|解释)/);
    expect(new Set(CRITERIA.map((c) => c.code)).size).toBe(CRITERIA.length);
  });
});

describe('incremental scorer', () => {
  it('agrees with the batch scorer and updates a person in well under 10 ms', () => {
    const tickets = [...population(600, 5), ...honestHeavy(9), ...professional('pro', 40, 11)].sort((a, b) =>
      a.received_at.localeCompare(b.received_at),
    );
    const inc = new IncrementalRiskScorer();
    let last = null;
    const times: number[] = [];
    for (const t of tickets) {
      const s = performance.now();
      const r = inc.update(t);
      times.push(performance.now() - s);
      if (t.complainant?.id === 'pro') last = r;
    }
    const batch = scorePersons(tickets);
    expect(batch.map((p) => p.complainant_id)).toEqual(['pro']);
    expect(last!.criteria.map((c) => c.code).sort()).toEqual(batch[0]!.criteria.map((c) => c.code).sort());
    // norms keep moving after the person's last ticket, so the two agree closely, not exactly
    expect(Math.abs(last!.score - batch[0]!.score)).toBeLessThan(0.02);
    expect(inc.ranking().map((p) => p.complainant_id)).toEqual(['pro']);
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length * 0.5)]!).toBeLessThan(2);
    expect(times.reduce((a, b) => a + b, 0) / times.length).toBeLessThan(5);
  });
});
