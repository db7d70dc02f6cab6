import { describe, expect, it } from 'vitest';
import { sign, verifySignature, webhookSecretFromEnv } from './signature.js';

const S = 'a-shared-secret-0123456789';
const now = Date.parse('2026-12-01T02:00:00Z');
const ts = String(now / 1000);
const body = '{"kind":"inspection.result"}';

describe('webhook signature', () => {
  it('accepts the platform’s signature over timestamp and raw body', () => {
    expect(verifySignature({ secret: S, timestamp: ts, signature: sign(S, ts, body), body, nowMs: now })).toEqual({
      ok: true,
    });
    expect(
      verifySignature({
        secret: S,
        timestamp: ts,
        signature: sign(S, ts, Buffer.from(body)),
        body: Buffer.from(body),
        nowMs: now + 299_000,
      }),
    ).toEqual({ ok: true });
  });
  it('refuses, naming why', () => {
    const v = (o: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret: S, timestamp: ts, signature: sign(S, ts, body), body, nowMs: now, ...o });
    expect(v({ secret: null })).toEqual({ ok: false, reason: 'not_configured' });
    expect(v({ signature: undefined })).toEqual({ ok: false, reason: 'missing_signature' });
    expect(v({ timestamp: 'yesterday' })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(v({ nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(v({ nowMs: now - 301_000 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(v({ body: body + ' ' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(v({ signature: sign('another-secret-0123456', ts, body) })).toEqual({ ok: false, reason: 'bad_signature' });
    // the timestamp is signed too: moving it forward to pass the window breaks the signature
    const later = String(now / 1000 + 100);
    expect(v({ timestamp: later })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(v({ signature: 'sha256=short' })).toEqual({ ok: false, reason: 'bad_signature' });
  });
  it('reads the secret from the environment and refuses a short one', () => {
    expect(webhookSecretFromEnv({}, () => '')).toBeNull();
    expect(webhookSecretFromEnv({ XIEZHI_REGULATORY_SECRET: S }, () => '')).toBe(S);
    expect(webhookSecretFromEnv({ XIEZHI_REGULATORY_SECRET_FILE: '/k' }, () => `${S}\n`)).toBe(S);
    expect(() => webhookSecretFromEnv({ XIEZHI_REGULATORY_SECRET: 'short' }, () => '')).toThrow(/16/);
  });
});
