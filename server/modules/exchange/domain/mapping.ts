/**
 * The column layout of a spreadsheet export (CSV/XLSX): data, not code. A mapping is a JSON object {field: header},
 * in column order, where a field is a TIF path (`id`, `complainant.phone`, `labels.problem`) or a handling path
 * (`handling.status`, kept in the ticket's extra on import). The same file given to `xiezhi import --map` reads the
 * spreadsheet back. The default is the national 12315 layout with Chinese headers (mappings/national-12315.json).
 */
import { InputError } from '../../../platform/tif/index.js';
import { KIND_LABELS, STATUS_LABELS, type Status } from '../../../../shared/domain.js';
import { CHANNEL_LABELS, DEADLINE_LABELS } from '../../../../shared/analysis-labels.js';
import { deadlinesText } from '../../../../shared/deadlines-text.js';
import type { TifTicket } from '../../../../shared/tif.js';

export type ExportMapping = [field: string, header: string][];

const TOP = new Set(['id', 'received_at', 'kind', 'channel', 'title', 'text', 'location', 'amount']);
const NESTED: Record<string, Set<string>> = {
  complainant: new Set(['id', 'name', 'phone', 'id_number', 'address']),
  respondent: new Set(['name', 'address', 'credit_code', 'platform']),
  handling: new Set([
    'status',
    'outcome',
    'legal_basis',
    'closed_at',
    'due_date',
    'due_kind',
    'deadlines',
    'decisions',
    'late_decisions',
    'odr_key',
    'satisfaction',
    'abnormal',
    'duplicate_of',
    'report_part',
  ]),
};

/** Validates a parsed mapping; the reason names the first bad entry. */
export function parseMapping(v: unknown, what = 'mapping'): ExportMapping {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new InputError(`${what}: expected a JSON object {"field": "header"}`);
  const out: ExportMapping = [];
  const headers = new Set<string>();
  for (const [field, header] of Object.entries(v as Record<string, unknown>)) {
    if (typeof header !== 'string' || !header.trim())
      throw new InputError(`${what}: the header of "${field}" must be a non-empty string`);
    const [a, b, ...rest] = field.split('.');
    const ok =
      rest.length === 0 &&
      (b === undefined ? TOP.has(a!) : a === 'labels' ? /^[\w\u4e00-\u9fff]{1,40}$/.test(b) : !!NESTED[a!]?.has(b));
    if (!ok)
      throw new InputError(
        `${what}: unknown field "${field}" (TIF fields, labels.NAME or handling.${[...NESTED.handling!].slice(0, 3).join('|')}…)`,
      );
    if (headers.has(header)) throw new InputError(`${what}: header "${header}" is used twice`);
    headers.add(header);
    out.push([field, header]);
  }
  if (!out.some(([f]) => f === 'id') || !out.some(([f]) => f === 'received_at'))
    throw new InputError(`${what}: must map id and received_at (an import needs both)`);
  return out;
}

/** Shanghai wall-clock time without a zone (`2026-12-02 03:17:00`), which import reads back as Shanghai time. */
const localTime = (v: unknown) => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) return String(v ?? '');
  const s = new Date(ms + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
};

type Cell = string | number | boolean | null;
export type CellReader = (t: TifTicket) => Cell;

const empty = (v: unknown) => v === undefined || v === null || v === '';
const plain = (v: unknown): Cell =>
  empty(v) ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);

/**
 * The reader of one column, decided once per field rather than per cell (an export calls it ~33 M times per 1 M
 * tickets). Kinds, statuses, channels and deadline kinds are written as their Chinese labels (the import reads both
 * labels and codes); times in Shanghai time; the deadlines as a readable list (受理期限 2026-10-19；…) — a person opens
 * this file in a spreadsheet, and the import keeps handling columns as written.
 */
export function cellReader(field: string): CellReader {
  const [a, b] = field.split('.') as [string, string | undefined];
  const handling = (t: TifTicket) => (t.extra?.handling ?? {}) as Record<string, unknown>;
  if (field === 'kind') return (t) => (empty(t.kind) ? null : (KIND_LABELS[String(t.kind)] ?? String(t.kind)));
  if (field === 'received_at') return (t) => (empty(t.received_at) ? null : localTime(t.received_at));
  if (field === 'channel') return (t) => (empty(t.channel) ? null : (CHANNEL_LABELS[t.channel!] ?? t.channel!));
  if (a === 'handling') {
    if (b === 'status')
      return (t) => {
        const v = handling(t).status;
        return empty(v) ? null : (STATUS_LABELS[v as Status] ?? String(v));
      };
    if (b === 'report_part')
      return (t) => {
        const v = handling(t).report_part as { status: Status } | undefined | null;
        return empty(v) ? null : (STATUS_LABELS[v!.status] ?? null);
      };
    if (b === 'closed_at')
      return (t) => {
        const v = handling(t).closed_at;
        return empty(v) ? null : localTime(v);
      };
    if (b === 'due_kind')
      return (t) => {
        const v = handling(t).due_kind;
        return empty(v) ? null : (DEADLINE_LABELS[String(v)] ?? String(v));
      };
    if (b === 'deadlines') return (t) => deadlinesText(handling(t).deadlines);
    if (b === 'abnormal')
      return (t) => {
        const v = handling(t).abnormal;
        return empty(v) ? null : v ? '是' : '否';
      };
    return (t) => plain(handling(t)[b!]);
  }
  if (b === undefined) return (t) => plain((t as unknown as Record<string, unknown>)[a]);
  return (t) => plain(((t as unknown as Record<string, Record<string, unknown> | undefined>)[a] ?? {})[b]);
}

/** One cell of a ticket under a mapping; an export builds its readers once (`cellReader`) instead. */
export function cellOf(t: TifTicket, field: string): Cell {
  return cellReader(field)(t);
}
