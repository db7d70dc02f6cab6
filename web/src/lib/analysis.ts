/** Shared bits of the analysis screen: drill filters, the comparison period, cube calls. */
import { api } from './api';
import { t } from './i18n';
import type { CubeRow } from '../../../shared/pivot.js';

export interface DrillFilter {
  dim: string;
  value: string;
  label: string;
  dimLabel: string;
}

const day = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The period of the same length just before [from, to] (for 环比). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const a = Date.parse(from),
    b = Date.parse(to);
  const len = Math.round((b - a) / day) + 1;
  return { from: iso(a - len * day), to: iso(a - day) };
}

export async function cube(dims: string[], range: { from: string; to: string }, f?: string): Promise<CubeRow[]> {
  return (
    await api.get<{ rows: CubeRow[] }>('/api/analytics/cube', {
      dims: dims.join(','),
      from: range.from,
      to: range.to,
      f,
    })
  ).rows;
}

/** Change against the period before; a base under 5 gives no meaningful percentage (a year before the data began). */
export const MIN_BASE = 5;
export const growthText = (cur: number, prev: number) =>
  prev >= MIN_BASE
    ? `${cur >= prev ? '+' : ''}${(((cur - prev) / prev) * 100).toFixed(1)}%`
    : prev === 0 && cur > 0
      ? t('analysis.new')
      : '—';
export const rateText = (num: number, den: number) => (den > 0 ? `${((num / den) * 100).toFixed(1)}%` : '—');
