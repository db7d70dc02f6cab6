/**
 * Alert life cycle, as pure domain logic: new → confirmed | dismissed (with a reason) → handled (what was done).
 * A dismissed alert is a judgement that nothing was wrong; evaluation counts it neither as a hit nor as a miss, and
 * the detector does not learn a lower rate from it. The lead's repository stores the state and the transitions.
 */
import { DomainError, type ErrorCode } from '../../../platform/errors/index.js';
export const ALERT_STATES = ['new', 'confirmed', 'dismissed', 'handled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const DISMISS_REASONS = [
  'normal_volume',
  'duplicate_event',
  'abnormal_complainants',
  'data_error',
  'other',
] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];
export const DISMISS_REASON_LABELS: Record<DismissReason, string> = {
  normal_volume: '正常波动',
  duplicate_event: '与已有预警重复',
  abnormal_complainants: '异常投诉人集中投诉',
  data_error: '数据错误',
  other: '其他',
};

export const HANDLING_ACTIONS = [
  'interview',
  'inspection',
  'consumer_warning',
  'mediation',
  'case_filed',
  'referral',
  'other',
] as const;
export type HandlingAction = (typeof HANDLING_ACTIONS)[number];
export const HANDLING_ACTION_LABELS: Record<HandlingAction, string> = {
  interview: '约谈',
  inspection: '现场检查',
  consumer_warning: '消费提示/警示',
  mediation: '集中调解',
  case_filed: '立案调查',
  referral: '移送相关部门',
  other: '其他',
};

export type AlertCommand =
  | { type: 'confirm'; by: string; at: string; note?: string }
  | { type: 'dismiss'; by: string; at: string; reason: DismissReason; note?: string }
  | { type: 'handle'; by: string; at: string; actions: HandlingAction[]; note?: string }
  | { type: 'reopen'; by: string; at: string; note?: string };

export interface AlertHistoryEntry {
  from: AlertState;
  to: AlertState;
  command: AlertCommand;
}

export interface AlertLifecycle {
  state: AlertState;
  dismissReason?: DismissReason;
  actions?: HandlingAction[];
  history: AlertHistoryEntry[];
}

/** A refused alert command; its code says how (the HTTP edge maps codes to statuses — no message matching). */
export class AlertTransitionError extends DomainError {
  constructor(code: Extract<ErrorCode, 'illegal_transition' | 'invalid_input'>, message: string) {
    super(code, message);
    this.name = 'AlertTransitionError';
  }
}

/** Allowed moves: from state → command types. `reopen` takes a dismissed alert back to new (a wrong dismissal). */
const ALLOWED: Record<AlertState, AlertCommand['type'][]> = {
  new: ['confirm', 'dismiss'],
  confirmed: ['handle', 'dismiss'],
  dismissed: ['reopen'],
  handled: [],
};

export function newLifecycle(): AlertLifecycle {
  return { state: 'new', history: [] };
}

export function allowedCommands(state: AlertState): AlertCommand['type'][] {
  return ALLOWED[state];
}

/** Applies one command; returns the new life cycle or throws AlertTransitionError (the API answers 409). */
export function transition(lc: AlertLifecycle, cmd: AlertCommand): AlertLifecycle {
  if (!ALLOWED[lc.state].includes(cmd.type))
    throw new AlertTransitionError('illegal_transition', `cannot ${cmd.type} an alert that is ${lc.state}`);
  let to: AlertState;
  const next: AlertLifecycle = { ...lc, history: [...lc.history] };
  switch (cmd.type) {
    case 'confirm':
      to = 'confirmed';
      break;
    case 'dismiss':
      if (!DISMISS_REASONS.includes(cmd.reason))
        throw new AlertTransitionError('invalid_input', `unknown dismissal reason ${cmd.reason}`);
      to = 'dismissed';
      next.dismissReason = cmd.reason;
      break;
    case 'handle':
      if (!cmd.actions.length) throw new AlertTransitionError('invalid_input', 'handling needs at least one action');
      for (const a of cmd.actions)
        if (!HANDLING_ACTIONS.includes(a)) throw new AlertTransitionError('invalid_input', `unknown action ${a}`);
      to = 'handled';
      next.actions = [...cmd.actions];
      break;
    case 'reopen':
      to = 'new';
      delete next.dismissReason;
      break;
  }
  next.history.push({ from: lc.state, to, command: cmd });
  next.state = to;
  return next;
}

/**
 * How an alert counts in evaluation: confirmed/handled alerts are true alarms; dismissed ones are excluded from both
 * true and false alarm counts (a dismissal is not evidence that the detector missed or erred); new ones are pending.
 */
export function evaluationOutcome(state: AlertState): 'true_alarm' | 'excluded' | 'pending' {
  if (state === 'confirmed' || state === 'handled') return 'true_alarm';
  if (state === 'dismissed') return 'excluded';
  return 'pending';
}
