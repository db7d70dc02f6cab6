/**
 * Ticket DTOs. Rows never leave the server as they are: personal data is masked unless the actor may see it, the
 * free text is the version the text policy (access/domain/text-policy.ts) gives the viewer, and an enterprise never
 * sees who reported nor that a report was made (its view is a whitelist: no predictions, pre-fill, extra or links).
 */
import { calendar } from '../../../platform/calendar/index.js';
import { mask, type Sealer } from '../../../platform/crypto/index.js';
import { mediationText } from '../../text/index.js';
import type { TextVersion } from '../../access/index.js';
import { clockOf } from '../domain/deadlines.js';
import type { TextFields } from '../domain/sealed-text.js';
import type { TicketRow } from '../repository.js';
import { STATUS_LABELS, KIND_LABELS, type Status } from '../../../../shared/domain.js';
import type {
  ComplainantView,
  PrefillData,
  Predictions,
  TicketDetailItem,
  TicketListItem,
} from '../../../../shared/ticket.js';

export type Complainant = ComplainantView;

export function openComplainant(sealer: Sealer, enc: string | null): Complainant | null {
  if (!enc) return null;
  try {
    return sealer.open<Complainant>(enc);
  } catch {
    return null;
  }
}

export function maskComplainant(c: Complainant | null): Complainant | null {
  if (!c) return null;
  return {
    name: mask.name(c.name),
    phone: mask.phone(c.phone),
    id_number: mask.idNumber(c.id_number),
    address: mask.address(c.address),
  };
}

/** A text as the viewer may read it; `truncated` marks an excerpt cut by the query (its last clause may be partial). */
export function textFor(version: TextVersion, s: string | null, truncated = false): string | null {
  if (!s || version === 'none') return null;
  if (version !== 'mediation') return s;
  // an excerpt may end inside a clause ("…同时举"): drop the partial clause before filtering
  const whole = truncated ? s.replace(/[^，。！？!?；;,\n]*$/, '') : s;
  return mediationText(whole) || null;
}

export function presentListItem(
  t: TicketRow,
  today: string,
  version: TextVersion = 'redacted',
  excerptLimit = 160,
): TicketListItem {
  const clk = clockOf(calendar(), t.due_date, today);
  const ent = version === 'mediation';
  const excerpt = textFor(version, t.body, (t.body?.length ?? 0) >= excerptLimit);
  return {
    id: t.id,
    no: t.no,
    kind: t.kind,
    kind_label: KIND_LABELS[t.kind] ?? t.kind,
    channel: t.channel,
    received_at: t.received_at,
    title: textFor(version, t.title),
    excerpt: excerpt && excerpt.length > 160 ? excerpt.slice(0, 160) : excerpt,
    respondent_name: t.respondent_name,
    platform: t.platform,
    district_code: t.district_code,
    unit_id: t.unit_id,
    status: t.status,
    status_label: STATUS_LABELS[t.status as Status] ?? t.status,
    due_date: t.due_date,
    due_kind: t.due_kind,
    clock: clk.clock,
    workdays_left: clk.workdays_left,
    rule_version: t.rule_version,
    category: ent
      ? null
      : (t.labels?.goods_service ??
        (t.predicted as { goods_service?: { label: string } } | null)?.goods_service?.label ??
        null),
    abnormal: ent ? undefined : t.abnormal,
    complainant: t.complainant_display,
    amount: t.amount,
    parent_id: ent ? undefined : t.parent_id,
    duplicate_of: ent ? undefined : t.duplicate_of,
    text_version: version,
  };
}

export function presentDetail(
  t: TicketRow,
  today: string,
  complainant: Complainant | null,
  opts: { revealed: boolean; hideComplainant: boolean; version?: TextVersion; text?: TextFields },
): TicketDetailItem {
  const version = opts.version ?? 'redacted';
  const ent = version === 'mediation';
  const text = opts.text ?? t;
  const base = presentListItem({ ...t, title: text.title, body: null }, today, version);
  return {
    ...base,
    excerpt: undefined,
    title: textFor(version, text.title),
    body: textFor(version, text.body),
    received_date: t.received_date,
    complainant: opts.hideComplainant ? null : opts.revealed ? complainant : maskComplainant(complainant),
    personal_data: opts.hideComplainant ? 'hidden' : opts.revealed ? 'revealed' : 'masked',
    real_name: t.real_name,
    respondent: {
      name: t.respondent_name,
      address: t.respondent_address,
      credit_code: t.respondent_credit_code,
      platform: t.platform,
    },
    location: t.location,
    street_code: t.street_code,
    deadlines: t.deadlines,
    suspended_since: t.suspended_since,
    outcome: t.outcome,
    legal_basis: t.legal_basis,
    odr_key: t.odr_key,
    satisfaction: t.satisfaction,
    // what the enterprise does not get: predictions and labels (a "report" class), pre-fill (demands to punish), extra
    labels: ent ? undefined : t.labels,
    // the JSON columns as the classifier and the pre-fill wrote them (text/domain: Prediction, Prefill)
    predicted: ent ? undefined : (t.predicted as Predictions | null),
    prefill: ent ? undefined : (text.prefill as PrefillData | null),
    extra: ent ? undefined : text.extra,
    closed_at: t.closed_at,
    version: t.version,
    // the 12345 track is the centre's business with the bureau, not the enterprise's
    t12345: ent ? undefined : (t.t12345 ?? null),
    pii: ent ? undefined : (t.pii ?? null),
  };
}
