/**
 * Due process of the 投诉举报异常名录 as a pure state machine. The model only proposes; a district supervisor reviews
 * the evidence and decides, recording the legal basis; the person is told once of the consequences (一次性告知);
 * they may appeal; an entry is corrected, removed, or expires after a configurable period. Every step returns an
 * audit event for the caller to append to the audit log (the repository/API layer does the I/O).
 */
import type { Role } from '../../../../shared/domain.js';
import type { CriterionCode } from './catalog.js';
import { DomainError, type ErrorCode } from '../../../platform/errors/index.js';

export const LIST_STATES = [
  'proposed',
  'under_review',
  'listed',
  'rejected',
  'notified',
  'appealed',
  'corrected',
  'removed',
  'expired',
] as const;
export type ListState = (typeof LIST_STATES)[number];
export const LIST_STATE_LABELS: Record<ListState, string> = {
  proposed: '模型提议',
  under_review: '审核中',
  listed: '已列入',
  rejected: '不予列入',
  notified: '已一次性告知',
  appealed: '申诉中',
  corrected: '已更正',
  removed: '已移出',
  expired: '期满移出',
};

export type ListAction =
  | 'propose'
  | 'start_review'
  | 'list'
  | 'reject'
  | 'notify'
  | 'appeal'
  | 'dismiss_appeal'
  | 'correct'
  | 'remove'
  | 'expire';
export type Actor = { role: Role | 'system'; id: string; district?: string };

interface Rule {
  from: readonly (ListState | null)[];
  to: ListState;
  roles: readonly (Role | 'system')[];
  label: string;
}
/** Who may do what. Deciding (list/reject/appeal outcomes/removal) is the district supervisor's alone. */
export const LIST_RULES: Record<ListAction, Rule> = {
  propose: {
    from: [null, 'rejected', 'removed', 'expired'],
    to: 'proposed',
    roles: ['system', 'officer', 'analyst'],
    label: '提议列入',
  },
  start_review: { from: ['proposed'], to: 'under_review', roles: ['supervisor'], label: '开始审核' },
  list: { from: ['under_review'], to: 'listed', roles: ['supervisor'], label: '决定列入' },
  reject: { from: ['proposed', 'under_review'], to: 'rejected', roles: ['supervisor'], label: '不予列入' },
  notify: { from: ['listed'], to: 'notified', roles: ['officer', 'supervisor'], label: '一次性告知' },
  appeal: {
    from: ['listed', 'notified', 'corrected'],
    to: 'appealed',
    roles: ['public', 'operator', 'officer'],
    label: '提出申诉',
  },
  dismiss_appeal: { from: ['appealed'], to: 'notified', roles: ['supervisor'], label: '申诉不成立，维持列入' },
  correct: { from: ['appealed', 'listed', 'notified'], to: 'corrected', roles: ['supervisor'], label: '更正名录信息' },
  remove: {
    from: ['listed', 'notified', 'appealed', 'corrected'],
    to: 'removed',
    roles: ['supervisor'],
    label: '移出名录',
  },
  expire: {
    from: ['listed', 'notified', 'corrected'],
    to: 'expired',
    roles: ['system', 'supervisor'],
    label: '期满移出',
  },
};

export interface ListEvent {
  at: string;
  action: ListAction;
  from: ListState | null;
  to: ListState;
  actor: Actor;
  note?: string;
}

export interface ListEntry {
  id: string;
  /** complainant id or keyed hash — never a raw identifier */
  person: string;
  district?: string;
  state: ListState;
  score: number;
  criteria: { code: CriterionCode | string; label: string; evidence: string; evidence_en?: string }[];
  proposed_at: string;
  decided_by?: string;
  decided_at?: string;
  /** required to list: the legal basis recorded by the supervisor */
  legal_basis?: string;
  notified_at?: string;
  expires_at?: string;
  history: ListEvent[];
}

export interface ListPayload {
  legal_basis?: string;
  reason?: string;
  /** corrected criteria/evidence (correct) */
  criteria?: ListEntry['criteria'];
  /** validity of a listing in days (default 365: the Yueyang guidance ran one year) */
  period_days?: number;
}

/** A refused due-process step; its code says how (the HTTP edge maps codes to statuses — no message matching). */
export class DueProcessError extends DomainError {
  constructor(code: Extract<ErrorCode, 'illegal_transition' | 'forbidden' | 'invalid_input'>, message: string) {
    super(code, message);
    this.name = 'DueProcessError';
  }
}

