/**
 * Every refusal of the state machine, one row each: the state, the action, who asks, the facts the command looked
 * up — and the error code and message the domain must answer with. A precondition added to `decide` belongs here.
 */
import { describe, expect, it } from 'vitest';
import { builtinCalendarData, WorkCalendar } from '../../../platform/calendar/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import type { Role } from '../../../../shared/domain.js';
import { decide, intakeState } from './transitions.js';
import { type ActionFacts, type ActionInput, type WorkflowState } from './actions.js';
import { ruleSetFor } from './rules.js';

const cal = new WorkCalendar(builtinCalendarData);
const DAY = '2026-06-01';

function at(kind: string, status: string, extra: Partial<WorkflowState> = {}): WorkflowState {
  const s = intakeState(cal, ruleSetFor(DAY), kind, DAY, true);
  return {
    kind,
    status,
    received_date: DAY,
    real_name: true,
    deadlines: s.deadlines,
    suspended_since: null,
    odr_key: null,
    ...extra,
  };
}

const ODR_OK: ActionFacts = {
  odrEnterprise: { key: '某电器', enrolled: true },
  odrCandidates: ['某电器', '淘宝'],
  consentOdr: true,
};
const DUP_OK: ActionFacts = {
  ticketId: 'T1',
  duplicateTarget: { id: 'T0', kind: 'complaint', status: 'received', duplicate_of: null },
};

interface Row {
  why: string;
  s: WorkflowState;
  input: ActionInput;
  role?: Role;
  facts?: ActionFacts;
  code: DomainError['code'];
  message: RegExp;
}

