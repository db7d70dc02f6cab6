/**
 * Delivery of replies and returns to the 12345 centre: what is sent, under which idempotency key, and when to try
 * again. Pure; the adapters (../adapters) do the I/O.
 */
import type { Message12345, Transfer12345 } from '../../workflow/index.js';

export interface DeliveryConfig {
  /** the centre's HTTP endpoint (XIEZHI_12345_URL); absent: no HTTP delivery */
  url?: string | undefined;
  /** bearer token for the endpoint (XIEZHI_12345_TOKEN) */
  token?: string | undefined;
  /** a directory for offline centres: one JSON file per message (XIEZHI_12345_DROP_DIR) */
  dropDir?: string | undefined;
  /** attempts in one round before waiting for the next round (XIEZHI_12345_ATTEMPTS, default 4) */
  attempts: number;
  /** first backoff between attempts, doubled each time (XIEZHI_12345_BACKOFF_MS, default 1000) */
  backoffMs: number;
  /** per-request timeout */
  timeoutMs: number;
}

export const CHANNELS = ['http', 'file'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { http: '12345接口', file: '离线文件交换' };

/** Reads the delivery configuration; a bad number is an error at start, not a silent default. */
export function deliveryConfig(env: Record<string, string | undefined>): DeliveryConfig {
  const num = (name: string, dflt: number, max: number) => {
    const v = env[name];
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer 1–${max} (got "${v}")`);
    return n;
  };
  const url = env.XIEZHI_12345_URL?.trim() || undefined;
  if (url && !/^https?:\/\//.test(url)) throw new Error(`XIEZHI_12345_URL must be an http(s) URL (got "${url}")`);
  return {
    url,
    token: env.XIEZHI_12345_TOKEN || undefined,
    dropDir: env.XIEZHI_12345_DROP_DIR?.trim() || undefined,
    attempts: num('XIEZHI_12345_ATTEMPTS', 4, 20),
    backoffMs: num('XIEZHI_12345_BACKOFF_MS', 1000, 3_600_000),
    timeoutMs: 10_000,
  };
}

export const channelsOf = (c: DeliveryConfig): Channel[] => [
  ...(c.url ? ['http' as const] : []),
  ...(c.dropDir ? ['file' as const] : []),
];

/** The same message always carries the same key: the receiver drops a repeat after a lost acknowledgement. */
export const idempotencyKey = (workOrderNo: string, seq: number) => `xiezhi-12345:${workOrderNo}:${seq}`;

/** Wait before attempt n+1 (n ≥ 1 attempts made): exponential, capped at an hour between rounds. */
export const backoff = (c: Pick<DeliveryConfig, 'backoffMs'>, attempts: number) =>
  Math.min(c.backoffMs * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** The message as the centre receives it: the work order, the answer, who answered — no personal data. */
export function payloadOf(
  t: { no: string; t12345: Transfer12345 },
  m: Message12345,
  unitName: string,
  returnLabel?: string,
) {
  return {
    work_order_no: t.t12345.work_order_no,
    ticket_no: t.no,
    seq: m.seq,
    kind: m.kind,
    category: t.t12345.category,
    text: m.text,
    template: m.template ?? null,
    template_version: m.template_version ?? null,
    reason_code: m.reason ?? null,
    reason: returnLabel ?? m.reason_text ?? null,
    unit: unitName,
    at: m.at,
    reopen_count: t.t12345.reopen_count,
  };
}

/** A file name the centre can sort and that cannot climb out of the directory. */
export const dropFileName = (key: string) => `${key.replace(/[^A-Za-z0-9_.-]+/g, '_')}.json`;
