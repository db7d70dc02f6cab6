/**
 * The actions of the statutory workflow and who may take them from which state (SPECS), the state and the facts an
 * action reads, and the decision it yields; transitions.ts decides the effects.
 */
import { STATUSES, type Role } from '../../../../shared/domain.js';
import type { DeadlineKey, Deadlines } from './deadlines.js';
import type { ReasonCode } from './rules.js';
import { ACTIONS_12345, can12345, type Action12345, type TemplateFact, type Transfer12345 } from './transfer-12345.js';

export const ACTIONS = [
  'accept',
  'decline',
  'send_odr',
  'odr_settle',
  'odr_fail',
  'start_mediation',
  'suspend',
  'resume',
  'mediate_success',
  'terminate',
  'notify_termination',
  'start_verification',
  'extend_verification',
  'open_case',
  'not_open_case',
  'notify_reporter',
  'answer',
  'close',
  'follow_up',
  'mark_duplicate',
  'refer_out',
  ...ACTIONS_12345,
] as const;
export type Action = (typeof ACTIONS)[number];

export const TERMINAL = new Set(['declined', 'mediated', 'closed', 'answered', 'duplicate']);

export type DocumentKind =
  | 'acceptance_decision'
  | 'decline_decision'
  | 'mediation_notice'
  | 'termination_decision'
  | 'mediation_agreement'
  | 'mediation_record'
  | 'report_result_notice';

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance_decision: '投诉受理决定书',
  decline_decision: '投诉不予受理决定书',
  mediation_notice: '投诉调解通知书',
  termination_decision: '投诉终止调解决定书',
  mediation_agreement: '投诉调解书',
  mediation_record: '调解记录',
  report_result_notice: '举报处理结果告知书',
};

export interface WorkflowState {
  kind: string;
  status: string;
  received_date: string;
  real_name: boolean;
  deadlines: Deadlines;
  suspended_since: string | null;
  odr_key: string | null;
  /** the 12345 track of a transfer (null: not a 12345 transfer) */
  t12345?: Transfer12345 | null;
}

export interface ActionInput {
  action: Action;
  /** reason code for decline/terminate/not_open_case */
  reason?: string;
  note?: string;
  /** mediate_success: the agreement was performed at once or both agreed not to write one → 调解记录 */
  record_only?: boolean;
  /** follow_up: satisfaction 1–5 */
  satisfaction?: number;
  /** send_odr: the enterprise key, and whether the consumer consented */
  odr_key?: string;
  consent?: boolean;
  duplicate_of?: string;
  /** reply_12345: the template's key, and the (edited) text; without text the template filled from the ticket is sent */
  template?: string;
  text?: string;
  /** odr_settle: the amount paid or refunded in the settlement (yuan), recorded on the timeline */
  amount?: number;
}

/**
 * Facts about other records that some actions depend on, looked up by the command (the domain does no I/O) and
 * judged here. Absent facts count as unknown, and an action that needs them is refused.
 */
export interface ActionFacts {
  /** mark_duplicate: the ticket named in duplicate_of, if it exists and the actor may see it (null otherwise) */
  duplicateTarget?: { id: string; kind: string; status: string; duplicate_of: string | null } | null;
  /** this ticket's id (a ticket is never a duplicate of itself) */
  ticketId?: string;
  /** send_odr: the named enterprise from the ODR register (null: not registered) */
  odrEnterprise?: { key: string; enrolled: boolean; window_days?: number | null } | null;
  /** send_odr: the keys the enterprise must match — the ticket's business and its platform */
  odrCandidates?: string[];
  /** send_odr: the consumer's consent recorded at filing (extra.consent_odr); staff's word is not enough */
  consentOdr?: boolean | null;
  /** reply_12345: the named template, filled from the ticket (null: no such template) */
  template12345?: TemplateFact | null;
}

export interface Decision {
  status: string;
  deadlines: Deadlines;
  due_date: string | null;
  due_kind: DeadlineKey | null;
  suspended_since: string | null;
  odr_key: string | null;
  closed: boolean;
  outcome?: string;
  legal_basis?: string;
  satisfaction?: number;
  event: { type: string; payload: Record<string, unknown> };
  documents: DocumentKind[];
  /** mark_duplicate: the original ticket's id */
  duplicate_of?: string;
  /** 12345 actions: the transfer's new state */
  t12345?: Transfer12345;
  /** return_12345 / reply_12345: the message to send back to the 12345 centre */
  message12345?: { seq: number; kind: 'reply' | 'return' };
}

interface Spec {
  kinds: string[];
  from: string[];
  to: string | null; // null: status unchanged
  roles: Role[];
}

const OFFICIALS: Role[] = ['officer', 'supervisor', 'admin'];
const NON_TERMINAL_COMPLAINT = ['received', 'triage'];
const CONSULT = ['consultation', 'suggestion', 'help', 'unknown'];
const ALL_KINDS = ['complaint', 'report', ...CONSULT];

