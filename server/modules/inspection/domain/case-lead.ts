/**
 * 诉转案: a violation found on site becomes a case lead — a report ticket (举报/案件线索) handled under the report
 * procedure, so the statutory state machine (start_verification, extend_verification, open_case, not_open_case …)
 * runs it like any other report. Pure: the command passes in the complaint, the calendar and today.
 *
 * The lead is the bureau's own (依职权发现): no reporter, so real_name is false and no reporter notice runs; the
 * complainant's personal data is not copied (the complainant learns the outcome on the complaint).
 */
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { ruleSetFor, type NewTicketRow, type TicketRow } from '../../workflow/index.js';
import { ticketIdFor } from '../../intake/index.js';

export const LEAD_SOURCE = 'inspection';

export interface Finding {
  inspection_id: string;
  findings: string;
  business: string | null;
  address: string | null;
  /** 'manual' (entered by the station) or 'platform' (pushed by the unified regulatory platform) */
  source: 'manual' | 'platform';
}

/** The lead's id is a function of the inspection: recording the same result twice can never open two leads. */
export const leadIdFor = (inspectionId: string) => ticketIdFor(LEAD_SOURCE, inspectionId);

/**
 * The case lead's row: verification clock from the day the violation was found (行政处罚程序规定第十八条: 自发现线索之日起
 * 15个工作日内核查, extendable once by 15 — the rule set's `violation_lead`).
 */
export function caseLeadRow(
  complaint: Pick<
    TicketRow,
    | 'id'
    | 'no'
    | 'respondent_name'
    | 'respondent_key'
    | 'respondent_address'
    | 'respondent_credit_code'
    | 'platform'
    | 'location'
    | 'district_code'
    | 'street_code'
    | 'unit_id'
    | 'labels'
    | 'category'
    | 'problem'
  >,
  f: Finding,
  o: { cal: WorkCalendar; today: string; now: Date },
): NewTicketRow {
  const rules = ruleSetFor(o.today);
  const rule = rules.deadlines.violation_lead;
  const verifyBy =
    rule.workdays !== undefined
      ? o.cal.addWorkdays(o.today, rule.workdays)
      : o.cal.addCalendarDays(o.today, rule.days ?? 15);
  const business = f.business ?? complaint.respondent_name ?? complaint.location ?? '';
  return {
    id: leadIdFor(f.inspection_id),
    source: LEAD_SOURCE,
    source_id: f.inspection_id,
    kind: 'report',
    channel: null,
    received_at: o.now.toISOString(),
    received_date: o.today,
    title: `[诉转案] 现场检查发现违法线索：${business}`.slice(0, 500),
    body: f.findings,
    complainant_enc: null,
    complainant_key: null,
    phone_hash: null,
    idno_hash: null,
    complainant_display: null,
    real_name: false,
    age_group: null,
    respondent_name: complaint.respondent_name,
    respondent_key: complaint.respondent_key,
    respondent_address: f.address ?? complaint.respondent_address,
    respondent_credit_code: complaint.respondent_credit_code,
    platform: complaint.platform,
    location: complaint.location,
    amount: null,
    district_code: complaint.district_code,
    street_code: complaint.street_code,
    unit_id: complaint.unit_id,
    status: 'received',
    rule_version: rules.version,
    due_date: verifyBy,
    due_kind: 'verify_by',
    deadlines: { verify_by: verifyBy },
    labels: complaint.labels,
    predicted: null,
    category: complaint.category,
    problem: complaint.problem,
    prefill: null,
    extra: {
      case_lead: { from_ticket: complaint.id, from_no: complaint.no, inspection_id: f.inspection_id, source: f.source },
    },
    parent_id: complaint.id,
    duplicate_of: null,
    abnormal: false,
    event: {
      source: LEAD_SOURCE,
      case_lead_of: complaint.id,
      inspection_id: f.inspection_id,
      basis: `${rule.article ?? '行政处罚程序规定第十八条'}：${rule.note ?? ''}`,
      rule_version: rules.version,
    },
  };
}

export type CaseStage = 'verifying' | 'case_opened' | 'not_opened' | 'penalized';
export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  verifying: '案源核查中',
  case_opened: '已立案',
  not_opened: '不予立案',
  penalized: '已作出行政处罚',
};

/** Where the case stands, from the link row (decisions mirrored from the lead's workflow) and the lead's status. */
export function caseStage(
  c: { decision: string | null; penalty_no: string | null },
  leadStatus: string | null,
): CaseStage {
  if (c.penalty_no) return 'penalized';
  if (c.decision === 'case_opened' || leadStatus === 'case_opened') return 'case_opened';
  if (c.decision === 'not_opened' || leadStatus === 'not_opened') return 'not_opened';
  return 'verifying';
}
