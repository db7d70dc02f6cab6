/**
 * Signed webhooks from the unified regulatory platform (一体化监管平台). The platform signs
 * `${timestamp}.${raw body}` with HMAC-SHA256 under a secret shared out of band, and sends
 *   X-Xiezhi-Timestamp: unix seconds
 *   X-Xiezhi-Signature: sha256=<hex>
 * A request older or newer than the window is refused, so a captured request cannot be replayed later; within the
 * window a replay is harmless because results are idempotent by the platform's result id. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Bilingual } from '../../../platform/errors/index.js';

export const SIGNATURE_HEADER = 'x-xiezhi-signature';
export const TIMESTAMP_HEADER = 'x-xiezhi-timestamp';
export const DEFAULT_WINDOW_S = 300;

export type SignatureRefusal =
  'not_configured' | 'missing_signature' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature';
/**
 * The platform is a machine and sends no locale, so it reads zh — which keeps the English gloss its developers grep
 * for; en is the whole sentence for an English screen (an administrator testing the hook from the browser).
 */
export const REFUSAL_TEXT: Record<SignatureRefusal, Bilingual> = {
  not_configured: {
    zh: '本系统未配置一体化监管平台的共享密钥，拒绝接收 (webhook secret not configured)',
    en: 'No shared secret for the unified regulatory platform is configured here; the request is refused.',
  },
  missing_signature: {
    zh: '缺少签名或时间戳请求头 (X-Xiezhi-Signature / X-Xiezhi-Timestamp required)',
    en: 'The signature or timestamp header is missing (X-Xiezhi-Signature / X-Xiezhi-Timestamp required).',
  },
  bad_timestamp: {
    zh: '时间戳格式无效，应为 Unix 秒 (bad timestamp)',
    en: 'The timestamp is not valid; it must be Unix seconds.',
  },
  stale_timestamp: {
    zh: '时间戳超出允许的时间窗口，疑为重放 (timestamp outside the replay window)',
    en: 'The timestamp is outside the allowed window; the request may be a replay.',
  },
  bad_signature: { zh: '签名校验失败 (signature mismatch)', en: 'The signature does not match.' },
};

export function sign(secret: string, timestamp: string, body: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function verifySignature(o: {
  secret: string | null;
  timestamp?: string;
  signature?: string;
  body: Buffer | string;
  nowMs: number;
  windowS?: number;
}): { ok: true } | { ok: false; reason: SignatureRefusal } {
  if (!o.secret) return { ok: false, reason: 'not_configured' };
  if (!o.signature || !o.timestamp) return { ok: false, reason: 'missing_signature' };
  if (!/^\d{9,11}$/.test(o.timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (Math.abs(o.nowMs / 1000 - Number(o.timestamp)) > (o.windowS ?? DEFAULT_WINDOW_S))
    return { ok: false, reason: 'stale_timestamp' };
  const want = Buffer.from(sign(o.secret, o.timestamp, o.body));
  const got = Buffer.from(o.signature.trim());
  // equal lengths first: timingSafeEqual throws on a length mismatch, and the length of a valid signature is public
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/**
 * The shared secret from the environment: XIEZHI_REGULATORY_SECRET (the value) or XIEZHI_REGULATORY_SECRET_FILE
 * (a file holding it); at least 16 characters. Unset: the webhook refuses everything (403 not_configured).
 */
export function webhookSecretFromEnv(env: NodeJS.ProcessEnv, read: (f: string) => string): string | null {
  const v =
    env.XIEZHI_REGULATORY_SECRET?.trim() ||
    (env.XIEZHI_REGULATORY_SECRET_FILE ? read(env.XIEZHI_REGULATORY_SECRET_FILE).trim() : '');
  if (!v) return null;
  if (v.length < 16) throw new Error('XIEZHI_REGULATORY_SECRET: the shared secret must be at least 16 characters');
  return v;
}