/** Who may do what, from which state. The statutory effects live in `decide` below. */
export const SPECS: Record<Action, Spec> = {
  accept: { kinds: ['complaint'], from: ['received'], to: 'accepted', roles: OFFICIALS },
  decline: { kinds: ['complaint'], from: ['received'], to: 'declined', roles: OFFICIALS },
  send_odr: { kinds: ['complaint'], from: ['received'], to: 'odr', roles: ['operator', ...OFFICIALS] },
  odr_settle: { kinds: ['complaint'], from: ['odr'], to: 'closed', roles: ['enterprise', ...OFFICIALS] },
  odr_fail: { kinds: ['complaint'], from: ['odr'], to: 'received', roles: ['enterprise', ...OFFICIALS] },
  start_mediation: { kinds: ['complaint'], from: ['accepted'], to: 'mediating', roles: OFFICIALS },
  suspend: { kinds: ['complaint'], from: ['mediating'], to: 'suspended', roles: OFFICIALS },
  resume: { kinds: ['complaint'], from: ['suspended'], to: 'mediating', roles: OFFICIALS },
  mediate_success: { kinds: ['complaint'], from: ['mediating'], to: 'mediated', roles: OFFICIALS },
  terminate: { kinds: ['complaint'], from: ['accepted', 'mediating', 'suspended'], to: 'terminated', roles: OFFICIALS },
  notify_termination: { kinds: ['complaint'], from: ['terminated'], to: 'closed', roles: OFFICIALS },
  start_verification: { kinds: ['report'], from: ['received'], to: 'verifying', roles: OFFICIALS },
  extend_verification: { kinds: ['report'], from: ['received', 'verifying'], to: null, roles: ['supervisor', 'admin'] },
  open_case: { kinds: ['report'], from: ['received', 'verifying'], to: 'case_opened', roles: OFFICIALS },
  not_open_case: { kinds: ['report'], from: ['received', 'verifying'], to: 'not_opened', roles: OFFICIALS },
  notify_reporter: { kinds: ['report'], from: ['case_opened', 'not_opened'], to: 'closed', roles: OFFICIALS },
  answer: { kinds: CONSULT, from: ['received'], to: 'answered', roles: ['operator', ...OFFICIALS] },
  close: { kinds: ['report'], from: ['case_opened', 'not_opened'], to: 'closed', roles: OFFICIALS },
  follow_up: {
    kinds: ['complaint', 'report', ...CONSULT],
    from: ['mediated', 'closed', 'answered', 'declined'],
    to: null,
    roles: ['operator', ...OFFICIALS],
  },
  mark_duplicate: {
    kinds: ['complaint', 'report', ...CONSULT],
    from: [...NON_TERMINAL_COMPLAINT, 'verifying'],
    to: 'duplicate',
    roles: ['operator', ...OFFICIALS],
  },
  // no competent bureau in this city (an out-of-town seller or platform): forwarded through the national 12315
  // platform to the competent bureau, and the person told where it went (Order 20 Art. 29, 37)
  refer_out: {
    kinds: ['complaint', 'report', ...CONSULT],
    from: [...NON_TERMINAL_COMPLAINT],
    to: 'closed',
    roles: ['operator', ...OFFICIALS],
  },
  // 12345 transfers: the 12345 track runs beside the statutory one, so signing, replying and extending leave the
  // ticket's status alone; a return (not ours to handle) is possible only before handling began, and closes it
  sign_12345: { kinds: ALL_KINDS, from: [...STATUSES], to: null, roles: ['operator', ...OFFICIALS] },
  // (a transfer linked as a repeat at intake may be returned as 重复件 too: it stays a duplicate)
  return_12345: {
    kinds: ALL_KINDS,
    from: [...NON_TERMINAL_COMPLAINT, 'duplicate'],
    to: 'closed',
    roles: ['operator', ...OFFICIALS],
  },
  reply_12345: { kinds: ALL_KINDS, from: [...STATUSES], to: null, roles: ['operator', ...OFFICIALS] },
  extend_12345: { kinds: ALL_KINDS, from: [...STATUSES], to: null, roles: ['supervisor', 'admin'] },
};

/** 不予立案 grounds (行政处罚程序规定 Art. 20), plus "no violation found". */
export const NOT_OPEN_REASONS: ReasonCode[] = [
  { code: 'N0', article: '行政处罚程序规定第十九条', text: '经核查，没有违法事实或者违法事实不成立' },
  { code: 'N1', article: '行政处罚程序规定第二十条第一项', text: '违法行为轻微并及时改正，没有造成危害后果' },
  { code: 'N2', article: '行政处罚程序规定第二十条第二项', text: '初次违法且危害后果轻微并及时改正' },
  { code: 'N3', article: '行政处罚程序规定第二十条第三项', text: '当事人有证据足以证明没有主观过错' },
  { code: 'N4', article: '行政处罚程序规定第二十条第四项', text: '依法可以不予立案的其他情形' },
];

/** Actions possible now for this role (drives the UI's buttons). */
export function availableActions(s: Pick<WorkflowState, 'kind' | 'status' | 't12345'>, role: Role): Action[] {
  return ACTIONS.filter((a) => {
    const spec = SPECS[a];
    if (is12345(a) && !can12345(a, s.t12345)) return false;
    return spec.kinds.includes(s.kind) && spec.from.includes(s.status) && spec.roles.includes(role);
  });
}

export const is12345 = (a: Action): a is Action12345 => (ACTIONS_12345 as readonly string[]).includes(a);
