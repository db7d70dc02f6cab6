/**
 * A ticket's statutory deadlines as a person reads them in a spreadsheet — 受理期限 2026-10-19；调解期限 2026-11-02；
 * 中止3个工作日 — and back. The national exchange writes this text (not JSON with workflow codes) and its import reads
 * both, so a file opened and saved by an officer still imports with its deadlines. Browser-safe.
 */
import { DEADLINE_LABELS } from './analysis-labels.js';

const CODE_BY_LABEL = new Map(Object.entries(DEADLINE_LABELS).map(([code, label]) => [label, code]));

/** The deadlines object of `extra.handling` as text; null when there are none. */
export function deadlinesText(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string' && x) parts.push(`${DEADLINE_LABELS[k] ?? k} ${x}`);
    else if (k === 'verify_extended' && x === true) parts.push('核查期限已延长');
    else if (k === 'suspended_workdays' && typeof x === 'number' && x > 0) parts.push(`中止${x}个工作日`);
    else if (k === 'suspended_days' && typeof x === 'number' && x > 0) parts.push(`中止${x}日`);
  }
  return parts.length ? parts.join('；') : null;
}

/** Text written by `deadlinesText` → the deadlines object; a part it cannot read is returned as the error. */
export function parseDeadlinesText(
  s: string,
): { deadlines: Record<string, string | number | boolean> } | { problem: string } {
  const out: Record<string, string | number | boolean> = {};
  for (const raw of s.split(/[；;]/)) {
    const p = raw.trim();
    if (!p) continue;
    let m: RegExpExecArray | null;
    if (p === '核查期限已延长') out.verify_extended = true;
    else if ((m = /^中止(\d{1,5})个工作日$/.exec(p))) out.suspended_workdays = Number(m[1]);
    else if ((m = /^中止(\d{1,5})日$/.exec(p))) out.suspended_days = Number(m[1]);
    else if ((m = /^(\S+)\s+(\d{4}-\d{2}-\d{2})$/.exec(p))) out[CODE_BY_LABEL.get(m[1]!) ?? m[1]!] = m[2]!;
    else return { problem: `cannot read deadline "${p.slice(0, 30)}"` };
  }
  return { deadlines: out };
}

/** A deadline kind as written (调解期限) or as its code (mediate_by) → the code; anything else as written. */
export function deadlineCode(s: string): string {
  return CODE_BY_LABEL.get(s.trim()) ?? s;
}
