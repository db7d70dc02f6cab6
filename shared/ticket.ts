/**
 * One ticket as GET /api/tickets/:id sends it (JSON: times as ISO strings; `string | Date` where the server holds a
 * Date). server/modules/workflow/queries/get-ticket.ts builds it with `satisfies TicketDetailResponse`, the ticket
 * detail screen reads it; the pre-fill and the suggested categories are also what GET /api/tickets/:id/assist sends.
 */
import type { TicketLevelAction } from './ticket-actions.js';

/** Which version of the free text a viewer gets (server/modules/access/domain/text-policy.ts decides). */
export type TextVersion = 'original' | 'redacted' | 'mediation' | 'none';
/** The statutory clock of a deadline: green, amber within the warning days, red past due, none without a deadline. */
export type Clock = 'green' | 'amber' | 'red' | 'none';

/** One pre-filled value and where in the text it was found. */
export interface PrefillSpan {
  value: unknown;
  source: 'title' | 'text';
  start: number;
  end: number;
  confidence: number;
}
/** The pre-fill of a ticket: one span per single-valued field, a list for amounts, dates, phones, demands … */
export type PrefillData = Record<string, PrefillSpan | PrefillSpan[] | undefined>;

/** A suggested label with its confidence and the alternatives, best first. */
export interface LabelPrediction {
  label: string;
  confidence: number;
  not_sure?: boolean;
  top?: { label: string; confidence: number }[];
}
/** Suggested labels by field (kind, goods_service, problem). */
export type Predictions = Record<string, LabelPrediction | undefined>;

/** GET /api/tickets/:id/assist: pre-fill and suggestions computed now for a ticket stored without them. */
export interface TicketAssist {
  prefill?: PrefillData;
  predicted?: Predictions;
}

export interface ComplainantView {
  name?: string;
  phone?: string;
  id_number?: string;
  address?: string;
  id?: string;
}

export type State12345 = 'to_sign' | 'signed' | 'returned' | 'replied';

/** One message back to the centre: its number on the ticket is what delivery and the idempotency key are built on. */
export interface Message12345 {
  seq: number;
  kind: 'reply' | 'return';
  at: string;
  text: string;
  template?: string;
  template_version?: number;
  reason?: string;
  reason_text?: string;
  late?: boolean;
}

/** The 12345 track of a ticket transferred by the 12345 hotline (its state decides the two 12345 deadlines). */
export interface Transfer12345 {
  work_order_no: string;
  category: string | null;
  state: State12345;
  received_on: string;
  signed_on: string | null;
  extended: boolean;
  reopen_count: number;
  messages: Message12345[];
  satisfaction: { code: string; label: string; at: string } | null;
}

/** A ticket in a list (the queue's row; the detail builds on it). Fields an enterprise may not see are absent. */
export interface TicketListItem {
  id: string;
  no: string;
  kind: string;
  kind_label: string;
  channel: string | null;
  received_at: string | Date;
  title: string | null;
  excerpt: string | null | undefined;
  respondent_name: string | null;
  platform: string | null;
  district_code: string | null;
  unit_id: string;
  status: string;
  status_label: string;
  due_date: string | null;
  due_kind: string | null;
  clock: Clock;
  workdays_left: number | null;
  rule_version: string;
  category: string | null;
  abnormal: boolean | undefined;
  /** the complainant's display form (masked) in a list; the detail replaces it */
  complainant: Record<string, unknown> | ComplainantView | null;
  amount: number | null;
  parent_id: string | null | undefined;
  duplicate_of: string | null | undefined;
  text_version: TextVersion;
}

export interface TicketDetailItem extends Omit<TicketListItem, 'complainant'> {
  body: string | null;
  received_date: string;
  /** in clear (revealed and audited), masked, or null when the viewer may not see who complained */
  complainant: ComplainantView | null;
  personal_data: 'hidden' | 'revealed' | 'masked';
  real_name: boolean;
  respondent: { name: string | null; address: string | null; credit_code: string | null; platform: string | null };
  location: string | null;
  street_code: string | null;
  /** the ticket's deadlines by name (accept_by, handle_by …): dates, with a few flags beside them */
  deadlines: Record<string, unknown>;
  suspended_since: string | null;
  outcome: string | null;
  legal_basis: string | null;
  odr_key: string | null;
  satisfaction: number | null;
  labels: Record<string, string> | null | undefined;
  predicted: Predictions | null | undefined;
  prefill: PrefillData | null | undefined;
  extra: Record<string, unknown> | null | undefined;
  closed_at: string | Date | null;
  version: number;
  t12345: Transfer12345 | null | undefined;
  pii: Record<string, number> | null | undefined;
}

/** A timeline step; the enterprise gets no staff ids and only status, deadline and a filtered note. */
export interface TicketTimelineEvent {
  seq: number;
  at: string | Date;
  actor_id?: string;
  actor_role: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface TicketDocumentRef {
  id: string;
  kind: string;
  number: string;
  title: string;
  created_at: string | Date;
}

export interface ReasonCode {
  code: string;
  article: string;
  text: string;
}

export interface TicketDetailResponse {
  ticket: TicketDetailItem;
  timeline: TicketTimelineEvent[];
  documents: TicketDocumentRef[];
  /** the workflow steps of the ticket's state for the viewer's role (older name; see allowed_actions) */
  actions: string[];
  /** everything this viewer may do here: workflow steps in its scope and the ticket-level actions of the catalog */
  allowed_actions: (string | TicketLevelAction)[];
  /** the rule set's deadlines; the reason lists are absent for an enterprise (not the report procedure's business) */
  rules: {
    version: string;
    name: string;
    deadlines: Record<string, unknown>;
    decline_reasons?: ReasonCode[];
    termination_reasons?: ReasonCode[];
    not_open_reasons?: ReasonCode[];
  };
}
