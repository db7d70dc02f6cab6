/**
 * What the workbench's 12345 panel shows for one transfer: state, the 12345 deadlines on the clock, the return reasons,
 * the templates filled for this ticket, each message with its delivery state, and the centre's feedback.
 */
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import { clockOf, LIMITS_12345, STATE_12345_LABELS, ticketRepo, type Ctx } from '../../workflow/index.js';
import { CATEGORY_12345_LABELS, type Category12345 } from '../../knowledge/index.js';
import { SATISFACTION_12345_LABELS, type Satisfaction12345 } from '../domain/satisfaction.js';
import { CHANNEL_LABELS, channelsOf, type DeliveryConfig } from '../domain/delivery.js';
import { twelve345Repo } from '../repository.js';
import { templatesFor } from './templates.js';

export async function transferPanel(ctx: Ctx, cfg: DeliveryConfig, actor: Actor, ticketId: string) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  if (!t.t12345)
    return fail('not_found', {
      zh: '该工单不是12345转办件 (not a 12345 transfer)',
      en: 'This ticket is not a 12345 transfer.',
    });
  const x = t.t12345;
  const today = ctx.today();
  const dl = t.deadlines as Record<string, string | undefined>;
  const clock = (key: 'sign_12345_by' | 'reply_12345_by', done: boolean) => ({
    due: dl[key] ?? null,
    ...(done ? { clock: 'none', workdays_left: null } : clockOf(ctx.cal(), dl[key], today)),
  });
  const [deliveries, feedback, templates] = await Promise.all([
    twelve345Repo.deliveriesOf(ctx.db, t.id),
    twelve345Repo.feedbackOf(ctx.db, t.id),
    templatesFor(ctx.db, t, today),
  ]);
  const L = LIMITS_12345.deadlines;
  return {
    ticket_id: t.id,
    no: t.no,
    work_order_no: x.work_order_no,
    category: x.category,
    category_label: x.category ? (CATEGORY_12345_LABELS[x.category as Category12345] ?? x.category) : null,
    state: x.state,
    state_label: STATE_12345_LABELS[x.state],
    signed_on: x.signed_on,
    extended: x.extended,
    reopen_count: x.reopen_count,
    deadlines: {
      sign_12345_by: clock('sign_12345_by', x.state !== 'to_sign'),
      reply_12345_by: clock('reply_12345_by', x.state === 'replied' || x.state === 'returned'),
    },
    limits: {
      version: LIMITS_12345.version,
      name: LIMITS_12345.name,
      source: LIMITS_12345.source,
      sign: L.sign,
      reply: L.reply,
      extension: L.extension,
      reopen_reply: L.reopen_reply,
    },
    return_reasons: LIMITS_12345.return_reasons,
    templates,
    messages: x.messages.map((m) => ({
      ...m,
      kind_label: m.kind === 'reply' ? '答复' : '退回',
      deliveries: deliveries
        .filter((d) => d.seq === m.seq)
        .map((d) => ({
          channel: d.channel,
          channel_label: CHANNEL_LABELS[d.channel],
          state: d.state,
          state_label: d.state === 'delivered' ? '已送达' : d.attempts ? '重试中' : '待发送',
          attempts: d.attempts,
          delivered_at: d.delivered_at,
          last_error: d.last_error,
          next_attempt_at: d.next_attempt_at,
          idempotency_key: d.idempotency_key,
        })),
    })),
    channels: channelsOf(cfg).map((c) => ({ channel: c, label: CHANNEL_LABELS[c] })),
    satisfaction: x.satisfaction,
    feedback: feedback.map((f) => ({
      ...f,
      label: SATISFACTION_12345_LABELS[f.satisfaction as Satisfaction12345] ?? f.satisfaction,
    })),
  };
}
