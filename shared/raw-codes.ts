/**
 * Finds raw codes in text a person reads on a Chinese screen or document: `snake_case` identifiers, lower-case English
 * words of four letters or more (status codes such as `open`, `proposed`, `order121`) and long hex ids. Used by the
 * browser flows to scan every main screen (issue 15: "no raw code, hash, template id or English label").
 * Words a person types or reads as names are allowed: the demo account names, the product name, file formats.
 */
const ALLOWED = new Set([
  'xiezhi',
  'officer',
  'officer2',
  'supervisor',
  'analyst',
  'operator',
  'enterprise',
  'partner',
  'admin',
  'consumer',
  'monitor',
  'xiezhi2026',
  'english',
  'http',
  'https',
  'xlsx',
  'json',
  'jsonl',
  'html',
]);

export function rawCodes(text: string): string[] {
  const found = new Set<string>();
  // e-mail addresses and URLs are read as addresses, not codes
  const clean = text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\S+@\S+\.\w+/g, ' ');
  for (const m of clean.matchAll(/[A-Za-z0-9_]*[a-z][A-Za-z0-9_]*/g)) {
    const w = m[0];
    if (ALLOWED.has(w.toLowerCase())) continue;
    const snake = /[a-z0-9]_[a-z0-9]/i.test(w);
    const lowerWord = /^[a-z][a-z0-9]{3,}$/.test(w);
    const hex = /^[0-9a-f]{8,}$/.test(w) && /\d/.test(w);
    if (snake || lowerWord || hex) found.add(w);
  }
  return [...found];
}
