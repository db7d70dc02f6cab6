/**
 * Verifies the audit log's hash chain: every entry's hash is recomputed from its content and the previous entry's
 * hash, sequence numbers must be gapless from 1, and the head row must name the last entry. The canonical form is the
 * one the insert trigger uses (migration 0031_audit_chain.sql) — PostgreSQL renders it, Node hashes it, so a changed
 * trigger function cannot vouch for itself. A chain rewritten from the start by someone with the owner's rights stays
 * self-consistent: anchor the printed head (e.g. in a daily report to the supervisor) and check it with `expect`.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/index.js';

const CANON = `jsonb_build_array(seq, (extract(epoch FROM at) * 1000000)::bigint, actor_id, actor_role, unit_id, action,
  subject_type, subject_id, subject_ids, purpose, detail)::text`;
export const GENESIS = '0'.repeat(64);

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  /** the first broken link */
  broken?: { seq: number; id?: number; reason: string };
}

export async function verifyAuditChain(
  q: Queryable,
  o: { page?: number; expect?: { seq: number; hash: string } } = {},
): Promise<VerifyResult> {
  const page = o.page ?? 5000;
  // retention dropped the oldest months (server/platform/db/partitions.ts): the kept chain starts at their anchor
  const floor = (await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_floor WHERE id = 1'))
    .rows[0];
  let prev = floor?.hash ?? GENESIS;
  let last = floor ? Number(floor.seq) : 0;
  let entries = 0;
  const fail = (seq: number, reason: string, id?: number): VerifyResult => ({
    ok: false,
    entries,
    head: { seq: last, hash: prev },
    broken: { seq, id, reason },
  });
  for (;;) {
    const rows = (
      await q.query<{ id: number; seq: number; prev_hash: string; hash: string; canon: string }>(
        `SELECT id, seq, prev_hash, hash, ${CANON} AS canon FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [last, page],
      )
    ).rows;
    for (const r of rows) {
      if (r.seq !== last + 1) return fail(last + 1, `entry ${last + 1} is missing (next is ${r.seq})`);
      if (r.prev_hash !== prev) return fail(r.seq, 'previous-hash link does not match the entry before', r.id);
      const h = createHash('sha256')
        .update(prev + r.canon, 'utf8')
        .digest('hex');
      if (h !== r.hash) return fail(r.seq, 'content does not match its hash (entry changed)', r.id);
      if (o.expect && r.seq === o.expect.seq && r.hash !== o.expect.hash)
        return fail(r.seq, 'differs from the anchored hash (chain rewritten)', r.id);
      prev = r.hash;
      last = r.seq;
      entries++;
    }
    if (rows.length < page) break;
  }
  const unchained = (
    await q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL OR seq > $1', [last])
  ).rows[0]!.n;
  if (unchained) return fail(last + 1, `${unchained} entries outside the chain`);
  const head = (await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0];
  if (!head) return fail(last + 1, 'chain head row is missing');
  if (Number(head.seq) !== last || head.hash !== prev)
    return fail(
      Number(head.seq),
      `head names entry ${head.seq} but the chain ends at ${last} (entries removed from the end?)`,
    );
  if (o.expect && o.expect.seq > last) return fail(o.expect.seq, `anchored entry ${o.expect.seq} no longer exists`);
  return { ok: true, entries, head: { seq: last, hash: prev } };
}
