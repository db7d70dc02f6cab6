/** A fired criterion and the helpers every criterion builds its evidence with (ticket ids, date spans, both languages). */
import { CRITERIA_BY_CODE, type CriterionCode } from './catalog.js';
import { day } from './criteria-en.js';
import type { TicketRec } from './state.js';

export interface Fired {
  code: CriterionCode;
  label: string;
  evidence: string;
  /** the same evidence in English, from the same facts (criteria-en.ts) */
  evidence_en: string;
  strength: number;
  ticket_ids: string[];
}

export const clamp = (x: number, lo = 0, hi = 1): number => Math.max(lo, Math.min(hi, x));
/** At most n ticket ids in an evidence string; the full list goes into ticket_ids. */
export function ids(ts: TicketRec[], n = 6): string {
  const head = ts
    .slice(0, n)
    .map((t) => t.id)
    .join('、');
  return ts.length > n ? `${head} 等${ts.length}件` : head;
}
export function span(ts: TicketRec[]): string {
  let a = Infinity,
    b = -Infinity;
  for (const t of ts) {
    if (t.t < a) a = t.t;
    if (t.t > b) b = t.t;
  }
  return a === b ? day(a) : `${day(a)}至${day(b)}`;
}
/** Evidence in both languages, built from the same facts. */
export type Evidence = { zh: string; en: string };
export function fire(code: CriterionCode, strength: number, evidence: Evidence, ts: TicketRec[]): Fired {
  return {
    code,
    label: CRITERIA_BY_CODE[code].label,
    evidence: evidence.zh,
    evidence_en: evidence.en,
    strength: clamp(strength, 0.05, 1),
    ticket_ids: ts.map((t) => t.id),
  };
}
export const catName = (c: string): string => (c === '*' ? '全部类别' : c === 'unknown' ? '未分类' : c);
