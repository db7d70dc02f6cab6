import { shanghaiDateTime, shanghaiDay } from '../../../shared/time.js';

/** Every time a person sees is Asia/Shanghai, whatever the browser's zone (shared/time.ts). */
export const dt = (s: string | Date | null | undefined) => shanghaiDateTime(s);
export const d10 = (s: string | Date | null | undefined) => shanghaiDay(s);
export const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
export const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString('zh-CN'));
/** Renders an unknown value (evidence items, criteria payloads of endpoints still being built) as short text. */
export function brief(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(brief).join('、');
  const o = v as Record<string, unknown>;
  for (const k of ['text', 'label', 'name', 'title', 'summary', 'description', 'no'])
    if (typeof o[k] === 'string') return o[k] as string;
  return JSON.stringify(v).slice(0, 200);
}
