/**
 * A stored ticket as a TIF line for the national exchange: what was received (the original text and the complainant
 * as TIF carries them — the national platform is allowed to see them; the export is audited) and what was decided
 * (`extra.handling`: status, outcome, deadlines…, and the state of a split report part), so that importing the file
 * elsewhere gives the same tickets in the same states. Pure apart from opening the seals.
 */
import type { Sealer } from '../../../platform/crypto/index.js';
import { originalText } from '../../workflow/index.js';
import type { TifTicket } from '../../../../shared/tif.js';

/** The columns of a ticket the export reads (repository.ts selects them), with its report part's state. */
export interface ExportRow {
  id: string;
  no: string;
  source: string;
  source_id: string;
  kind: string;
  channel: string | null;
  received_at: Date;
  title: string | null;
  body: string | null;
  extra: Record<string, unknown> | null;
  text_enc: string | null;
  complainant_enc: string | null;
  respondent_name: string | null;
  respondent_address: string | null;
  respondent_credit_code: string | null;
  platform: string | null;
  location: string | null;
  amount: string | number | null;
  labels: Record<string, string> | null;
  status: string;
  outcome: string | null;
  legal_basis: string | null;
  deadlines: Record<string, string> | null;
  due_date: string | null;
  due_kind: string | null;
  suspended_since: string | null;
  decisions: number;
  late_decisions: number;
  odr_key: string | null;
  satisfaction: number | null;
  closed_at: Date | null;
  abnormal: boolean;
  duplicate_no: string | null;
  /** the split report part, if any */
  rp: Record<string, unknown> | null;
}

type State = Record<string, unknown>;
/** Set only what has a value, in a fixed order (the TIF line's bytes), without `delete` (it makes objects slow). */
const state = (r: State): State => {
  const out: State = { status: r.status };
  const put = (k: string, v: unknown) => {
    if (v !== null && v !== undefined) out[k] = v;
  };
  put('outcome', r.outcome);
  put('legal_basis', r.legal_basis);
  out.deadlines = r.deadlines ?? {};
  put('due_date', r.due_date);
  put('due_kind', r.due_kind);
  put('suspended_since', r.suspended_since);
  out.decisions = r.decisions ?? 0;
  out.late_decisions = r.late_decisions ?? 0;
  put('odr_key', r.odr_key);
  put('satisfaction', r.satisfaction);
  put('closed_at', r.closed_at instanceof Date ? r.closed_at.toISOString() : r.closed_at);
  out.abnormal = !!r.abnormal;
  if (out.status === null || out.status === undefined) delete out.status; // never on a stored ticket
  return out;
};

export function toTif(r: ExportRow, sealer: Sealer): TifTicket {
  const text = originalText(
    // the pre-fill is not part of a TIF line: not read, not parsed
    { title: r.title, body: r.body, prefill: null, extra: r.extra, text_enc: r.text_enc },
    sealer,
  );
  let person: Record<string, string | undefined> = {};
  if (r.complainant_enc) {
    try {
      person = sealer.open<Record<string, string | undefined>>(r.complainant_enc);
    } catch {
      person = {}; // a seal the key cannot open exports no person rather than failing the export
    }
  }
  const complainant: Record<string, string> = {};
  let people = 0;
  for (const k in person) {
    const v = person[k];
    if (v !== undefined && v !== null && v !== '') ((complainant[k] = v), people++);
  }
  const respondent: Record<string, string> = {};
  let parties = 0;
  if (r.respondent_name) ((respondent.name = r.respondent_name), parties++);
  if (r.respondent_address) ((respondent.address = r.respondent_address), parties++);
  if (r.respondent_credit_code) ((respondent.credit_code = r.respondent_credit_code), parties++);
  if (r.platform) ((respondent.platform = r.platform), parties++);
  const handling = state(r as unknown as State);
  if (r.duplicate_no) handling.duplicate_of = r.duplicate_no;
  if (r.rp) handling.report_part = state(r.rp);
  // the source's own extra stays as it was; the exchange's fields are set over it
  const { handling: _old, ...extra } = (text.extra ?? {}) as Record<string, unknown>;
  const t: TifTicket = {
    id: r.no,
    kind: r.kind,
    received_at: r.received_at.toISOString(),
    ...(r.channel ? { channel: r.channel } : {}),
    ...(text.title ? { title: text.title } : {}),
    ...(text.body ? { text: text.body } : {}),
    ...(people ? { complainant } : {}),
    ...(parties ? { respondent } : {}),
    ...(r.location ? { location: r.location } : {}),
    ...(r.amount !== null && r.amount !== undefined && Number.isFinite(Number(r.amount))
      ? { amount: Number(r.amount) }
      : {}),
    ...(r.labels && Object.keys(r.labels).length ? { labels: r.labels } : {}),
    extra: { ...extra, source: r.source, source_id: r.source_id, handling },
  };
  return t;
}
