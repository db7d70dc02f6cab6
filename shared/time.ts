/**
 * The one way a date or time reaches a person: Asia/Shanghai (UTC+8, no daylight saving since 1991), whatever the
 * server's or browser's time zone. Instants are ISO strings with an offset or `Z`; a bare `YYYY-MM-DD` is already a
 * Shanghai calendar date (deadlines, received dates) and is returned as it is.
 */
const OFFSET_MS = 8 * 3600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

function shanghaiIso(v: string | Date): string | null {
  if (typeof v === 'string') {
    if (DATE_ONLY.test(v)) return `${v}T00:00:00.000`;
    // A timestamp without zone (PostgreSQL `timestamp`, old exports) is taken to be Shanghai local time already.
    if (!HAS_ZONE.test(v)) return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') : null;
  }
  const t = (typeof v === 'string' ? new Date(v) : v).getTime();
  return Number.isFinite(t) ? new Date(t + OFFSET_MS).toISOString() : null;
}

/** `2026-12-02 03:17` in Shanghai time; '' for empty or unreadable input. */
export function shanghaiDateTime(v: string | Date | null | undefined): string {
  if (!v) return '';
  const s = shanghaiIso(v);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : '';
}

/** `2026-12-02 03:17:05`: with seconds, for the audit trail where the order within a minute matters. */
export function shanghaiDateTimeSeconds(v: string | Date | null | undefined): string {
  if (!v) return '';
  const s = shanghaiIso(v);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 19)}` : '';
}

/** `2026-12-02`: the Shanghai calendar date of an instant, or a date as it is. */
export function shanghaiDay(v: string | Date | null | undefined): string {
  if (!v) return '';
  const s = shanghaiIso(v);
  return s ? s.slice(0, 10) : '';
}
