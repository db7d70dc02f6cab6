/**
 * 行政处罚决定: once the case lead was opened as a case (立案), the penalty decision and its number (决定书文号) are
 * recorded on the case and shown on the complaint. Entered by the station, or pushed by the unified platform.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canActOnTicket, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { caseRepo } from '../repository.js';

export interface PenaltyInput {
  decision_no: string;
  amount?: number | undefined;
  summary: string;
  decided_on?: string | undefined;
}

export async function recordPenalty(ctx: Ctx, actor: Actor, leadId: string, p: PenaltyInput) {
  return ctx.db.tx((q) => recordPenaltyIn(q, ctx, actor, leadId, p));
}

export async function recordPenaltyIn(q: Queryable, ctx: Ctx, actor: Actor, leadId: string, p: PenaltyInput) {
  const lead = await ticketRepo.get(q, leadId, true);
  const c = lead ? await caseRepo.byLead(q, lead.id, true) : undefined;
  if (!lead || !c || !canActOnTicket(actor, lead))
    return fail('not_found', {
      zh: `案源线索不存在或无权访问 (${leadId.slice(0, 64)})`,
      en: `No such case lead, or not visible to you (${leadId.slice(0, 64)}).`,
    });
  if (!p.decision_no.trim())
    return fail('invalid_input', {
      zh: '请填写行政处罚决定书文号',
      en: 'Please enter the number of the penalty decision.',
    });
  if (!p.summary.trim())
    return fail('invalid_input', { zh: '请填写处罚内容', en: 'Please enter what the penalty is.' });
  if (p.amount !== undefined && !(Number.isFinite(p.amount) && p.amount >= 0 && p.amount < 1e12))
    return fail('invalid_input', {
      zh: '罚没金额应为非负数',
      en: 'The amount fined or confiscated must not be negative.',
    });
  const opened = lead.status === 'case_opened' || lead.outcome === 'case_opened' || c.decision === 'case_opened';
  if (!opened)
    return fail('illegal_transition', {
      zh: '案源线索尚未立案，不能录入处罚决定 (case not opened)',
      en: 'The case lead has not been opened as a case, so no penalty decision can be recorded.',
    });
  if (c.penalty_no)
    return fail('illegal_transition', {
      zh: `已录入处罚决定 ${c.penalty_no}`,
      en: `A penalty decision is already recorded: ${c.penalty_no}`,
    });
  const today = ctx.today();
  const on = p.decided_on ?? today;
  if (on > today)
    return fail('invalid_input', { zh: `处罚决定日期 ${on} 晚于今天`, en: `The decision date ${on} is after today.` });
  const at = ctx.now();
  const decisionNo = p.decision_no.trim();
  await caseRepo.setPenalty(q, lead.id, {
    penalty_no: decisionNo,
    amount: p.amount ?? null,
    text: p.summary.trim(),
    on,
    at,
  });
  const payload = {
    lead_id: lead.id,
    lead_no: lead.no,
    decision_no: decisionNo,
    amount: p.amount ?? null,
    summary: p.summary.trim(),
    decided_on: on,
    note: `行政处罚决定书 ${decisionNo}${p.amount !== undefined ? `，罚没款 ¥${p.amount}` : ''}：${p.summary.trim()}`,
  };
  await ticketRepo.appendEvent(q, lead.id, {
    at,
    actor_id: actor.id,
    actor_role: actor.role,
    type: 'case_penalty',
    payload,
  });
  await ticketRepo.appendEvent(q, c.ticket_id, {
    at,
    actor_id: actor.id,
    actor_role: actor.role,
    type: 'case_penalty',
    payload,
  });
  await audit(q, {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'case.penalty',
    subjectType: 'ticket',
    subjectId: c.ticket_id,
    detail: { lead_id: lead.id, decision_no: decisionNo },
  });
  return {
    lead_id: lead.id,
    lead_no: lead.no,
    ticket_id: c.ticket_id,
    stage: 'penalized' as const,
    penalty_no: decisionNo,
    penalized_on: on,
  };
}
