/**
 * The handling state a ticket carries in `extra.handling` when it comes from a Xiezhi export (the national 12315
 * exchange, `xiezhi export`): what was decided — status, outcome, legal basis, deadlines, closing time — so that a
 * bureau's history moves between installations with its decisions and is not re-opened as new work. A ticket without
 * it starts at intake as usual. Pure.
 */
import { STATUSES, STATUS_LABELS } from '../../../../shared/domain.js';
import { dateTimeProblem } from '../../../../shared/dates.js';
import type { NewTicketRow } from '../../workflow/index.js';
import { deadlineCode, parseDeadlinesText } from '../../../../shared/deadlines-text.js';

export interface HandlingState {
  status: string;
  outcome?: string | null;
  legal_basis?: string | null;
  /** dates by deadline key, and suspended_days / verify_extended (workflow/domain/deadlines.ts) */
  deadlines?: Record<string, string | number | boolean>;
  due_date?: string | null;
  due_kind?: string | null;
  suspended_since?: string | null;
  decisions?: number;
  late_decisions?: number;
  odr_key?: string | null;
  satisfaction?: number | null;
  closed_at?: string | null;
  abnormal?: boolean;
}

export interface Handling extends HandlingState {
  /** the exported id (TIF `id`) of the ticket this one repeats */
  duplicate_of?: string | null;
  /** the state of the report part split from this complaint (第20号令第七条) */
  report_part?: HandlingState | null;
}

const BY_LABEL = new Map(Object.entries(STATUS_LABELS).map(([code, label]) => [label, code]));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A status code, or its Chinese label (a national-layout spreadsheet carries 已办结, not closed). */
export function statusCode(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  if ((STATUSES as readonly string[]).includes(t)) return t;
  return BY_LABEL.get(t) ?? null;
}

const str = (v: unknown) =>
  v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v.slice(0, 200) : String(v).slice(0, 200);
const int = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? undefined
    : Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) < 30000
      ? Number(v)
      : NaN;

function day(v: unknown, field: string): string | null | { problem: string } {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v).trim().slice(0, 10);
  return DAY.test(s) && !dateTimeProblem(s)
    ? s
    : { problem: `${field} is not a date: ${JSON.stringify(v).slice(0, 30)}` };
}

function parseState(o: Record<string, unknown>, prefix: string): HandlingState | string {
  const status = statusCode(o.status);
  if (!status) return `${prefix}status is not a known status: ${JSON.stringify(o.status ?? null).slice(0, 40)}`;
  const dueKind = str(o.due_kind); // 调解期限 (the national layout) or mediate_by
  const h: HandlingState = {
    status,
    outcome: str(o.outcome),
    legal_basis: str(o.legal_basis),
    due_kind: dueKind && deadlineCode(dueKind),
    odr_key: str(o.odr_key),
  };
  for (const f of ['due_date', 'suspended_since'] as const) {
    const d = day(o[f], prefix + f);
    if (d && typeof d === 'object') return d.problem;
    h[f] = d;
  }
  if (o.closed_at !== null && o.closed_at !== undefined && o.closed_at !== '') {
    const at = String(o.closed_at).trim();
    if (dateTimeProblem(at))
      return `${prefix}closed_at is not a date-time: ${JSON.stringify(o.closed_at).slice(0, 40)}`;
    // a spreadsheet's zone-less time is Shanghai wall-clock time, like every zone-less TIF time
    h.closed_at = /(Z|[+-]\d{2}:?\d{2})$/.test(at)
      ? at
      : at.length === 10
        ? `${at}T00:00:00+08:00`
        : `${at.replace(' ', 'T')}+08:00`;
  }
  let deadlines = o.deadlines;
  if (typeof deadlines === 'string' && deadlines.trim().startsWith('{')) {
    try {
      deadlines = JSON.parse(deadlines);
    } catch {
      return `${prefix}deadlines is not a JSON object`;
    }
  } else if (typeof deadlines === 'string' && deadlines.trim()) {
    // the national layout's readable text: 受理期限 2026-10-19；中止3个工作日
    const d = parseDeadlinesText(deadlines);
    if ('problem' in d) return `${prefix}deadlines: ${d.problem}`;
    deadlines = d.deadlines;
  }
  if (deadlines !== undefined && deadlines !== null && deadlines !== '') {
    if (typeof deadlines !== 'object' || Array.isArray(deadlines)) return `${prefix}deadlines is not an object`;
    const out: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(deadlines as Record<string, unknown>)) {
      if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[k.slice(0, 60)] = v;
      else if (typeof v === 'string' && DAY.test(v) && !dateTimeProblem(v)) out[k.slice(0, 60)] = v;
      else return `${prefix}deadlines.${k.slice(0, 30)} is neither a date, a number nor true/false`;
    }
    h.deadlines = out;
  }
  for (const f of ['decisions', 'late_decisions'] as const) {
    const n = int(o[f]);
    if (Number.isNaN(n)) return `${prefix}${f} is not a count`;
    if (n !== undefined) h[f] = n;
  }
  const sat = int(o.satisfaction);
  if (Number.isNaN(sat) || (sat !== undefined && (sat < 1 || sat > 5))) return `${prefix}satisfaction is not 1–5`;
  h.satisfaction = sat ?? null;
  if (o.abnormal !== undefined) h.abnormal = o.abnormal === true || o.abnormal === 'true' || o.abnormal === '是';
  return h;
}

/** The handling block of a ticket's extra: absent (null), valid, or the reason the line is rejected. */
export function parseHandling(extra: Record<string, unknown> | undefined): Handling | null | string {
  const v = extra?.handling;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) return 'handling is not an object';
  const o = v as Record<string, unknown>;
  const h = parseState(o, 'handling.');
  if (typeof h === 'string') return h;
  const out: Handling = { ...h, duplicate_of: str(o.duplicate_of) };
  const rp = o.report_part;
  if (rp !== undefined && rp !== null && rp !== '') {
    const r =
      typeof rp === 'object' && !Array.isArray(rp)
        ? parseState(rp as Record<string, unknown>, 'handling.report_part.')
        : statusCode(rp)
          ? { status: statusCode(rp)! }
          : 'handling.report_part is not a known status';
    if (typeof r === 'string') return r;
    out.report_part = r;
  }
  return out;
}

/**
 * Puts a decided state on a freshly normalised row (and the report part split from it). The intake clock is replaced
 * by the exported one: the deadlines were computed by the system that handled the ticket, under its rule set.
 */
export function applyHandling(row: NewTicketRow, h: HandlingState, duplicateOf: string | null): void {
  row.status = h.status;
  if (h.deadlines) row.deadlines = h.deadlines;
  row.due_date = h.due_date ?? null;
  row.due_kind = h.due_kind ?? null;
  row.outcome = h.outcome ?? null;
  row.legal_basis = h.legal_basis ?? null;
  row.suspended_since = h.suspended_since ?? null;
  row.decisions = h.decisions ?? 0;
  row.late_decisions = h.late_decisions ?? 0;
  row.odr_key = h.odr_key ?? null;
  row.satisfaction = h.satisfaction ?? null;
  row.closed_at = h.closed_at ?? null;
  if (h.abnormal !== undefined) row.abnormal = h.abnormal;
  if (duplicateOf) row.duplicate_of = duplicateOf;
  row.event = {
    ...row.event,
    imported_handling: { status: h.status, outcome: h.outcome ?? null },
    note: '导入时保留原系统的办理状态',
  };
}
