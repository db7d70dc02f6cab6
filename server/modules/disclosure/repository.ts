/** All SQL of disclosure correction requests. */
import type { Queryable } from '../../platform/db/index.js';

export interface CorrectionRow {
  id: string;
  business: string;
  business_key: string;
  credit_code: string | null;
  reason: string;
  contact_mask: string | null;
  state: string;
  filed_at: Date;
}

export const correctionRepo = {
  async insert(
    q: Queryable,
    r: {
      id: string;
      business: string;
      businessKey: string;
      creditCode: string | null;
      reason: string;
      contactEnc: string | null;
      contactMask: string | null;
      at: Date;
    },
  ) {
    await q.query(
      `INSERT INTO disclosure_corrections (id, business, business_key, credit_code, reason, contact_enc, contact_mask, filed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [r.id, r.business, r.businessKey, r.creditCode, r.reason, r.contactEnc, r.contactMask, r.at],
    );
  },
  async list(q: Queryable, limit: number): Promise<CorrectionRow[]> {
    return (
      await q.query<CorrectionRow>(
        `SELECT id, business, business_key, credit_code, reason, contact_mask, state, filed_at FROM disclosure_corrections ORDER BY filed_at DESC, id DESC LIMIT $1`,
        [limit],
      )
    ).rows;
  },
  /** Whether the business appears in the tickets at all (a request about an unknown name is refused). */
  async knownBusiness(q: Queryable, key: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM tickets WHERE respondent_key = $1 LIMIT 1', [key])).rows.length > 0;
  },
};