export const DEFAULT_PERIOD_DAYS = 365;

export function allowedActions(entry: Pick<ListEntry, 'state'> | null, role: Role | 'system'): ListAction[] {
  const s = entry?.state ?? null;
  return (Object.keys(LIST_RULES) as ListAction[]).filter(
    (a) => LIST_RULES[a].from.includes(s) && LIST_RULES[a].roles.includes(role),
  );
}

/** New proposal from the model (or an officer): evidence travels with it, nothing takes effect yet. */
export function propose(
  id: string,
  person: string,
  score: number,
  criteria: ListEntry['criteria'],
  actor: Actor,
  now: string,
  district?: string,
): ListEntry {
  if (!criteria.length)
    throw new DueProcessError('invalid_input', 'a proposal needs at least one criterion with evidence');
  if (!LIST_RULES.propose.roles.includes(actor.role))
    throw new DueProcessError('forbidden', `role ${actor.role} may not propose`);
  const ev: ListEvent = { at: now, action: 'propose', from: null, to: 'proposed', actor };
  return { id, person, district, state: 'proposed', score, criteria, proposed_at: now, history: [ev] };
}

/** Applies one action; returns the new entry and the audit event. Throws DueProcessError when not allowed. */
export function transition(
  entry: ListEntry,
  action: ListAction,
  actor: Actor,
  now: string,
  payload: ListPayload = {},
): { entry: ListEntry; event: ListEvent } {
  const rule = LIST_RULES[action];
  if (!rule.from.includes(entry.state))
    throw new DueProcessError(
      'illegal_transition',
      `${rule.label}: not allowed from ${LIST_STATE_LABELS[entry.state]}`,
    );
  if (!rule.roles.includes(actor.role))
    throw new DueProcessError('forbidden', `${rule.label}: role ${actor.role} not allowed`);
  if (actor.role === 'supervisor' && entry.district && actor.district && actor.district !== entry.district) {
    throw new DueProcessError(
      'invalid_input',
      `${rule.label}: supervisor of ${actor.district} cannot decide for ${entry.district}`,
    );
  }
  const next: ListEntry = { ...entry, state: rule.to, history: [...entry.history] };
  switch (action) {
    case 'list': {
      if (!payload.legal_basis?.trim()) throw new DueProcessError('invalid_input', '决定列入 requires the legal basis');
      if (entry.history.some((e) => e.action === 'propose' && e.actor.id === actor.id)) {
        throw new DueProcessError('invalid_input', '决定列入: the proposer cannot decide their own proposal');
      }
      next.legal_basis = payload.legal_basis.trim();
      next.decided_by = actor.id;
      next.decided_at = now;
      next.expires_at = addDays(now, payload.period_days ?? DEFAULT_PERIOD_DAYS);
      break;
    }
    case 'reject':
    case 'remove':
    case 'appeal':
    case 'dismiss_appeal':
      if (!payload.reason?.trim()) throw new DueProcessError('invalid_input', `${rule.label} requires a reason`);
      if (action !== 'appeal') {
        next.decided_by = actor.id;
        next.decided_at = now;
      }
      break;
    case 'notify':
      if (entry.notified_at) throw new DueProcessError('invalid_input', '一次性告知 was already given');
      next.notified_at = now;
      break;
    case 'correct':
      if (!payload.reason?.trim()) throw new DueProcessError('invalid_input', '更正 requires a reason');
      if (payload.criteria) {
        if (!payload.criteria.length)
          throw new DueProcessError('invalid_input', '更正: a listing keeps at least one criterion; remove it instead');
        next.criteria = payload.criteria;
      }
      break;
    case 'expire':
      if (!entry.expires_at || now < entry.expires_at)
        throw new DueProcessError('invalid_input', '期满移出: the listing has not expired');
      break;
    default:
      break;
  }
  const event: ListEvent = {
    at: now,
    action,
    from: entry.state,
    to: rule.to,
    actor,
    note: payload.reason ?? payload.legal_basis,
  };
  next.history.push(event);
  return { entry: next, event };
}

/** Entries whose period has run out (the scheduler calls `transition(e, 'expire', system)` on each). */
export function dueForExpiry(entries: ListEntry[], now: string): ListEntry[] {
  return entries.filter(
    (e) => LIST_RULES.expire.from.includes(e.state) && e.expires_at !== undefined && e.expires_at <= now,
  );
}

