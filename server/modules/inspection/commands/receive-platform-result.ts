/**
 * A result pushed by the unified regulatory platform, after its signature was checked at the edge. Idempotent by the
 * platform's result id: a replay answers what the first delivery answered (and says so), the same id with another
 * body is refused. Each kind goes through the same use case a person would use — the result through
 * completeInspection, the case decision through the statutory state machine (performAction), the penalty through
 * recordPenalty — so nothing the platform sends bypasses a rule.
 */
import { createHash } from 'node:crypto';
import { DomainError, fail } from '../../../platform/errors/index.js';
import { performAction, ticketRepo, type Ctx } from '../../workflow/index.js';
import { PLATFORM_ACTOR, type PlatformResult } from '../domain/platform.js';
import { caseRepo, inspectionRepo, receiptRepo } from '../repository.js';
import { completeInspection } from './inspections.js';
import { recordPenaltyIn } from './record-penalty.js';

const RACE = 'receipt_race';

export async function receivePlatformResult(ctx: Ctx, r: PlatformResult, rawBody: Buffer | string) {
  const sha = createHash('sha256').update(rawBody).digest('hex');
  const seen = await replayOf(ctx, r.result_id, sha);
  if (seen) return seen;
  try {
    return await handle(ctx, r, sha);
  } catch (e) {
    // a concurrent delivery of the same result stored its receipt first: ours rolled back, answer with theirs
    if (e instanceof DomainError && e.details?.reason === RACE) return (await replayOf(ctx, r.result_id, sha))!;
    throw e;
  }
}

async function replayOf(ctx: Ctx, resultId: string, sha: string) {
  const prior = await receiptRepo.get(ctx.db, resultId);
  if (!prior) return null;
  if (prior.body_sha256 !== sha)
    return fail(
      'conflict',
      {
        zh: `结果编号 ${resultId.slice(0, 64)} 已用于另一份不同的结果 (result id reused with a different body)`,
        en: `The result id ${resultId.slice(0, 64)} was already used for a different result.`,
      },
      { reason: 'result_id_reused' },
    );
  return { ...prior.answer, replayed: true };
}

async function handle(ctx: Ctx, r: PlatformResult, sha: string) {
  const task = await inspectionRepo.byId(ctx.db, r.inspection_id);
  if (!task)
    return fail(
      'not_found',
      {
        zh: `检查任务不存在 (${r.inspection_id.slice(0, 64)})`,
        en: `No such inspection task (${r.inspection_id.slice(0, 64)}).`,
      },
      { reason: 'unknown_inspection' },
    );
  const store = async (q: Parameters<Parameters<Ctx['db']['tx']>[0]>[0], answer: Record<string, unknown>) => {
    if (
      !(await receiptRepo.insert(q, { result_id: r.result_id, kind: r.kind, body_sha256: sha, at: ctx.now(), answer }))
    )
      fail('conflict', 'duplicate delivery', { reason: RACE });
    return { ...answer, replayed: false };
  };

  if (r.kind === 'inspection.result') {
    return ctx.db.tx(async (q) => {
      const t = await ticketRepo.get(q, task.ticket_id);
      const i = await inspectionRepo.get(q, task.ticket_id, task.id, true);
      if (!t || !i) return fail('not_found', { zh: '检查任务不存在', en: 'No such inspection task.' });
      const done = await completeInspection(
        q,
        ctx,
        PLATFORM_ACTOR,
        t,
        i,
        { findings: r.findings, violation: r.violation, checklist: r.checklist },
        { source: 'platform', platformResultId: r.result_id, inspector: r.inspector },
      );
      return store(q, {
        result_id: r.result_id,
        kind: r.kind,
        inspection_id: i.id,
        ticket_no: t.no,
        status: done.status,
        violation: r.violation,
        lead_no: done.result.lead_no ?? null,
      });
    });
  }

  const c = await caseRepo.byInspection(ctx.db, task.id);
  if (!c)
    return fail(
      'illegal_transition',
      {
        zh: '该检查任务没有案源线索（未发现违法或结果尚未回传）',
        en: 'This inspection task has no case lead (no violation found, or the result has not come back yet).',
      },
      { reason: 'no_case_lead' },
    );
  if (r.kind === 'case.decision') {
    const lead = await ticketRepo.get(ctx.db, c.lead_id);
    if (!lead) return fail('not_found', { zh: '案源线索不存在', en: 'No such case lead.' });
    // a decision already in place (an earlier delivery that crashed before its receipt) is not taken twice
    if (lead.status !== r.decision && lead.outcome !== r.decision) {
      const note =
        [r.decision_no ? `决定文号 ${r.decision_no}` : '', r.note ?? ''].filter(Boolean).join('；') || undefined;
      await performAction(ctx, {
        ticketId: lead.id,
        actor: PLATFORM_ACTOR,
        input: { action: r.decision === 'case_opened' ? 'open_case' : 'not_open_case', reason: r.reason, note },
      });
    }
    return ctx.db.tx(async (q) => {
      await caseRepo.setDecision(q, lead.id, {
        decision: r.decision,
        decided_on: ctx.today(),
        reason_text: null,
        decision_no: r.decision_no ?? null,
        at: ctx.now(),
      });
      return store(q, {
        result_id: r.result_id,
        kind: r.kind,
        inspection_id: task.id,
        lead_no: lead.no,
        decision: r.decision,
      });
    });
  }
  return ctx.db.tx(async (q) => {
    const p = await recordPenaltyIn(q, ctx, PLATFORM_ACTOR, c.lead_id, {
      decision_no: r.decision_no,
      amount: r.amount,
      summary: r.summary,
      decided_on: r.decided_on,
    });
    return store(q, {
      result_id: r.result_id,
      kind: r.kind,
      inspection_id: task.id,
      lead_no: p.lead_no,
      penalty_no: p.penalty_no,
    });
  });
}
