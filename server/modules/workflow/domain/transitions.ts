/**
 * The statutory state machine for complaints (投诉), reports (举报) and consultations (咨询/建议/求助), written like the
 * regulation (DOMAIN.md §1–2). Pure: given the ticket's workflow state, an action and the context, it returns the
 * patch, the timeline event and the documents to generate — or refuses with a clear error.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { fail } from '../../../platform/errors/index.js';
import { STATUSES, type Role } from '../../../../shared/domain.js';
import {
  addPeriod,
  currentDueKey,
  extendForSuspension,
  initialDeadlines,
  type DeadlineKey,
  type Deadlines,
} from './deadlines.js';
import type { ReasonCode, RuleSet } from './rules.js';
import {
  is12345,
  NOT_OPEN_REASONS,
  SPECS,
  TERMINAL,
  type ActionFacts,
  type ActionInput,
  type Decision,
  type DocumentKind,
  type WorkflowState,
} from './actions.js';
import {
  ACTIONS_12345,
  can12345,
  decide12345,
  type Action12345,
  type TemplateFact,
  type Transfer12345,
} from './transfer-12345.js';

function reasonOf(list: ReasonCode[], code: string | undefined, what: string): ReasonCode {
  if (!code)
    return fail('invalid_input', {
      zh: `${what}需要填写理由代码 (reason code required: ${list.map((r) => r.code).join(', ')})`,
      en: `${what} needs a reason code (one of ${list.map((r) => r.code).join(', ')}).`,
    });
  const r = list.find((x) => x.code === code);
  return (
    r ??
    fail('invalid_input', {
      zh: `未知的${what}理由代码 ${code} (valid: ${list.map((x) => x.code).join(', ')})`,
      en: `Unknown reason code ${code} (valid: ${list.map((x) => x.code).join(', ')}).`,
    })
  );
}

export function decide(
  s: WorkflowState,
  input: ActionInput,
  ctx: { cal: WorkCalendar; rules: RuleSet; today: string; role: Role; facts?: ActionFacts; at?: string },
): Decision {
  const spec = SPECS[input.action];
  if (!spec) return fail('invalid_input', `unknown action ${String(input.action)}`);
  if (!spec.kinds.includes(s.kind))
    return fail('illegal_transition', {
      zh: `${input.action} 不适用于该类工单 (kind ${s.kind})`,
      en: `${input.action} does not apply to this kind of ticket (${s.kind}).`,
    });
  if (!spec.from.includes(s.status)) {
    return fail(
      'illegal_transition',
      {
        zh: `当前状态 ${s.status} 不能执行 ${input.action} (allowed from: ${spec.from.join(', ')})`,
        en: `The status ${s.status} does not allow ${input.action} (allowed from: ${spec.from.join(', ')}).`,
      },
      { status: s.status, action: input.action },
    );
  }
  if (!spec.roles.includes(ctx.role))
    return fail('forbidden', {
      zh: `角色 ${ctx.role} 不能执行 ${input.action}`,
      en: `The role ${ctx.role} cannot do ${input.action}.`,
    });

  const { cal, rules, today } = ctx;
  let d: Deadlines = { ...s.deadlines };
  let suspended = s.suspended_since;
  let odrKey = s.odr_key;
  const payload: Record<string, unknown> = {};
  const documents: DocumentKind[] = [];
  let outcome: string | undefined;
  let legalBasis: string | undefined;
  let satisfaction: number | undefined;
  let duplicateOf: string | undefined;
  let t12345: Transfer12345 | undefined;
  let message12345: Decision['message12345'];
  if (input.note) payload.note = input.note;

  if (is12345(input.action)) {
    const r = decide12345(
      s.t12345,
      d,
      { ...input, action: input.action },
      { cal, today, at: ctx.at ?? `${today}T00:00:00.000Z`, template: ctx.facts?.template12345 },
    );
    d = r.deadlines;
    t12345 = r.t12345;
    Object.assign(payload, r.payload);
    outcome = r.outcome;
    if (r.message) message12345 = { seq: r.message.seq, kind: r.message.kind };
  }

  switch (input.action) {
    case 'accept':
      d.mediate_by = addPeriod(cal, today, rules.deadlines.mediation);
      payload.accepted_on = today;
      payload.late = !!d.accept_by && today > d.accept_by;
      documents.push('acceptance_decision');
      break;
    case 'decline': {
      const r = reasonOf(rules.decline_reasons, input.reason, '不予受理');
      Object.assign(payload, {
        reason: r.code,
        article: r.article,
        reason_text: r.text,
        late: !!d.accept_by && today > d.accept_by,
      });
      outcome = 'declined';
      legalBasis = `${rules.short}${r.article}`;
      documents.push('decline_decision');
      break;
    }
    case 'send_odr': {
      const f = ctx.facts ?? {};
      if (!input.odr_key)
        return fail('invalid_input', { zh: 'ODR 需要指定企业 (odr_key)', en: 'ODR needs an enterprise (odr_key).' });
      if (!f.odrEnterprise)
        return fail('not_found', {
          zh: `企业 ${input.odr_key.slice(0, 60)} 未在ODR企业名录中登记 (not a registered ODR enterprise)`,
          en: `The enterprise ${input.odr_key.slice(0, 60)} is not registered as an ODR enterprise.`,
        });
      if (!f.odrEnterprise.enrolled)
        return fail('illegal_transition', {
          zh: `企业 ${f.odrEnterprise.key} 未加入（或已退出）ODR (not enrolled)`,
          en: `The enterprise ${f.odrEnterprise.key} has not joined ODR (or has left it).`,
        });
      if (!(f.odrCandidates ?? []).includes(f.odrEnterprise.key)) {
        return fail('illegal_transition', {
          zh: `ODR企业须为被投诉经营者或其所在平台，${f.odrEnterprise.key} 与本工单无关 (enterprise is neither the business nor its platform)`,
          en: `The ODR enterprise must be the business complained about or its platform; ${f.odrEnterprise.key} has nothing to do with this ticket.`,
        });
      }
      // the consent is the consumer's, given at filing: staff cannot supply it, and a "no" is never overridden
      if (f.consentOdr !== true || input.consent === false)
        return fail('illegal_transition', {
          zh: '消费者未同意由ODR企业先行和解，不能转ODR (no recorded consent)',
          en: 'The consumer did not agree to a settlement by the ODR enterprise first, so the ticket cannot go to ODR.',
        });
      odrKey = f.odrEnterprise.key;
      // the firm's own window where its enrolment sets one, else the rule set's (a bureau's configuration)
      d.odr_by = addPeriod(
        cal,
        today,
        f.odrEnterprise.window_days ? { workdays: f.odrEnterprise.window_days } : rules.deadlines.odr_window,
      );
      payload.odr_key = odrKey;
      break;
    }
    case 'odr_settle':
      outcome = 'odr_settled';
      payload.settled_on = today;
      if (input.amount !== undefined) {
        if (!Number.isFinite(input.amount) || input.amount < 0)
          return fail('invalid_input', { zh: '和解金额须为非负数', en: 'The settlement amount must not be negative.' });
        payload.amount = input.amount;
      }
      break;
    case 'odr_fail':
      // The enterprise did not settle in its window: back to administrative handling with a fresh acceptance clock.
      d.accept_by = addPeriod(cal, today, rules.deadlines.accept);
      delete d.odr_by;
      payload.reason = input.reason ?? 'not_settled';
      break;
    case 'start_mediation':
      documents.push('mediation_notice');
      break;
    case 'suspend':
      suspended = today;
      payload.reason = input.reason ?? 'testing';
      break;
    case 'resume':
      d = extendForSuspension(cal, rules, d, s.suspended_since ?? today, today);
      payload.suspended_from = s.suspended_since;
      payload.new_mediate_by = d.mediate_by;
      suspended = null;
      break;
    case 'mediate_success':
      outcome = 'mediated';
      legalBasis = `${rules.short}（调解成功）`;
      documents.push(input.record_only ? 'mediation_record' : 'mediation_agreement');
      d.follow_up_by = addPeriod(cal, today, rules.deadlines.follow_up);
      break;
    case 'terminate': {
      const r = reasonOf(rules.termination_reasons, input.reason, '终止调解');
      Object.assign(payload, { reason: r.code, article: r.article, reason_text: r.text, terminated_on: today });
      d.notice_by = addPeriod(cal, today, rules.deadlines.termination_notice);
      suspended = null;
      outcome = 'terminated';
      legalBasis = `${rules.short}${r.article}`;
      documents.push('termination_decision');
      break;
    }
    case 'notify_termination':
      payload.late = !!d.notice_by && today > d.notice_by;
      d.follow_up_by = addPeriod(cal, today, rules.deadlines.follow_up);
      break;
    case 'start_verification':
      break;
    case 'extend_verification':
      if (d.verify_extended)
        return fail('illegal_transition', {
          zh: '核查期限只能延长一次 (already extended once)',
          en: 'The verification deadline can be extended only once.',
        });
      if (!d.verify_by) return fail('illegal_transition', 'no verification deadline to extend');
      d.verify_by = addPeriod(cal, d.verify_by, rules.deadlines.report_verify_extension);
      d.verify_extended = true;
      payload.new_verify_by = d.verify_by;
      break;
    case 'open_case':
    case 'not_open_case': {
      if (input.action === 'not_open_case') {
        const r = reasonOf(NOT_OPEN_REASONS, input.reason, '不予立案');
        Object.assign(payload, { reason: r.code, article: r.article, reason_text: r.text });
        legalBasis = r.article;
        outcome = 'not_opened';
      } else {
        outcome = 'case_opened';
        legalBasis = '行政处罚程序规定第十九条';
      }
      payload.decided_on = today;
      payload.late = !!d.verify_by && today > d.verify_by;
      if (s.real_name) d.notify_by = addPeriod(cal, today, rules.deadlines.reporter_notice);
      break;
    }
    case 'notify_reporter':
      if (!s.real_name)
        return fail('illegal_transition', {
          zh: '匿名举报无需告知举报人 (anonymous report: use close)',
          en: 'An anonymous report needs no notice to the reporter (use close).',
        });
      payload.late = !!d.notify_by && today > d.notify_by;
      documents.push('report_result_notice');
      break;
    case 'close':
      if (s.real_name)
        return fail('illegal_transition', {
          zh: '实名举报须先告知举报人 (notify_reporter) 再办结',
          en: 'A report under a real name must first be notified to the reporter (notify_reporter), then closed.',
        });
      break;
    case 'answer':
      if (!input.note)
        return fail('invalid_input', { zh: '答复内容不能为空 (note required)', en: 'The reply cannot be empty.' });
      outcome = 'answered';
      break;
    case 'follow_up':
      if (
        input.satisfaction !== undefined &&
        !(Number.isInteger(input.satisfaction) && input.satisfaction >= 1 && input.satisfaction <= 5)
      ) {
        return fail('invalid_input', 'satisfaction must be 1–5');
      }
      satisfaction = input.satisfaction;
      payload.satisfaction = input.satisfaction;
      break;
    case 'refer_out':
      if (!input.note?.trim())
        return fail('invalid_input', {
          zh: '移送须写明接收的有管辖权部门 (note: the competent bureau)',
          en: 'A referral must name the competent bureau that receives it.',
        });
      payload.to = input.note.trim();
      outcome = 'referred';
      legalBasis = `${rules.short}第二十九条、第三十七条`;
      break;
    case 'mark_duplicate': {
      if (!input.duplicate_of?.trim())
        return fail('invalid_input', {
          zh: '请填写重复的原工单号 (duplicate_of required)',
          en: 'Please enter the number of the original ticket this duplicates.',
        });
      const target = ctx.facts?.duplicateTarget;
      if (!target)
        return fail('not_found', {
          zh: `原工单 ${input.duplicate_of.slice(0, 40)} 不存在或无权查看 (no such ticket visible to you)`,
          en: `The original ticket ${input.duplicate_of.slice(0, 40)} does not exist or is not visible to you.`,
        });
      if (target.id === ctx.facts?.ticketId)
        return fail('invalid_input', {
          zh: '工单不能标记为自身的重复件 (a ticket cannot duplicate itself)',
          en: 'A ticket cannot be marked as a duplicate of itself.',
        });
      if (target.kind !== s.kind)
        return fail('invalid_input', {
          zh: `原工单类型（${target.kind}）与本工单（${s.kind}）不同，不能标记为重复 (kinds differ)`,
          en: `The original ticket's kind (${target.kind}) differs from this one's (${s.kind}), so it cannot be marked a duplicate.`,
        });
      if (target.status === 'duplicate' || target.duplicate_of)
        return fail('invalid_input', {
          zh: '原工单本身是重复件，请指向最初的工单 (target is itself a duplicate)',
          en: 'The original ticket is itself a duplicate; point to the first ticket.',
        });
      payload.duplicate_of = target.id;
      outcome = 'duplicate';
      duplicateOf = target.id;
      break;
    }
    case 'sign_12345':
    case 'return_12345':
    case 'reply_12345':
    case 'extend_12345':
      // the 12345 track was decided above (decide12345); the statutory side only takes its status change
      break;
  }

  const status = input.action === 'return_12345' && s.status === 'duplicate' ? s.status : (spec.to ?? s.status);
  const dueKey = status === 'suspended' ? null : currentDueKey(s.kind, status, s.real_name);
  return {
    status,
    deadlines: d,
    due_kind: dueKey,
    due_date: dueKey ? (d[dueKey] ?? null) : null,
    suspended_since: suspended,
    odr_key: odrKey,
    closed: TERMINAL.has(status),
    ...(outcome !== undefined ? { outcome } : {}),
    ...(legalBasis !== undefined ? { legal_basis: legalBasis } : {}),
    ...(satisfaction !== undefined ? { satisfaction } : {}),
    ...(duplicateOf !== undefined ? { duplicate_of: duplicateOf } : {}),
    ...(t12345 ? { t12345 } : {}),
    ...(message12345 ? { message12345 } : {}),
    event: { type: input.action, payload },
    documents,
  };
}

/** The state of a ticket at intake. */
export function intakeState(cal: WorkCalendar, rules: RuleSet, kind: string, receivedDate: string, realName: boolean) {
  const deadlines = initialDeadlines(cal, rules, kind, receivedDate);
  const dueKey = currentDueKey(kind, 'received', realName);
  return { status: 'received', deadlines, due_kind: dueKey, due_date: dueKey ? (deadlines[dueKey] ?? null) : null };
}
