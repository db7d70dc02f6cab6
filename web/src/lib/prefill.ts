/** Pre-fill spans (capability 2): flatten the server's fields and cut a text into plain and highlighted pieces. */
import type { PrefillData, PrefillSpan } from '../../../shared/ticket.js';

/** the server's pre-fill as the ticket detail and /assist send it (shared/ticket.ts) */
export type Span = PrefillSpan;
export type { PrefillData };

export interface FlatSpan extends Span {
  field: string;
}

export function flatten(p: PrefillData | null | undefined): FlatSpan[] {
  const out: FlatSpan[] = [];
  if (!p) return out;
  for (const [field, v] of Object.entries(p)) {
    for (const s of Array.isArray(v) ? v : v ? [v] : [])
      if (s && typeof s.start === 'number') out.push({ ...s, field });
  }
  return out;
}

export interface Piece {
  text: string;
  field?: string;
  title?: string;
}

/** Pieces of `text` with the spans of one source marked; overlapping spans keep the first (longest) one. */
export function pieces(
  text: string,
  p: PrefillData | null | undefined,
  source: 'title' | 'text',
  label: (f: string) => string,
): Piece[] {
  const spans = flatten(p)
    .filter((s) => s.source === source && s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({
      text: text.slice(s.start, s.end),
      field: s.field,
      title: `${label(s.field)} · ${Math.round(s.confidence * 100)}%`,
    });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function first(p: PrefillData | null | undefined, field: string): Span | undefined {
  const v = p?.[field];
  return Array.isArray(v) ? v[0] : v;
}

export function valuesOf(p: PrefillData | null | undefined, field: string): string[] {
  const v = p?.[field];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => String(s.value));
}
