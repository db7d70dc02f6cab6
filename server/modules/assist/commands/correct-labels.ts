/**
 * An officer corrects the suggested kind/category/problem (or a pre-filled field): the ticket's labels change and
 * each change is stored as a training example for the next model version.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canActOnTicket, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { assistRepo } from '../repository.js';

export async function correctLabels(ctx: Ctx, actor: Actor, ticketId: string, labels: Record<string, string>) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canActOnTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  const entries = Object.entries(labels).filter(([k, v]) => k.length <= 40 && typeof v === 'string' && v.length <= 200);
  if (!entries.length) return fail('invalid_input', 'no labels given');
  const prev = (t.labels ?? {}) as Record<string, string>;
  const predicted = (t.predicted ?? {}) as Record<string, { label?: string }>;
  await ctx.db.tx(async (q) => {
    for (const [k, v] of entries) {
      await assistRepo.insertCorrection(q, {
        ticket_id: t.id,
        label: k,
        value: v,
        previous: prev[k] ?? predicted[k]?.label ?? null,
        actor_id: actor.id,
      });
    }
    const next = { ...prev, ...Object.fromEntries(entries) };
    await ticketRepo.setFields(q, t.id, {
      labels: next,
      ...(next.goods_service ? { category: next.goods_service } : {}),
      ...(next.problem ? { problem: next.problem } : {}),
    });
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: actor.id,
      actor_role: actor.role,
      type: 'labels_corrected',
      payload: { labels: Object.fromEntries(entries) },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'training.correction',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { labels: entries.map(([k]) => k) },
    });
  });
  return { id: t.id, labels: { ...prev, ...Object.fromEntries(entries) } };
}
