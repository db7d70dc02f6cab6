/** The cases a complaint gave rise to (诉转案), with where each stands: as the workbench panel shows them. */
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import { clockOf, ticketRepo, type Ctx } from '../../workflow/index.js';
import { CASE_STAGE_LABELS, caseStage } from '../domain/case-lead.js';
import { caseRepo } from '../repository.js';

export async function ticketCases(ctx: Ctx, actor: Actor, ticketId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  // a case is enforcement against the business: never shown to the business itself
  if (!t || actor.role === 'enterprise' || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId.slice(0, 64)})`,
      en: `No such ticket, or not visible to you (${ticketId.slice(0, 64)}).`,
    });
  const today = ctx.today();
  const rows = await caseRepo.forTicket(ctx.db, t.id);
  return {
    items: rows.map((c) => {
      const stage = caseStage(c, c.lead_status);
      const verifyBy = (c.lead_deadlines as { verify_by?: string } | null)?.verify_by ?? null;
      const running =
        stage === 'verifying' ? clockOf(ctx.cal(), verifyBy, today) : { clock: 'none' as const, workdays_left: null };
      return {
        lead_id: c.lead_id,
        lead_no: c.lead_no,
        lead_status: c.lead_status,
        inspection_id: c.inspection_id,
        source: c.source,
        source_label: c.source === 'platform' ? '一体化监管平台回传' : '现场检查录入',
        opened_on: c.opened_on,
        verify_by: verifyBy,
        verify_extended: !!(c.lead_deadlines as { verify_extended?: boolean } | null)?.verify_extended,
        clock: running.clock,
        workdays_left: running.workdays_left,
        stage,
        stage_label: CASE_STAGE_LABELS[stage],
        decision_no: c.decision_no,
        decided_on: c.decided_on,
        reason_text: c.reason_text,
        penalty_no: c.penalty_no,
        penalty_amount: c.penalty_amount === null ? null : Number(c.penalty_amount),
        penalty_text: c.penalty_text,
        penalized_on: c.penalized_on,
      };
    }),
  };
}
