/**
 * The two versions of a ticket's free text. tickets.title/body/prefill/extra hold the redacted version; text_enc holds
 * the sealed original of whatever redaction changed (server/modules/intake/domain/protect-text.ts writes it). Which
 * version a viewer gets is decided by the access module's text policy; this only opens the seal.
 */
import type { Sealer } from '../../../platform/crypto/index.js';

export interface SealedText {
  title?: string | null;
  body?: string | null;
  prefill?: Record<string, unknown> | null;
  extra?: Record<string, unknown> | null;
}

export interface TextFields {
  title: string | null;
  body: string | null;
  prefill: Record<string, unknown> | null;
  extra: Record<string, unknown> | null;
}

/** The original text of a stored ticket: the sealed parts over the stored (redacted) ones. */
export function originalText(
  t: TextFields & { text_enc?: string | null },
  sealer: Sealer,
): TextFields & { sealed: boolean } {
  let s: SealedText = {};
  if (t.text_enc) {
    try {
      s = sealer.open<SealedText>(t.text_enc);
    } catch {
      s = {}; // a seal the key cannot open shows the redacted text rather than failing the view
    }
  }
  return {
    title: s.title !== undefined ? s.title : t.title,
    body: s.body !== undefined ? s.body : t.body,
    prefill: s.prefill !== undefined ? s.prefill : t.prefill,
    extra: s.extra !== undefined ? s.extra : t.extra,
    sealed: Object.keys(s).length > 0,
  };
}
