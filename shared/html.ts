/**
 * Text into HTML: the five characters that could open markup or end an attribute. Every document the platform
 * renders (decisions, notices, the monthly report) writes people's text through this, so a complaint that contains
 * `<script>` prints as text. Browser-safe and pure.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `null`/`undefined` become the empty string; anything else its String(). */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ENTITY[c]!);