const ROWS: Row[] = [
  {
    why: 'unknown action',
    s: at('complaint', 'received'),
    input: { action: 'fly' as never },
    code: 'invalid_input',
    message: /unknown action/,
  },
  {
    why: 'action of another kind',
    s: at('complaint', 'received'),
    input: { action: 'open_case' },
    code: 'illegal_transition',
    message: /不适用于该类工单/,
  },
  {
    why: 'wrong state',
    s: at('complaint', 'closed'),
    input: { action: 'accept' },
    code: 'illegal_transition',
    message: /当前状态 closed 不能执行 accept/,
  },
  {
    why: 'wrong role',
    s: at('complaint', 'received'),
    input: { action: 'accept' },
    role: 'operator',
    code: 'forbidden',
    message: /角色 operator 不能执行 accept/,
  },
  {
    why: 'public cannot act',
    s: at('consultation', 'received'),
    input: { action: 'answer', note: 'x' },
    role: 'public',
    code: 'forbidden',
    message: /不能执行/,
  },
  {
    why: 'decline without reason',
    s: at('complaint', 'received'),
    input: { action: 'decline' },
    code: 'invalid_input',
    message: /需要填写理由代码/,
  },
  {
    why: 'decline with unknown reason',
    s: at('complaint', 'received'),
    input: { action: 'decline', reason: 'D99' },
    code: 'invalid_input',
    message: /未知的不予受理理由代码 D99/,
  },
  {
    why: 'terminate without reason',
    s: at('complaint', 'mediating'),
    input: { action: 'terminate' },
    code: 'invalid_input',
    message: /终止调解需要填写理由代码/,
  },
  {
    why: 'not_open_case with unknown reason',
    s: at('report', 'verifying'),
    input: { action: 'not_open_case', reason: 'X' },
    code: 'invalid_input',
    message: /未知的不予立案理由代码/,
  },
  {
    why: 'extend twice',
    s: at('report', 'verifying', { deadlines: { verify_by: '2026-06-22', verify_extended: true } as never }),
    input: { action: 'extend_verification' },
    role: 'supervisor',
    code: 'illegal_transition',
    message: /只能延长一次/,
  },
  {
    why: 'extend without a deadline',
    s: at('report', 'verifying', { deadlines: {} as never }),
    input: { action: 'extend_verification' },
    role: 'supervisor',
    code: 'illegal_transition',
    message: /no verification deadline/,
  },
  {
    why: 'notify an anonymous reporter',
    s: at('report', 'not_opened', { real_name: false }),
    input: { action: 'notify_reporter' },
    code: 'illegal_transition',
    message: /匿名举报无需告知/,
  },
  {
    why: 'close a real-name report before notice',
    s: at('report', 'case_opened'),
    input: { action: 'close' },
    code: 'illegal_transition',
    message: /须先告知举报人/,
  },
  {
    why: 'answer without text',
    s: at('consultation', 'received'),
    input: { action: 'answer' },
    role: 'operator',
    code: 'invalid_input',
    message: /答复内容不能为空/,
  },
  {
    why: 'satisfaction out of range',
    s: at('complaint', 'closed'),
    input: { action: 'follow_up', satisfaction: 9 },
    role: 'operator',
    code: 'invalid_input',
    message: /satisfaction must be 1–5/,
  },
  {
    why: 'refer out without the receiving bureau',
    s: at('complaint', 'received'),
    input: { action: 'refer_out', note: '  ' },
    role: 'operator',
    code: 'invalid_input',
    message: /须写明接收的有管辖权部门/,
  },
  // send_odr: the enterprise must be registered, enrolled, this ticket's business or platform; the consumer must have said yes
  {
    why: 'ODR without enterprise',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', consent: true },
    facts: ODR_OK,
    code: 'invalid_input',
    message: /需要指定企业/,
  },
  {
    why: 'ODR to an unregistered key',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: 'anyone', consent: true },
    facts: { ...ODR_OK, odrEnterprise: null },
    code: 'not_found',
    message: /未在ODR企业名录中登记/,
  },
  {
    why: 'ODR to an enterprise that left',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '某电器', consent: true },
    facts: { ...ODR_OK, odrEnterprise: { key: '某电器', enrolled: false } },
    code: 'illegal_transition',
    message: /未加入（或已退出）ODR/,
  },
  {
    why: 'ODR to an unrelated enrolled enterprise',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '别家', consent: true },
    facts: { ...ODR_OK, odrEnterprise: { key: '别家', enrolled: true } },
    code: 'illegal_transition',
    message: /须为被投诉经营者或其所在平台/,
  },
  {
    why: 'ODR when the consumer said no',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '某电器', consent: true },
    facts: { ...ODR_OK, consentOdr: false },
    code: 'illegal_transition',
    message: /消费者未同意/,
  },
  {
    why: 'ODR with no recorded consent',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '某电器', consent: true },
    facts: { ...ODR_OK, consentOdr: null },
    code: 'illegal_transition',
    message: /消费者未同意/,
  },
  {
    why: 'ODR when staff record a no',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '某电器', consent: false },
    facts: ODR_OK,
    code: 'illegal_transition',
    message: /消费者未同意/,
  },
  {
    why: 'ODR with no facts looked up',
    s: at('complaint', 'received'),
    input: { action: 'send_odr', odr_key: '某电器', consent: true },
    code: 'not_found',
    message: /未在ODR企业名录/,
  },
  // mark_duplicate: onto an existing ticket the actor may see, of the same kind, not itself, not a duplicate
  {
    why: 'duplicate without target',
    s: at('complaint', 'received'),
    input: { action: 'mark_duplicate' },
    facts: DUP_OK,
    code: 'invalid_input',
    message: /请填写重复的原工单号/,
  },
  {
    why: 'duplicate of a missing or invisible ticket',
    s: at('complaint', 'received'),
    input: { action: 'mark_duplicate', duplicate_of: 'NOPE' },
    facts: { ticketId: 'T1', duplicateTarget: null },
    code: 'not_found',
    message: /不存在或无权查看/,
  },
  {
    why: 'duplicate of itself',
    s: at('complaint', 'received'),
    input: { action: 'mark_duplicate', duplicate_of: 'T1' },
    facts: { ...DUP_OK, duplicateTarget: { ...DUP_OK.duplicateTarget!, id: 'T1' } },
    code: 'invalid_input',
    message: /不能标记为自身的重复件/,
  },
  {
    why: 'duplicate of another kind',
    s: at('report', 'received'),
    input: { action: 'mark_duplicate', duplicate_of: 'T0' },
    facts: DUP_OK,
    code: 'invalid_input',
    message: /类型.*不同/,
  },
  {
    why: 'duplicate of a duplicate',
    s: at('complaint', 'received'),
    input: { action: 'mark_duplicate', duplicate_of: 'T0' },
    facts: { ...DUP_OK, duplicateTarget: { ...DUP_OK.duplicateTarget!, status: 'duplicate' } },
    code: 'invalid_input',
    message: /本身是重复件/,
  },
  {
    why: 'duplicate with no facts looked up',
    s: at('complaint', 'received'),
    input: { action: 'mark_duplicate', duplicate_of: 'T0' },
    code: 'not_found',
    message: /不存在或无权查看/,
  },
];

describe('every refusal of the workflow', () => {
  it.each(ROWS.map((r) => [r.why, r] as const))('%s', (_why, r) => {
    let err: unknown;
    try {
      decide(r.s, r.input, {
        cal,
        rules: ruleSetFor(DAY),
        today: '2026-06-02',
        role: r.role ?? 'officer',
        facts: r.facts,
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(r.code);
    expect((err as DomainError).message).toMatch(r.message);
  });

  it('accepts the same actions once their preconditions hold', () => {
    const ctx = { cal, rules: ruleSetFor(DAY), today: '2026-06-02', role: 'officer' as const };
    const odr = decide(
      at('complaint', 'received'),
      { action: 'send_odr', odr_key: '某电器', consent: true },
      { ...ctx, facts: ODR_OK },
    );
    expect(odr).toMatchObject({ status: 'odr', odr_key: '某电器' });
    const dup = decide(
      at('complaint', 'received'),
      { action: 'mark_duplicate', duplicate_of: 'ZX-1' },
      { ...ctx, facts: DUP_OK },
    );
    expect(dup).toMatchObject({ status: 'duplicate', duplicate_of: 'T0', outcome: 'duplicate' });
    expect(dup.event.payload.duplicate_of).toBe('T0');
  });
});
