/**
 * Keyed hashing and normalisation of personal identifiers. Matching runs on HMAC-SHA256 digests only, so the risk
 * model never keeps raw phone numbers, ID numbers or addresses in its state or output (BRIEF capability 14).
 */
import { createHmac } from 'node:crypto';

/** Used only when the caller passes no key (tests, one-off batch runs); deployments pass the platform's secret. */
export const DEFAULT_KEY = 'xiezhi-risk-default-key';

export type Hasher = (kind: string, value: string) => string;

/**
 * HMAC-SHA256 of `kind:value`, truncated to 16 hex chars (64 bits: collisions are negligible at city scale).
 * Memoised per kind: a city has about one distinct value per person and field, and HMAC is the costly step.
 */
export function keyedHasher(key: string = DEFAULT_KEY): Hasher {
  const caches = new Map<string, Map<string, string>>();
  let size = 0;
  return (kind, value) => {
    let cache = caches.get(kind);
    if (!cache) caches.set(kind, (cache = new Map()));
    let h = cache.get(value);
    if (h === undefined) {
      h = createHmac('sha256', key)
        .update(kind + ':' + value)
        .digest('hex')
        .slice(0, 16);
      if (++size > 4_000_000) {
        for (const c of caches.values()) c.clear();
        size = 0;
      }
      cache.set(value, h);
    }
    return h;
  };
}

/** Mainland mobile/landline: digits only, country code and leading zeros of a mobile dropped. */
export function normPhone(raw: string | undefined): string | null {
  if (!raw) return null;
  let d = raw.replace(/\D/g, '');
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  if (d.length < 7) return null;
  // masked numbers (138****1234) are not identifiers
  if (/\*/.test(raw)) return null;
  return d;
}

/** 18-digit resident ID (last char may be X) or legacy 15-digit; anything else is not matched. */
export function normIdNumber(raw: string | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s)) return s;
  return null;
}

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
/** Addresses: full-width → half-width, no spaces/punctuation, province/city prefixes dropped, 号/弄/室 kept. */
export function normAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let s = raw.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/[\s,，。.、()（）#\-—_]/g, '').toLowerCase();
  s = s.replace(/^(中国)?(上海市?|北京市?|天津市?|重庆市?)/, '');
  s = s.replace(/^[\u4e00-\u9fa5]{2,3}省/, '').replace(/^[\u4e00-\u9fa5]{2,4}市/, '');
  s = s.replace(/(附近|旁边|对面)$/, '');
  return s.length >= 6 ? s : null;
}

export function normName(raw: string | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/[\s·•.]/g, '');
  if (!s || /^(匿名|无|未知|先生|女士|anonymous|n\/a)$/i.test(s)) return null;
  return s;
}

/** Bank accounts / devices from `extra`: any of several common field names; digits and letters only. */
export function normToken(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const s = String(raw).replace(/[\s-]/g, '').toLowerCase();
  return s.length >= 6 ? s : null;
}

/** Organisations that file on behalf of consumers lawfully (消协/消保委, legal aid, residents' committees). */
const ORG_RE =
  /(消费者(权益保护)?(协会|委员会)|消协|消保委|法律援助|居民委员会|居委会|村民委员会|村委会|工会|妇联|残联|老龄委|社区服务中心|consumer (association|council)|legal aid)/i;
export function isRepresentativeOrg(name: string | undefined, extra?: Record<string, unknown>): boolean {
  if (name && ORG_RE.test(name)) return true;
  const t = extra?.['complainant_type'] ?? extra?.['filed_by'] ?? extra?.['filer_type'];
  return typeof t === 'string' && /(association|协会|消保委|organi[sz]ation|组织)/i.test(t);
}
