/** What a public filer sees with their ticket number and tracking code: status, public timeline, decisions. */
import { fail } from '../../../platform/errors/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { STATUS_LABELS, KIND_LABELS, type Status } from '../../../../shared/domain.js';
import { trackHash } from '../commands/file-ticket.js';

const PUBLIC_EVENTS = new Set([
  'received',
  'accept',
  'decline',
  'send_odr',
  'odr_settle',
  'odr_fail',
  'start_mediation',
  'suspend',
  'resume',
  'mediate_success',
  'terminate',
  'notify_termination',
  'open_case',
  'not_open_case',
  'notify_reporter',
  'answer',
  'close',
  'transfer',
  'rating',
]);

export async function trackTicket(ctx: Ctx, no: string, code: string) {
  const t = await ticketRepo.byTracking(ctx.db, no.trim(), trackHash(code.trim().toUpperCase()));
  if (!t)
    return fail('not_found', {
      zh: '工单号或查询码不正确 (ticket number or code wrong)',
      en: 'The ticket number or query code is wrong.',
    });
  const timeline = (await ticketRepo.timeline(ctx.db, t.id))
    .filter((e) => PUBLIC_EVENTS.has(e.type))
    .map((e) => ({
      at: e.at,
      type: e.type,
      note: typeof e.payload.note === 'string' && e.type === 'answer' ? e.payload.note : undefined,
      reason: e.payload.reason_text,
      to: e.type === 'transfer' ? e.payload.to_name : undefined,
    }));
  const docs = await ticketRepo.documents(ctx.db, t.id);
  return {
    no: t.no,
    kind: t.kind,
    kind_label: KIND_LABELS[t.kind],
    status: t.status,
    status_label: STATUS_LABELS[t.status as Status] ?? t.status,
    received_at: t.received_at,
    due_date: t.due_date,
    closed_at: t.closed_at,
    satisfaction: t.satisfaction,
    timeline,
    documents: docs.map((d) => ({ id: d.id, title: d.title, number: d.number })),
    id: t.id,
  };
}

export async function rateTicket(ctx: Ctx, no: string, code: string, satisfaction: number, comment?: string) {
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5)
    return fail('invalid_input', { zh: '评价须为1-5分', en: 'The rating must be 1 to 5.' });
  const t = await ticketRepo.byTracking(ctx.db, no.trim(), trackHash(code.trim().toUpperCase()));
  if (!t) return fail('not_found', { zh: '工单号或查询码不正确', en: 'The ticket number or query code is wrong.' });
  if (!t.closed_at)
    return fail('illegal_transition', {
      zh: '工单办结后才能评价 (rate after closing)',
      en: 'A ticket can be rated only after it is closed.',
    });
  await ctx.db.tx(async (q) => {
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: 'public',
      actor_role: 'public',
      type: 'rating',
      payload: { satisfaction, comment: comment?.slice(0, 500) },
    });
    await ticketRepo.setSatisfaction(q, t.id, satisfaction);
  });
  return { ok: true };
}
