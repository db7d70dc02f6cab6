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

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};
