/**
 * The domain error catalog: stable codes, no HTTP statuses (mapped at the edge in server/platform/http).
 */
export const ERROR_CODES = {
  /** the caller is not logged in or the session expired */
  unauthenticated: 'unauthenticated',
  /** the actor's role or jurisdiction does not allow this */
  forbidden: 'forbidden',
  /** no such ticket/user/… visible to the actor */
  not_found: 'not_found',
  /** input failed validation (bad reason code, missing field, malformed file) */
  invalid_input: 'invalid_input',
  /** the workflow does not allow this action in the ticket's current state */
  illegal_transition: 'illegal_transition',
  /** a concurrent change won; reload and retry */
  conflict: 'conflict',
  /** too many attempts or requests from this account or address; details.retry_after_s says when to try again */
  rate_limited: 'rate_limited',
  /** this server has no such API route (an older build, a capability not installed) — not "no such record" */
  no_route: 'no_route',
  /** the database went away or is failing over; retry with the same idempotency key (details.retry_after_s) */
  unavailable: 'unavailable',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A message in the two languages the web UI offers. zh is the message of record (CLI, logs, Chinese screens, tests);
 * en is what the HTTP edge sends to a browser in an English session (see messageFor).
 */
export type Bilingual = { zh: string; en: string };
export type Message = string | Bilingual;

export class DomainError extends Error {
  /** the English text, when the thrower gave one; otherwise the edge falls back to ENGLISH_BY_CODE */
  readonly en?: string;
  constructor(
    readonly code: ErrorCode,
    message: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.zh);
    if (typeof message !== 'string') this.en = message.en;
    this.name = 'DomainError';
  }
}

export const fail = (code: ErrorCode, message: Message, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};

/** The English of last resort, by code: an English screen never shows Chinese, even for a message nobody translated. */
export const ENGLISH_BY_CODE: Record<ErrorCode | 'internal', string> = {
  unauthenticated: 'Please log in first.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found, or not visible to you.',
  invalid_input: 'The input is not valid; please check it and try again.',
  illegal_transition: 'This action is not possible in the current state; reload and check.',
  conflict: 'Someone else changed this at the same time; reload and try again.',
  rate_limited: 'Too many attempts; please wait a moment and try again.',
  no_route: 'This server does not offer this function.',
  unavailable: 'The service is briefly unavailable; please try again shortly.',
  internal: 'Internal server error.',
};

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
export const hasCjk = (s: string) => CJK.test(s);

/** The text to show for err in locale: never Chinese in English, never both languages at once. */
export function messageFor(err: DomainError, locale: Locale): string {
  if (locale === 'zh') return err.message;
  if (err.en) return err.en;
  return hasCjk(err.message) ? ENGLISH_BY_CODE[err.code] : err.message;
}

export type Locale = 'zh' | 'en';
/** The UI's locale as the web client states it (x-xiezhi-locale, sent by web/src/lib/api.ts); Chinese otherwise —
 * a browser's own Accept-Language is not asked, so a Chinese session in an English browser stays Chinese. */
export const requestLocale = (headers: Record<string, string | string[] | undefined>): Locale =>
  String(headers['x-xiezhi-locale'] ?? '').startsWith('en') ? 'en' : 'zh';
