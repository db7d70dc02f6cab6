/**
 * Free text is personal data: before a ticket is stored, its title and text are redacted (the structured complainant's
 * own name, phone and ID number are masked wherever the text repeats them, besides what the redactor finds), and the
 * original is sealed like the structured fields. Pre-fill and extra values go the same way: a phone number the
 * extractor found in the text would otherwise sit in clear in the pre-fill JSON. Only the redacted versions are
 * written in clear, so search indexes, the similar-case index and the early-warning feed all work on redacted text.
 */
import type { Sealer } from '../../../platform/crypto/index.js';
import { findPii, namesIn, redact, redactJson, type RedactOptions } from '../../text/index.js';
import type { NewTicketRow, ProtectedText, SealedText } from '../../workflow/index.js';

export const REDACTION_VERSION = 1;

export interface Known {
  name?: string | null;
  phone?: string | null;
  id_number?: string | null;
}

export function protectText(
  row: Pick<NewTicketRow, 'title' | 'body' | 'prefill' | 'extra'>,
  sealer: Sealer,
  known: Known = {},
): ProtectedText {
  // a name the text gives by its cue (本人张伟) is masked in the title and the pre-fill too ("张伟投诉健身房")
  const found = [...namesIn(row.body ?? ''), ...namesIn(row.title ?? '')];
  const o: RedactOptions = { known: { names: [known.name, ...found], phones: [known.phone], ids: [known.id_number] } };
  const pii: Record<string, number> = {};
  const one = (s: string | null) => {
    if (!s) return s;
    const r = redact(s, o);
    for (const sp of r.spans) pii[sp.kind] = (pii[sp.kind] ?? 0) + 1;
    return r.text;
  };
  const title = one(row.title);
  const body = one(row.body);
  const prefill = row.prefill ? redactJson(row.prefill, o) : row.prefill;
  const extra = row.extra ? redactJson(row.extra, o) : row.extra;
  const sealed: SealedText = {};
  if (title !== row.title) sealed.title = row.title;
  if (body !== row.body) sealed.body = row.body;
  if (JSON.stringify(prefill) !== JSON.stringify(row.prefill)) sealed.prefill = row.prefill;
  if (JSON.stringify(extra) !== JSON.stringify(row.extra)) sealed.extra = row.extra;
  return {
    title,
    body,
    prefill,
    extra,
    text_enc: Object.keys(sealed).length ? sealer.seal(sealed) : null,
    pii: Object.keys(pii).length ? pii : null,
    redaction: REDACTION_VERSION,
  };
}

/** Whether a string still carries personal data the redactor recognises (guards and tests). */
export const hasPii = (s: string) => findPii(s).length > 0;
