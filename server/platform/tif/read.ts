/**
 * Streaming TIF reader (.jsonl / .jsonl.gz). Each line is validated on its own: a bad line yields a rejection with
 * its number and reason and the rest of the file is still read (TIF.md "Rules").
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { TIF_FIELDS, type TifTicket } from '../../../shared/tif.js';
import { dateTimeProblem } from '../../../shared/dates.js';
import { cleanInput } from '../../../shared/controls.js';
import { DomainError } from '../errors/index.js';

export type TifLine = { line: number; ticket: TifTicket } | { line: number; error: string };

/** A user mistake: the CLI prints the message on one line and exits non-zero, with no stack trace. It is the domain
 * error with code invalid_input (one error type, one code catalog: the HTTP edge maps it like every other). */
export class InputError extends DomainError {
  constructor(message: string) {
    super('invalid_input', message);
    this.name = 'InputError';
  }
}

export function openInput(file: string): Readable {
  if (file === '-') return process.stdin;
  if (!existsSync(file)) throw new InputError(`file not found: ${file}`);
  if (statSync(file).isDirectory()) throw new InputError(`not a file: ${file}`);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (file.endsWith('.gz')) {
    const gz = createGunzip({ chunkSize: 1 << 18 }); // fewer, larger chunks: a third fewer callbacks per MB
    raw.on('error', (e) => gz.destroy(e));
    return raw.pipe(gz);
  }
  return raw;
}

/** A control character in a line's JSON text (raw DEL, or a \u0000–\u001f / \u007f / \b / \f escape). Conservative:
 * `\\b` (an escaped backslash, then b) matches too and merely takes the slow path. */
const CONTROL_IN_JSON = /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\[bf]|\u007f/;

/**
 * Validates one parsed JSON value as a TIF ticket; returns the ticket or a reason. Unknown fields go to `extra`.
 * A NUL anywhere rejects the line (the database cannot store it, and it hides text from some readers); other control
 * characters are stripped. received_at must be a real day and time (2026-02-30 and 25:00 are refused here, not by
 * the database halfway through a batch).
 */
export function toTicket(v: unknown, raw?: string): TifTicket | string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  let o: Record<string, unknown>;
  // `raw`, the JSON text `v` was parsed from: with no control character in it, cleanInput would return every value
  // unchanged, so its copy of every field is skipped (classify's hot path)
  if (raw !== undefined && !CONTROL_IN_JSON.test(raw)) o = v as Record<string, unknown>;
  else {
    const clean = cleanInput(v, 'ticket');
    if ('problem' in clean) return `NUL character in ${clean.problem.replace(/^ticket\.?/, '') || 'a field name'}`;
    o = clean.value as Record<string, unknown>;
  }
  let id = o.id;
  if (typeof id === 'number' && Number.isFinite(id)) id = String(id);
  if (typeof id !== 'string' || id.trim() === '') return 'missing id';
  const at = o.received_at;
  if (typeof at !== 'string' || at.trim() === '') return 'missing received_at';
  const bad = dateTimeProblem(at.trim());
  if (bad) return `received_at is not a valid ISO 8601 date (${bad}): ${JSON.stringify(at).slice(0, 40)}`;
  const t: Record<string, unknown> = { id, received_at: at.trim() };
  let extra: Record<string, unknown> | undefined;
  for (const [k, val] of Object.entries(o)) {
    if (k === 'id' || k === 'received_at') continue;
    if (TIF_FIELDS.has(k)) t[k] = val;
    else (extra ??= {})[k] = val;
  }
  for (const k of ['title', 'text', 'channel', 'kind', 'location'] as const) {
    if (t[k] !== undefined && t[k] !== null && typeof t[k] !== 'string') t[k] = asText(t[k]);
    if (t[k] === null) delete t[k];
  }
  if (t.amount !== undefined && t.amount !== null) {
    const a = typeof t.amount === 'string' ? Number(t.amount) : t.amount;
    if (typeof a === 'number' && Number.isFinite(a)) t.amount = a;
    else delete t.amount;
  }
  for (const k of ['complainant', 'respondent', 'labels'] as const) {
    if (t[k] !== undefined && (t[k] === null || typeof t[k] !== 'object' || Array.isArray(t[k]))) delete t[k];
  }
  if (t.labels) {
    const labels: Record<string, string> = {};
    for (const [k, val] of Object.entries(t.labels as Record<string, unknown>))
      if (val !== null && val !== undefined) labels[k] = asText(val);
    t.labels = labels;
  }
  if (extra) t.extra = { ...((t.extra as Record<string, unknown>) ?? {}), ...extra };
  return t as unknown as TifTicket;
}

/** Reads a TIF file line by line. Empty lines are ignored (not counted as rejections). */
export async function* readTif(file: string): AsyncGenerator<TifLine> {
  const input = openInput(file);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of rl) {
      n++;
      const s = raw.trim();
      if (!s) continue;
      let v: unknown;
      try {
        v = JSON.parse(s);
      } catch {
        yield { line: n, error: 'invalid JSON' };
        continue;
      }
      const t = toTicket(v);
      if (typeof t === 'string') yield { line: n, error: t };
      else yield { line: n, ticket: t };
    }
  } catch (e) {
    const msg = (e as Error).message;
    if (/incorrect header check|unexpected end of file/i.test(msg))
      throw new InputError(`${file}: not a valid gzip file (${msg})`);
    throw e;
  }
}

/** Loads every valid ticket of several files into memory (for batch tools: train, mine, classify). */
export async function loadTif(
  files: string[],
  onReject?: (file: string, line: number, reason: string) => void,
): Promise<{ tickets: TifTicket[]; rejected: number }> {
  const tickets: TifTicket[] = [];
  let rejected = 0;
  for (const f of files) {
    for await (const r of readTif(f)) {
      if ('error' in r) {
        rejected++;
        onReject?.(f, r.line, r.error);
      } else tickets.push(r.ticket);
    }
  }
  return { tickets, rejected };
}

/**
 * A non-string value where the format wants text, as text. Objects go through JSON: `String()` calls the value's own
 * `toString`, and a JSON line may carry a key of that name (`{"toString": ""}`), which makes `String()` throw.
 */
function asText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}
