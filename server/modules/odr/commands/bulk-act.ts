/**
 * Bulk settle (和解, with the amount) or decline (退回行政调解, with a coded reason) for an ODR firm — the interface a
 * platform's 联络站 uses to clear thousands of complaints a day. Each item is its own transaction through the
 * statutory state machine (the same checks as one click in the portal), so one bad item never costs the good ones,
 * and its idempotency record commits with its effect: a retried request answers the stored result, never acts twice.
 */
import { audit } from '../../../platform/audit/index.js';
import { DomainError, fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { performAction, type Ctx } from '../../workflow/index.js';
import {
  BULK_MAX,
  DECLINE_REASONS,
  checkAmount,
  duplicateKeys,
  idempotencyKeyOf,
  sameWork,
  isDeclineReason,
  type ItemError,
} from '../domain/bulk.js';
import { bulkRepo } from '../repository/keys.js';

export interface SettleItem {
  ticket_id: string;
  amount: number;
  note?: string;
  idempotency_key?: string;
}
/** `reason` is any string here: an unknown code fails that item only (checked below), never the whole request. */
export interface DeclineItem {
  ticket_id: string;
  reason: string;
  note?: string;
  idempotency_key?: string;
}

type Op = 'settle' | 'decline';
type ItemOk = { ok: true; ticket_id: string; idempotency_key: string; no: string; status: string; replayed?: boolean };

export async function bulkSettle(ctx: Ctx, actor: Actor, items: SettleItem[]) {
  return bulkAct(ctx, actor, 'settle', items);
}
export async function bulkDecline(ctx: Ctx, actor: Actor, items: DeclineItem[]) {
  return bulkAct(ctx, actor, 'decline', items);
}

async function bulkAct(ctx: Ctx, actor: Actor, op: Op, items: (SettleItem | DeclineItem)[]) {
  const firm =
    actor.enterpriseKey ??
    fail('forbidden', { zh: '账户未绑定企业', en: 'This account is not bound to an enterprise.' });
  if (!items.length) return fail('invalid_input', { zh: 'items 不能为空', en: 'items must not be empty.' });
  if (items.length > BULK_MAX)
    return fail('invalid_input', { zh: `每次最多 ${BULK_MAX} 条`, en: `At most ${BULK_MAX} items at a time.` });
  const keyed = items.map((it) => ({ it, key: idempotencyKeyOf(op, it.ticket_id.trim(), it.idempotency_key) }));
  const dup = duplicateKeys(keyed.map((k) => ({ key: k.key, op, ticket_id: k.it.ticket_id.trim() })));
  const stored = await bulkRepo.find(
    ctx.db,
    firm,
    keyed.map((k) => k.key),
  );
  const results: (ItemOk | ItemError)[] = [];
  for (const [i, { it, key }] of keyed.entries()) {
    const ticketId = it.ticket_id.trim();
    const err = (error: string, message: string): ItemError => ({
      ok: false,
      ticket_id: ticketId,
      idempotency_key: key,
      error,
      message,
    });
    if (dup.has(i)) {
      results.push(err('invalid_input', '同一请求中该幂等键已用于另一条'));
      continue;
    }
    const s = stored.get(key);
    if (s) {
      results.push(
        sameWork(s, op, ticketId)
          ? { ...(s.result as ItemOk), replayed: true }
          : err('conflict', '该幂等键已用于其他操作'),
      );
      continue;
    }
    const given = op === 'decline' ? (it as DeclineItem).reason : '';
    const reason = isDeclineReason(given) ? given : null;
    // the per-item results of the enterprise API go to the firm's systems, which send no locale: Chinese of record
    const problem = op === 'settle' ? checkAmount((it as SettleItem).amount)?.zh : reason ? null : '退回原因代码无效';
    if (problem) {
      results.push(err('invalid_input', problem));
      continue;
    }
    try {
      let ok: ItemOk | null = null;
      await performAction(ctx, {
        ticketId,
        actor,
        input:
          op === 'settle'
            ? { action: 'odr_settle', amount: (it as SettleItem).amount, note: it.note }
            : { action: 'odr_fail', reason: reason!, note: it.note ?? DECLINE_REASONS[reason!] },
        alsoWrite: async (q, r) => {
          ok = { ok: true, ticket_id: ticketId, idempotency_key: key, no: r.no, status: r.status };
          // a concurrent retry with the same key got here first: roll this one back (the effect stays once)
          if (
            !(await bulkRepo.record(q, {
              enterprise_key: firm,
              idempotency_key: key,
              op,
              ticket_id: ticketId,
              result: ok,
              at: ctx.now(),
            }))
          ) {
            fail('conflict', { zh: '该条正在由另一请求处理', en: 'This item is being handled by another request.' });
          }
        },
      });
      results.push(ok!);
    } catch (e) {
      // a refusal of this item (not this firm's, not in ODR any more, concurrent change) is its own result
      if (!(e instanceof DomainError)) throw e;
      results.push(err(e.code, e.message));
    }
  }
  const done = results.filter((r) => r.ok).length;
  await audit(ctx.db, {
    actorId: actor.id,
    actorRole: actor.role,
    action: 'odr.bulk',
    subjectType: 'enterprise',
    subjectId: firm,
    detail: { op, items: items.length, ok: done, via_key: !!actor.apiKeyId },
  });
  return { op, total: items.length, ok: done, failed: items.length - done, items: results };
}
