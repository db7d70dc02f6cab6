/**
 * The enterprise bulk API's rules: what a firm may do with many complaints at once (settle 和解 with an amount,
 * decline with a coded reason, attach evidence), per-item checks, idempotency keys, and the API-key format.
 * One bad item never costs the good ones: every item gets its own result.
 */
import type { Bilingual } from '../../../platform/errors/index.js';

export const BULK_MAX = 1000;
export const BULK_EVIDENCE_MAX = 20;

/** Why a firm hands a complaint back to administrative handling (odr_fail); the text goes on the ticket's timeline. */
export const DECLINE_REASONS = {
  not_our_order: '非本企业（平台）订单',
  demand_unreasonable: '消费者诉求超出法定或约定范围',
  consumer_unreachable: '多次联系消费者未果',
  no_agreement: '协商未达成一致',
  needs_authority: '需行政机关调解或认定',
  other: '其他原因',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;
export const DECLINE_REASON_CODES = Object.keys(DECLINE_REASONS) as DeclineReason[];
/** A bulk item's reason is checked per item (one bad code fails that item, not the request). */
export const isDeclineReason = (r: string): r is DeclineReason => Object.hasOwn(DECLINE_REASONS, r);

export type BulkOp = 'settle' | 'decline' | 'evidence';

export interface ItemError {
  ok: false;
  ticket_id: string;
  idempotency_key: string;
  error: string;
  message: string;
}

/** An idempotency key a client chose, or the natural one: one settlement and one decline per ticket. */
export function idempotencyKeyOf(op: BulkOp, ticketId: string, given?: string): string {
  const k = given?.trim();
  return k ? k.slice(0, 120) : `${op}:${ticketId}`;
}

/** The amount paid or refunded in a settlement, in yuan: a finite, non-negative amount with at most two decimals. */
export function checkAmount(a: unknown): Bilingual | null {
  if (typeof a !== 'number' || !Number.isFinite(a))
    return { zh: '和解金额须为数字（元）', en: 'The settlement amount must be a number (yuan).' };
  if (a < 0) return { zh: '和解金额不能为负数', en: 'The settlement amount cannot be negative.' };
  if (a > 100_000_000) return { zh: '和解金额超出范围', en: 'The settlement amount is out of range.' };
  if (Math.abs(a * 100 - Math.round(a * 100)) > 1e-6)
    return { zh: '和解金额最多两位小数', en: 'The settlement amount has at most two decimals.' };
  return null;
}

/** Items in one request that reuse a key for different work are refused (the second would be answered as the first). */
export function duplicateKeys(items: { key: string; op: BulkOp; ticket_id: string }[]): Set<number> {
  const seen = new Map<string, string>();
  const bad = new Set<number>();
  items.forEach((it, i) => {
    const what = `${it.op}\0${it.ticket_id}`;
    const prev = seen.get(it.key);
    if (prev === undefined) seen.set(it.key, what);
    else if (prev !== what) bad.add(i);
  });
  return bad;
}

/** A stored item answers a retry only when it was the same work; the same key for other work is a client's error. */
export function sameWork(stored: { op: string; ticket_id: string }, op: BulkOp, ticketId: string): boolean {
  return stored.op === op && stored.ticket_id === ticketId;
}

// ---- API keys ---------------------------------------------------------------------------------------------------

export const API_KEY_PREFIX = 'xzk_';

/** A key is `xzk_` + 43 base64url characters (32 random bytes); lists show its first 12 characters. */
export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX) && /^xzk_[A-Za-z0-9_-]{43}$/.test(token);
}
export const keyPrefixOf = (token: string) => token.slice(0, 12);
