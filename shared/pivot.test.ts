import { describe, expect, it } from 'vitest';
import { OTHER, pivot, type CubeRow } from './pivot.js';

const r = (district: string, kind: string, count: number): CubeRow => ({
  district,
  kind,
  count,
  labels: { district: `区${district}`, kind: kind === 'complaint' ? '投诉' : '举报' },
});

describe('pivot', () => {
  it('crosses rows and columns with totals, largest first', () => {
    const p = pivot(
      [r('A', 'complaint', 3), r('A', 'report', 1), r('B', 'complaint', 7)],
      ['district'],
      'kind',
      'count',
    );
    expect(p.rows.map((x) => [x.labels[0], x.total])).toEqual([
      ['区B', 7],
      ['区A', 4],
    ]);
    expect(p.cols.map((c) => c.label)).toEqual(['投诉', '举报']);
    expect(p.rows[1]!.cells).toEqual({ complaint: 3, report: 1 });
    expect(p.total).toBe(11);
  });
  it('folds columns past the limit into 其他 and keeps time in order', () => {
    const data = ['2026-03', '2026-01', '2026-02'].map((m, i) => ({
      month: m,
      kind: `k${i}`,
      count: i + 1,
      labels: { month: m, kind: `k${i}` },
    }));
    const p = pivot(data, ['month'], 'kind', 'count', 2);
    expect(p.rows.map((x) => x.values[0])).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(p.cols.map((c) => c.key)).toEqual(['k2', 'k1', OTHER]);
    expect(p.otherCols).toBe(1);
    expect(p.rows.find((x) => x.values[0] === '2026-03')!.cells[OTHER]).toBe(1);
  });
});
