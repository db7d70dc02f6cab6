import { describe, expect, it } from 'vitest';
import { lgamma, logNbUpperTail, logPoissonUpperTail } from './stats.js';

const nbPmf = (k: number, r: number, m: number) =>
  Math.exp(lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * Math.log(r / (r + m)) + k * Math.log(m / (r + m)));

describe('distribution tails', () => {
  it('lgamma matches factorials', () => {
    expect(lgamma(1)).toBeCloseTo(0, 10);
    expect(lgamma(6)).toBeCloseTo(Math.log(120), 10);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it('NB upper tail equals 1 minus the summed pmf', () => {
    for (const [c, r, m] of [
      [3, 0.5, 1.2],
      [10, 2, 3],
      [1, 5, 0.1],
      [25, 10, 8],
    ] as const) {
      let below = 0;
      for (let k = 0; k < c; k++) below += nbPmf(k, r, m);
      expect(Math.exp(logNbUpperTail(c, r, m))).toBeCloseTo(1 - below, 8);
    }
  });

  it('stays finite far in the tail and tends to Poisson for large shape', () => {
    const lp = logNbUpperTail(60, 0.5, 0.2);
    expect(Number.isFinite(lp)).toBe(true);
    expect(lp).toBeLessThan(-50);
    // Poisson(2): P(X >= 5) = 1 - sum_{k<5} e^-2 2^k/k!
    const p = 1 - Math.exp(-2) * (1 + 2 + 2 + 4 / 3 + 2 / 3);
    expect(Math.exp(logPoissonUpperTail(5, 2))).toBeCloseTo(p, 5);
    expect(logNbUpperTail(0, 1, 1)).toBe(0);
  });
});