export interface ListingEffects {
  /** listed and not expired/removed */
  active: boolean;
  /** complaint parts get simplified handling — only after the one-time notice was given */
  simplifiedComplaintHandling: boolean;
  /** report parts are always verified: a listing never excuses a violation */
  verifyReportPart: true;
  /** tickets left out of the mediation-success KPI (岳市监〔2024〕16号 五(一)) */
  excludeFromMediationKpi: boolean;
}

const ACTIVE: ReadonlySet<ListState> = new Set(['listed', 'notified', 'appealed', 'corrected']);
export function effectsOf(entry: ListEntry | null | undefined, now: string): ListingEffects {
  const active = !!entry && ACTIVE.has(entry.state) && !(entry.expires_at && entry.expires_at <= now);
  return {
    active,
    simplifiedComplaintHandling: active && !!entry!.notified_at,
    verifyReportPart: true,
    excludeFromMediationKpi: active,
  };
}

/** How a new ticket of this person is handled: complaint part and report part under their own procedures. */
export function handlingOf(
  kind: string,
  effects: ListingEffects,
): { complaint: 'normal' | 'simplified' | 'none'; report: 'verify' | 'none' } {
  const hasReport = kind === 'report' || kind === 'complaint_report';
  const hasComplaint = kind !== 'report';
  return {
    complaint: hasComplaint ? (effects.simplifiedComplaintHandling ? 'simplified' : 'normal') : 'none',
    report: hasReport ? 'verify' : 'none',
  };
}

/**
 * Mediation-success KPI with listed persons' tickets left out. `listedAt(person, date)` says whether the person's
 * listing was active on the ticket's date (so a later listing does not rewrite earlier months' KPI).
 */
export function mediationKpi(
  tickets: { person: string | null; date: string; mediated: boolean; mediation_closed: boolean }[],
  listedAt: (person: string, date: string) => boolean,
): { included: number; excluded: number; success: number; rate: number | null } {
  let included = 0,
    excluded = 0,
    success = 0;
  for (const t of tickets) {
    if (!t.mediation_closed) continue;
    if (t.person && listedAt(t.person, t.date)) {
      excluded++;
      continue;
    }
    included++;
    if (t.mediated) success++;
  }
  return { included, excluded, success, rate: included ? success / included : null };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(iso.length === 10 ? iso + 'T00:00:00+08:00' : iso) + days * 86_400_000);
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface SimplifiedSuggestion {
  /** which procedure (the web words it in the UI's language by this code; the texts below are the Chinese of record) */
  code: 'decline' | 'terminate';
  /** whether a report part is verified all the same */
  report_verify: boolean;
  decision: string;
  ground: string;
  notice: string;
  report: string | null;
}
/**
 * 简化处理 as a procedure, not a label: for a listed and notified person, a complaint not yet accepted is proposed for
 * 不予受理 (总局令第20号第十五条第三项, told within 7 working days, 第十四条); one already in mediation is proposed for
 * 终止调解 (第二十一条第一款第六项, told within 7 working days, 第二十一条第二款). A report part is verified all the same.
 * The officer decides; this is the suggestion the ticket shows, with the grounds to cite.
 */
export function simplifiedSuggestion(
  kind: string,
  status: string,
  effects: ListingEffects,
): SimplifiedSuggestion | null {
  const h = handlingOf(kind, effects);
  if (h.complaint !== 'simplified') return null;
  const report =
    h.report === 'verify' ? '举报部分依法核查，列入名录不免除对违法线索的调查处理（岳市监〔2024〕16号 二）' : null;
  const basis = '岳市监〔2024〕16号 二：投诉人已列入投诉举报异常名录并经一次性告知，不属于为生活消费需要的投诉';
  if (['received', 'triage', 'odr'].includes(status)) {
    return {
      code: 'decline',
      report_verify: !!report,
      decision: '建议不予受理投诉部分',
      ground: `《市场监督管理投诉举报处理暂行办法》第十五条第三项；${basis}`,
      notice: '自收到投诉之日起七个工作日内告知投诉人不予受理决定（第十四条）',
      report,
    };
  }
  if (['accepted', 'mediating', 'suspended'].includes(status)) {
    return {
      code: 'terminate',
      report_verify: !!report,
      decision: '建议终止调解',
      ground: `《市场监督管理投诉举报处理暂行办法》第二十一条第一款第六项；${basis}`,
      notice: '自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人（第二十一条第二款）',
      report,
    };
  }
  return null;
}
