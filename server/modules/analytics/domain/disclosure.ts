/**
 * The public disclosure's threshold: a business is shown only with at least this many complaints in the period, so a
 * single complaint (which could point at one consumer) is never published. Configuration: XIEZHI_DISCLOSURE_MIN
 * (default 10, a bureau sets its own).
 */
export const DEFAULT_DISCLOSURE_MIN = 10;

export function disclosureMinimum(env: Record<string, string | undefined> = process.env): number {
  const v = env.XIEZHI_DISCLOSURE_MIN;
  const n = v === undefined || v === '' ? DEFAULT_DISCLOSURE_MIN : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_DISCLOSURE_MIN;
}
