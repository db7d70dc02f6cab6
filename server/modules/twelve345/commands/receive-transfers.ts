/**
 * 12345 transfers in (转办件接收), idempotent by the centre's work-order number: a new number files a ticket through
 * intake and starts its 12345 track (待签收, with sign_12345_by and reply_12345_by); the same number again while the
 * transfer is open changes nothing; the same number after a reply or a return is a 重办 (re-opened transfer): the
 * track starts again with fresh deadlines and the timeline records it.
 */
import { audit } from '../../../platform/audit/index.js';
import type { Actor } from '../../access/index.js';
import { fileTicket, ticketIdFor, type FileTicketInput, type IntakeCtx } from '../../intake/index.js';
import { start12345, ticketRepo } from '../../workflow/index.js';
import { twelve345Repo } from '../repository.js';

export interface TransferItem extends Omit<FileTicketInput, 'channel' | 'client_key'> {
  /** the centre's work-order number (工单编号) */
  client_key: string;
  category_12345?: string | undefined;
}

export type TransferOutcome = {
  id: string;
  no: string;
  status: string;
  created: boolean;
  reopened: boolean;
  work_order_no: string;
  duplicate_of?: string | null;
};

export async function receiveTransfer(ctx: IntakeCtx, actor: Actor, i: TransferItem): Promise<TransferOutcome> {
  const wo = i.client_key.trim();
  const id = ticketIdFor('12345', wo);
  let created = false;
  let duplicateOf: string | null | undefined;
  if (!(await ticketRepo.get(ctx.db, id))) {
    const r = await fileTicket(
      ctx,
      actor,
      {
        ...i,
        client_key: wo,
        channel: '12345',
        extra: { ...(i.extra ?? {}), work_order_no: wo, category_12345: i.category_12345 ?? null },
      },
      '12345',
    );
    created = r.created;
    duplicateOf = r.duplicate_of;
  }
  return ctx.db.tx(async (q) => {
    const t = (await ticketRepo.get(q, id, true))!;
    const base = {
      id: t.id,
      no: t.no,
      status: t.status,
      created,
      work_order_no: wo,
      ...(duplicateOf !== undefined ? { duplicate_of: duplicateOf } : {}),
    };
    const prev = t.t12345;
    // open (to sign, or signed and in hand): a resend of the same transfer, nothing to do
    if (prev && (prev.state === 'to_sign' || prev.state === 'signed')) return { ...base, reopened: false };
    const today = ctx.today();
    // no track yet: first arrival (or a crash between filing and here); a replied/returned one: 重办
    const s = start12345(ctx.cal(), prev ? today : String(t.received_date), wo, i.category_12345 ?? null, prev);
    await twelve345Repo.setTransfer(q, t.id, s.t12345, s.deadlines);
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: actor.id,
      actor_role: actor.role,
      type: prev ? 'reopen_12345' : 'received_12345',
      payload: {
        work_order_no: wo,
        category: s.t12345.category,
        ...s.deadlines,
        ...(prev ? { reopen_count: s.t12345.reopen_count, previous_state: prev.state } : {}),
      },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: prev ? 'transfer12345.reopen' : 'transfer12345.receive',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { work_order_no: wo },
    });
    return { ...base, reopened: !!prev };
  });
}
