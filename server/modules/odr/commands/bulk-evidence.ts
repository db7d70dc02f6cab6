/**
 * Bulk evidence from an ODR firm (商家救济申诉: chat logs, delivery proofs, refund receipts): each file goes through
 * the same checks as one upload (size, decompression bombs, AIGC labels, reuse), and is stored as the firm's rebuttal
 * — the firm never sees the consumer's files. Idempotency: an item already stored under its key is answered from the
 * record. The file and its record are two transactions (the upload command owns the first); a crash between them
 * can leave one file a retry stores again — a duplicate file, never a duplicate settlement.
 */
import { audit } from '../../../platform/audit/index.js';
import { DomainError, fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { attach } from '../../attachments/index.js';
import type { Ctx } from '../../workflow/index.js';
import { BULK_EVIDENCE_MAX, duplicateKeys, idempotencyKeyOf, sameWork, type ItemError } from '../domain/bulk.js';
import { bulkRepo } from '../repository/keys.js';

export interface EvidenceItem {
  ticket_id: string;
  filename: string;
  content_base64: string;
  note?: string;
  idempotency_key?: string;
}
type ItemOk = {
  ok: true;
  ticket_id: string;
  idempotency_key: string;
  attachment_id: string;
  flags: string[];
  replayed?: boolean;
};

export async function bulkEvidence(ctx: Ctx, actor: Actor, items: EvidenceItem[]) {
  const firm =
    actor.enterpriseKey ??
    fail('forbidden', { zh: '账户未绑定企业', en: 'This account is not bound to an enterprise.' });
  if (!items.length) return fail('invalid_input', { zh: 'items 不能为空', en: 'items must not be empty.' });
  if (items.length > BULK_EVIDENCE_MAX)
    return fail('invalid_input', {
      zh: `每次最多 ${BULK_EVIDENCE_MAX} 个文件`,
      en: `At most ${BULK_EVIDENCE_MAX} files at a time.`,
    });
  // without a key of the client's, the natural one is the file itself on that ticket
  const keyed = items.map((it) => ({
    it,
    key: idempotencyKeyOf(
      'evidence',
      `${it.ticket_id.trim()}:${it.filename}:${it.content_base64.length}`,
      it.idempotency_key,
    ),
  }));
  const dup = duplicateKeys(
    keyed.map((k) => ({ key: k.key, op: 'evidence' as const, ticket_id: k.it.ticket_id.trim() })),
  );
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
        sameWork(s, 'evidence', ticketId)
          ? { ...(s.result as ItemOk), replayed: true }
          : err('conflict', '该幂等键已用于其他操作'),
      );
      continue;
    }
    try {
      const a = await attach(ctx, actor, ticketId, {
        filename: it.filename,
        content: Buffer.from(it.content_base64, 'base64'),
        note: it.note,
        purpose: 'rebuttal',
      });
      const ok: ItemOk = {
        ok: true,
        ticket_id: ticketId,
        idempotency_key: key,
        attachment_id: a.id,
        flags: a.flags.map((f) => f.code),
      };
      await bulkRepo.record(ctx.db, {
        enterprise_key: firm,
        idempotency_key: key,
        op: 'evidence',
        ticket_id: ticketId,
        result: ok,
        at: ctx.now(),
      });
      results.push(ok);
    } catch (e) {
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
    detail: { op: 'evidence', items: items.length, ok: done, via_key: !!actor.apiKeyId },
  });
  return { op: 'evidence' as const, total: items.length, ok: done, failed: items.length - done, items: results };
}
