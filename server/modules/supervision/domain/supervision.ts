/**
 * 督办 as data and rules: who may open, answer and close a supervision item, and when it is overdue. Pure: the
 * commands load the ticket and the item, ask these functions, and store what they return.
 */
import type { Bilingual } from '../../../platform/errors/index.js';
import { scopeOf, ticketInScope, type Actor } from '../../access/index.js';

export const MODES = ['phone', 'online', 'onsite'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { phone: '电话督办', online: '网上督办', onsite: '现场督办' };

export const REASONS = ['overdue', 'sensitive', 'repeated', 'leader', 'public_opinion', 'other'] as const;
export type Reason = (typeof REASONS)[number];
export const REASON_LABELS: Record<Reason, string> = {
  overdue: '超期未办结',
  sensitive: '敏感诉求',
  repeated: '重复投诉',
  leader: '领导批示',
  public_opinion: '舆情关注',
  other: '其他',
};

export type State = 'open' | 'answered' | 'closed';
export const STATE_LABELS: Record<State, string> = { open: '待回复', answered: '已回复待审核', closed: '已办结' };

export interface SupervisionRow {
  ticket_id: string;
  id: string;
  unit_id: string | null;
  district_code: string | null;
  mode: Mode;
  reason: Reason;
  required: string;
  due_date: string;
  state: State;
  opened_by: string;
  opened_level: 'district' | 'city';
  opened_at: Date | string;
  response: string | null;
  answered_by: string | null;
  answered_at: Date | string | null;
  finding: string | null;
  rating: 'satisfactory' | 'unsatisfactory' | null;
  closed_by: string | null;
  closed_at: Date | string | null;
}

/** The scope of a ticket as far as supervision cares. */
export interface TicketUnit {
  unit_id: string | null;
  district_code: string | null;
  /** the workflow has ended (declined, mediated, closed, answered, duplicate) */
  terminal: boolean;
}

/** A refusal carries both texts: the command throws it as is, and an English screen shows the English. */
export type Refusal = { ok: false; code: 'forbidden' | 'invalid_input' | 'illegal_transition'; message: Bilingual };
export type Verdict = { ok: true } | Refusal;
const no = (code: Refusal['code'], message: Bilingual): Refusal => ({ ok: false, code, message });

/** City level (admin) supervises everywhere; a district supervisor only tickets of the district. */
export function levelOf(a: Actor): 'district' | 'city' | null {
  if (a.role === 'admin') return 'city';
  if (a.role === 'supervisor' && a.districtCode) return 'district';
  return null;
}

/** Only supervisors and the city supervise (catalog `supervision.open`), each within its scope. */
function inDistrict(a: Actor, t: { unit_id: string | null; district_code: string | null }): boolean {
  // kind and odr_key decide only the enterprise's scope, which never reaches here
  return ticketInScope(scopeOf(a, 'supervision.open'), { ...t, kind: 'complaint', odr_key: null });
}

export function canOpen(a: Actor, t: TicketUnit, o: { due_date: string; today: string; required: string }): Verdict {
  if (!levelOf(a) || !inDistrict(a, t))
    return no('forbidden', {
      zh: '只有区局或市局监督人员可以对本辖区工单督办',
      en: 'Only district or city supervisors may supervise tickets of their jurisdiction.',
    });
  if (!t.unit_id)
    return no('invalid_input', {
      zh: '工单尚未分派到承办单位，无法督办',
      en: 'The ticket has not been assigned to a handling unit yet; it cannot be supervised.',
    });
  if (t.terminal)
    return no('illegal_transition', {
      zh: '工单已办结，无需督办',
      en: 'The ticket is closed; no supervision is needed.',
    });
  if (o.due_date < o.today)
    return no('invalid_input', {
      zh: `督办期限 ${o.due_date} 早于今天`,
      en: `The supervision due date ${o.due_date} is before today.`,
    });
  if (!o.required.trim())
    return no('invalid_input', { zh: '请写明督办要求', en: 'Please state what the supervision requires.' });
  return { ok: true };
}

/** The station that handles the ticket answers; its district supervisor may answer on its behalf. */
export function canAnswer(a: Actor, s: SupervisionRow): Verdict {
  const own = a.role === 'officer' && !!a.unitId && a.unitId === s.unit_id;
  if (!own && !inDistrict(a, s))
    return no('forbidden', {
      zh: '只有承办单位可以回复督办',
      en: 'Only the handling unit may answer the supervision.',
    });
  if (s.state !== 'open')
    return no(
      'illegal_transition',
      s.state === 'closed'
        ? { zh: '督办已办结', en: 'The supervision is already closed.' }
        : { zh: '督办已回复，等待审核', en: 'The supervision has been answered and awaits review.' },
    );
  return { ok: true };
}

/**
 * The level that opened the item closes it: a district cannot close what the city opened. Closing an item that was
 * never answered is allowed (the supervisor verified by phone or on site) but needs a finding, like every close.
 */
export function canClose(a: Actor, s: SupervisionRow, finding: string): Verdict {
  const level = levelOf(a);
  if (!level || !inDistrict(a, s))
    return no('forbidden', {
      zh: '只有督办发起层级的监督人员可以办结督办',
      en: 'Only supervisors of the level that opened the supervision may close it.',
    });
  if (s.opened_level === 'city' && level !== 'city')
    return no('forbidden', {
      zh: '市局发起的督办由市局办结',
      en: 'A supervision opened by the city bureau is closed by the city bureau.',
    });
  if (s.state === 'closed')
    return no('illegal_transition', { zh: '督办已办结', en: 'The supervision is already closed.' });
  if (!finding.trim())
    return no('invalid_input', { zh: '请填写督办结论', en: 'Please write the finding of the supervision.' });
  return { ok: true };
}

/** Overdue: not closed and its due date has passed without an answer. */
export function isOverdue(s: Pick<SupervisionRow, 'state' | 'due_date'>, today: string): boolean {
  return s.state === 'open' && s.due_date < today;
}
