/**
 * 关联程序 (related proceedings) as data: the four kinds the Yueyang guidance counts in the abnormal list
 * (岳市监〔2024〕16号 三(三)–(五), 四), their labels, and the check of one record before it is stored.
 */
import type { Bilingual } from '../../../platform/errors/index.js';
export const PROCEEDING_KINDS = ['disclosure', 'review', 'lawsuit', 'discipline'] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_LABELS: Record<ProceedingKind, string> = {
  disclosure: '政府信息公开申请',
  review: '行政复议',
  lawsuit: '行政诉讼',
  discipline: '向纪检监察部门举报',
};

export interface ProceedingInput {
  kind: ProceedingKind;
  filed_on: string;
  result?: string;
  note?: string;
}

/** Why a record cannot be stored, or null. A proceeding cannot be filed in the future nor before the ticket. */
export function checkProceeding(i: ProceedingInput, today: string, ticketDate: string): Bilingual | null {
  if (i.filed_on > today)
    return { zh: `提起日期不能晚于今天（${today}）`, en: `The filing date cannot be after today (${today}).` };
  if (i.filed_on < ticketDate)
    return {
      zh: `提起日期不能早于工单登记日期（${ticketDate}）`,
      en: `The filing date cannot be before the ticket was registered (${ticketDate}).`,
    };
  return null;
}

export interface ProceedingCounts {
  disclosure: number;
  reviews: number;
  lawsuits: number;
  discipline: number;
}
/** Per-kind counts in the shape of the list record (复议 and 诉讼 are one field there, kept apart here). */
export function countProceedings(kinds: readonly string[]): ProceedingCounts {
  const c: ProceedingCounts = { disclosure: 0, reviews: 0, lawsuits: 0, discipline: 0 };
  for (const k of kinds) {
    if (k === 'disclosure') c.disclosure++;
    else if (k === 'review') c.reviews++;
    else if (k === 'lawsuit') c.lawsuits++;
    else if (k === 'discipline') c.discipline++;
  }
  return c;
}
