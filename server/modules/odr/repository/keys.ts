/** SQL for a firm's API keys (only the hash of a secret is stored) and the idempotency record of bulk items. */
import type { Queryable } from '../../../platform/db/index.js';
import type { BulkOp } from '../domain/bulk.js';

export interface ApiKeyRow {
  id: string;
  enterprise_key: string;
  prefix: string;
  label: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export const keyRepo = {
  async insert(
    q: Queryable,
    r: {
      id: string;
      enterprise_key: string;
      prefix: string;
      key_hash: string;
      label: string;
      created_by: string;
      at: Date;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO odr_api_keys (id, enterprise_key, prefix, key_hash, label, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [r.id, r.enterprise_key, r.prefix, r.key_hash, r.label, r.created_by, r.at],
    );
  },
  async list(q: Queryable, enterpriseKey: string): Promise<ApiKeyRow[]> {
    return (
      await q.query<ApiKeyRow>(
        `SELECT id, enterprise_key, prefix, label, created_by, created_at, revoked_at, last_used_at FROM odr_api_keys
       WHERE enterprise_key = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC`,
        [enterpriseKey],
      )
    ).rows;
  },
  async countActive(q: Queryable, enterpriseKey: string): Promise<number> {
    return (
      await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM odr_api_keys WHERE enterprise_key = $1 AND revoked_at IS NULL',
        [enterpriseKey],
      )
    ).rows[0]!.n;
  },
  /** Revokes a key of this firm; false when there is none (or it was revoked already). */
  async revoke(q: Queryable, enterpriseKey: string, id: string, by: string, at: Date): Promise<boolean> {
    const r = await q.query(
      'UPDATE odr_api_keys SET revoked_at = $4, revoked_by = $3 WHERE id = $2 AND enterprise_key = $1 AND revoked_at IS NULL',
      [enterpriseKey, id, by, at],
    );
    return r.rowCount > 0;
  },
  /** A live key of a firm that is still enrolled: withdrawing the firm stops its keys without revoking them one by one. */
  async resolve(
    q: Queryable,
    keyHash: string,
    at: Date,
  ): Promise<{ id: string; prefix: string; enterprise_key: string; name: string } | undefined> {
    return (
      await q.query<{ id: string; prefix: string; enterprise_key: string; name: string }>(
        `UPDATE odr_api_keys k SET last_used_at = $2 FROM enterprises e
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND e.key = k.enterprise_key AND e.odr
       RETURNING k.id, k.prefix, k.enterprise_key, e.name`,
        [keyHash, at],
      )
    ).rows[0];
  },
};

export interface BulkItemRow {
  idempotency_key: string;
  op: BulkOp;
  ticket_id: string;
  result: Record<string, unknown>;
}

export const bulkRepo = {
  async find(q: Queryable, enterpriseKey: string, keys: string[]): Promise<Map<string, BulkItemRow>> {
    if (!keys.length) return new Map();
    const rows = (
      await q.query<BulkItemRow>(
        'SELECT idempotency_key, op, ticket_id, result FROM odr_bulk_items WHERE enterprise_key = $1 AND idempotency_key = ANY($2::text[])',
        [enterpriseKey, keys],
      )
    ).rows;
    return new Map(rows.map((r) => [r.idempotency_key, r]));
  },
  /** false: another request stored this key first (its transaction then rolls back, so the effect happens once) */
  async record(
    q: Queryable,
    r: { enterprise_key: string; idempotency_key: string; op: BulkOp; ticket_id: string; result: unknown; at: Date },
  ): Promise<boolean> {
    const res = await q.query(
      `INSERT INTO odr_bulk_items (enterprise_key, idempotency_key, op, ticket_id, result, at) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [r.enterprise_key, r.idempotency_key, r.op, r.ticket_id, JSON.stringify(r.result), r.at],
    );
    return res.rowCount > 0;
  },
};
