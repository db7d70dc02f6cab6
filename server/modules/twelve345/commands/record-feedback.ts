/**
 * The centre's feedback on a reply (满意度回访结果): stored once per feedback id — the centre may send it again — and
 * recorded on the ticket's timeline and its 12345 track. The comment is the citizen's words relayed: it is redacted
 * before it is stored.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { redact } from '../../text/index.js';
import { ticketIdFor } from '../../intake/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { SATISFACTION_12345_LABELS, type Satisfaction12345 } from '../domain/satisfaction.js';
import { twelve345Repo } from '../repository.js';

export interface FeedbackInput {
  work_order_no: string;
  feedback_id: string;
  satisfaction: Satisfaction12345;
  comment?: string | undefined;
}

export async function recordFeedback(ctx: Ctx, actor: Actor, i: FeedbackInput) {
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, ticketIdFor('12345', i.work_order_no.trim()), true);
    if (!t?.t12345)
      return fail('not_found', {
        zh: `12345工单 ${i.work_order_no.slice(0, 40)} 不存在 (no such transfer)`,
        en: `No such 12345 work order: ${i.work_order_no.slice(0, 40)}`,
      });
    if (!t.t12345.messages.some((m) => m.kind === 'reply'))
      return fail('illegal_transition', {
        zh: '该转办件尚未答复，不能回访评价 (no reply yet)',
        en: 'This transfer has not been answered yet, so no follow-up rating can be recorded.',
      });
    const comment = i.comment?.trim() ? redact(i.comment.trim()).text : null;
    const at = ctx.now();
    const fresh = await twelve345Repo.insertFeedback(q, {
      ticket_id: t.id,
      feedback_id: i.feedback_id,
      satisfaction: i.satisfaction,
      comment,
      received_at: at,
    });
    if (fresh) {
      const label = SATISFACTION_12345_LABELS[i.satisfaction];
      await twelve345Repo.setTransfer(q, t.id, {
        ...t.t12345,
        satisfaction: { code: i.satisfaction, label, at: at.toISOString() },
      });
      await ticketRepo.appendEvent(q, t.id, {
        at,
        actor_id: actor.id,
        actor_role: actor.role,
        type: 'satisfaction_12345',
        payload: {
          work_order_no: t.t12345.work_order_no,
          satisfaction: i.satisfaction,
          label,
          ...(comment ? { comment } : {}),
        },
      });
      await audit(q, {
        actorId: actor.id,
        actorRole: actor.role,
        unitId: actor.unitId,
        action: 'transfer12345.feedback',
        subjectType: 'ticket',
        subjectId: t.id,
        detail: { feedback_id: i.feedback_id, satisfaction: i.satisfaction },
      });
    }
    return { id: t.id, no: t.no, work_order_no: t.t12345.work_order_no, satisfaction: i.satisfaction, recorded: fresh };
  });
}
