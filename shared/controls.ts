/**
 * Control characters in text that people and files send. Browser-safe and pure; used by the HTTP edge and the
 * import readers.
 */
/** C0 controls and DEL except tab, line feed and carriage return: never meaningful in a complaint, a name or a key. */
const STRIP = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Walks parsed input (body, query, params): a NUL anywhere — value or key — is refused with the path where it was
 * found (PostgreSQL cannot store it in text and it is a classic truncation trick); other control characters are
 * stripped. Returns the cleaned value, or a problem naming the field.
 */
export function cleanInput(v: unknown, path: string, depth = 0): { value: unknown } | { problem: string } {
  if (typeof v === 'string') {
    if (v.includes('\u0000')) return { problem: path };
    return { value: STRIP.test(v) ? v.replace(STRIP, '') : v };
  }
  if (v === null || typeof v !== 'object' || depth > 32) return { value: v };
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = cleanInput(v[i], `${path}[${i}]`, depth + 1);
      if ('problem' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k.includes('\u0000')) return { problem: `${path} (a key)` };
    const r = cleanInput(x, `${path}.${k.replace(STRIP, '')}`, depth + 1);
    if ('problem' in r) return r;
    out[k.replace(STRIP, '')] = r.value;
  }
  return { value: out };
}
