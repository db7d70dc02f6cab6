/**
 * ODR enrolment as data and rules: a firm applies (itself, or staff apply on its behalf), the admin approves with a
 * settlement window or rejects with a reason, and an enrolled firm can be withdrawn. Only an approved firm receives
 * complaints (the workflow reads the `odr` flag, which follows the state). Pure: no I/O, fast unit tests.
 */
import type { Bilingual } from '../../../platform/errors/index.js';
export const ENROL_STATES = ['applied', 'approved', 'rejected', 'withdrawn'] as const;
export type EnrolState = (typeof ENROL_STATES)[number];

export const ENROL_STATE_LABELS: Record<EnrolState, string> = {
  applied: '待审核',
  approved: '已入驻',
  rejected: '未通过',
  withdrawn: '已退出',
};

export type EnrolDecision = 'approve' | 'reject' | 'withdraw';

/** From which states each decision may be taken: a rejected firm may be approved on review; a withdrawn one re-approved. */
const FROM: Record<EnrolDecision, EnrolState[]> = {
  approve: ['applied', 'rejected', 'withdrawn'],
  reject: ['applied'],
  withdraw: ['approved'],
};
const TO: Record<EnrolDecision, EnrolState> = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' };

/** The window a firm may be given, in working days: at least one, at most the 60 days of a mediation. */
export const WINDOW_MIN = 1;
export const WINDOW_MAX = 60;

export type Verdict<T> =
  { ok: true; value: T } | { ok: false; code: 'illegal_transition' | 'invalid_input'; message: Bilingual };

export function decideEnrolment(
  state: EnrolState | null,
  d: EnrolDecision,
  i: { note?: string; window_days?: number | null },
): Verdict<{ state: EnrolState; odr: boolean }> {
  const from = state ?? 'applied';
  if (!FROM[d].includes(from)) {
    return {
      ok: false,
      code: 'illegal_transition',
      message: {
        zh: `企业当前状态为「${ENROL_STATE_LABELS[from]}」，不能${DECISION_LABELS[d]}`,
        en: `The enterprise is ${STATE_EN[from]}: you cannot ${DECISION_EN[d]}.`,
      },
    };
  }
  // a refusal or a withdrawal is a decision about a business: it carries its reason
  if (d !== 'approve' && !i.note?.trim())
    return {
      ok: false,
      code: 'invalid_input',
      message: { zh: `${DECISION_LABELS[d]}须填写原因`, en: `Please give the reason to ${DECISION_EN[d]}.` },
    };
  const w = checkWindow(i.window_days);
  if (w) return { ok: false, code: 'invalid_input', message: w };
  return { ok: true, value: { state: TO[d], odr: TO[d] === 'approved' } };
}

export const DECISION_LABELS: Record<EnrolDecision, string> = {
  approve: '批准入驻',
  reject: '驳回申请',
  withdraw: '退出ODR',
};
/** The English of the labels, for refusals shown on an English screen. */
const DECISION_EN: Record<EnrolDecision, string> = {
  approve: 'approve the enrolment',
  reject: 'reject the application',
  withdraw: 'withdraw it from ODR',
};
const STATE_EN: Record<EnrolState, string> = {
  applied: 'awaiting review',
  approved: 'already enrolled',
  rejected: 'not approved',
  withdrawn: 'withdrawn',
};

/** null when fine; the window is in working days and may be left to the rule set (null/undefined). */
export function checkWindow(days: number | null | undefined): Bilingual | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < WINDOW_MIN || days > WINDOW_MAX)
    return {
      zh: `和解期限应为 ${WINDOW_MIN}–${WINDOW_MAX} 个工作日`,
      en: `The settlement window must be ${WINDOW_MIN}–${WINDOW_MAX} working days.`,
    };
  return null;
}

/** Mainland mobile or landline with area code, as a firm's complaint contact is written. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4})$/;

export interface Contact {
  name: string;
  phone: string;
  email?: string;
}

export function checkContact(c: Contact): Bilingual | null {
  if (!c.name.trim()) return { zh: '联系人不能为空', en: 'The contact name cannot be empty.' };
  if (!PHONE.test(c.phone.replace(/\s/g, '')))
    return {
      zh: '联系电话格式不正确（手机号、带区号的座机或400电话）',
      en: 'The contact phone is not valid (a mobile number, a landline with area code, or a 400 number).',
    };
  if (c.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email))
    return { zh: '电子邮箱格式不正确', en: 'The email address is not valid.' };
  return null;
}

/** 统一社会信用代码: 18 characters of the GB 32100 alphabet (the check character is not verified here). */
export function checkCreditCode(code: string | null | undefined): Bilingual | null {
  if (!code) return null;
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)
    ? null
    : { zh: '统一社会信用代码应为18位', en: 'The unified social credit code has 18 characters.' };
}
