/** The 12345 centre's HTTP endpoint: one POST per attempt, with the idempotency key; 2xx (or 409: a repeat) is done. */
import type { DeliveryConfig } from '../domain/delivery.js';

export type AttemptResult = { ok: true } | { ok: false; error: string };

export async function postToCentre(c: DeliveryConfig, key: string, payload: unknown): Promise<AttemptResult> {
  try {
    const r = await fetch(c.url!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(c.timeoutMs),
    });
    await r.arrayBuffer().catch(() => undefined);
    // 409: the centre already holds this key (our earlier attempt reached it, its answer was lost)
    if (r.ok || r.status === 409) return { ok: true };
    return { ok: false, error: `HTTP ${r.status}` };
  } catch (e) {
    return { ok: false, error: (e as Error).message.slice(0, 200) };
  }
}
