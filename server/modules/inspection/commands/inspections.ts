/**
 * 一键生成现场检查任务: the business, its address, a checklist from the category and problem, the station and an
 * assignee — from the ticket in one call. The result comes back to the ticket's timeline; a violation found makes
 * the ticket a case lead (诉转案): a report ticket on its own verification clock (open-case-lead.ts).
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canActOnTicket, canReadTicket, type Actor } from '../../access/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import { ticketRepo, type Ctx, type TicketRow } from '../../workflow/index.js';
import { checklistFor } from '../domain/checklist.js';
import { inspectionRepo, type InspectionRow } from '../repository.js';
import { openCaseLead } from './open-case-lead.js';

export async function createInspection(
  ctx: Ctx,
  actor: Actor,
  ticketId: string,
  o: { assignee?: string; note?: string } = {},
) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canActOnTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  if (!t.respondent_name && !t.location)
    return fail('invalid_input', {
      zh: '工单没有被投诉（举报）经营者或地点，无法生成现场检查任务',
      en: 'The ticket names no business or place complained about, so no on-site inspection task can be made.',
    });
  const labels = (t.labels ?? {}) as Record<string, string>;
  const pred = (t.predicted ?? {}) as Record<string, { label?: string }>;
  const category = labels.goods_service ?? pred.goods_service?.label ?? null;
  const problem = labels.problem ?? pred.problem?.label ?? null;
  const id = randomUUID();
  const task = {
    ticket_id: t.id,
    id,
    unit_id: t.unit_id,
    business: t.respondent_name ?? t.location,
    address: t.respondent_address ?? t.location,
    checklist: checklistFor(category, problem),
    assignee: o.assignee ?? actor.displayName,
    created_by: actor.id,
  };
  await ctx.db.tx(async (q) => {
    await inspectionRepo.insert(q, task);
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'inspection_created',
      payload: { inspection_id: id, business: task.business, items: task.checklist.length, note: o.note },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'inspection.create',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { inspection_id: id },
    });
  });
  return { ...task, status: 'open', category, problem };
}

export interface InspectionResult {
  checklist?: { item: string; done: boolean }[];
  findings: string;
  violation: boolean;
}

/** 录入检查结果 by hand (the station), through the same path as a result the platform pushes. */
export async function recordInspectionResult(
  ctx: Ctx,
  actor: Actor,
  ticketId: string,
  inspectionId: string,
  r: InspectionResult,
) {
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, ticketId);
    if (!t || !canActOnTicket(actor, t))
      return fail('not_found', {
        zh: `工单不存在或无权访问 (${ticketId})`,
        en: `No such ticket, or not visible to you (${ticketId}).`,
      });
    const i = await inspectionRepo.get(q, t.id, inspectionId, true);
    if (!i) return fail('not_found', { zh: '检查任务不存在', en: 'No such inspection task.' });
    return completeInspection(q, ctx, actor, t, i, r, { source: 'manual', platformResultId: null });
  });
}

/**
 * Stores the result on the task and the complaint's timeline; a violation opens the case lead (诉转案) in the same
 * transaction. `q` must be a transaction holding the task row.
 */
export async function completeInspection(
  q: Queryable,
  ctx: Ctx,
  actor: Actor,
  t: TicketRow,
  i: InspectionRow,
  r: InspectionResult,
  o: { source: 'manual' | 'platform'; platformResultId: string | null; inspector?: string },
) {
  if (i.status === 'done')
    return fail('illegal_transition', { zh: '检查结果已录入', en: 'The inspection result has already been recorded.' });
  const lead = r.violation
    ? await openCaseLead(q, ctx, actor, t, {
        inspection_id: i.id,
        findings: r.findings,
        business: i.business,
        address: i.address,
        source: o.source,
      })
    : null;
  const result = {
    findings: r.findings,
    violation: r.violation,
    case_lead: r.violation,
    recorded_by: o.inspector ?? actor.displayName,
    source: o.source,
    ...(lead ? { lead_id: lead.lead_id, lead_no: lead.lead_no, verify_by: lead.verify_by } : {}),
  };
  await inspectionRepo.complete(q, t.id, i.id, {
    checklist: r.checklist ?? i.checklist,
    result,
    at: ctx.now(),
    source: o.source,
    platformResultId: o.platformResultId,
  });
  await ticketRepo.appendEvent(q, t.id, {
    at: ctx.now(),
    actor_id: actor.id,
    actor_role: actor.role,
    type: 'inspection_result',
    payload: { inspection_id: i.id, ...result },
  });
  await audit(q, {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'inspection.result',
    subjectType: 'ticket',
    subjectId: t.id,
    detail: { inspection_id: i.id, violation: r.violation, source: o.source },
  });
  return { id: i.id, status: 'done', result };
}

export async function listInspections(ctx: Ctx, actor: Actor, ticketId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  return inspectionRepo.forTicket(ctx.db, t.id);
}
