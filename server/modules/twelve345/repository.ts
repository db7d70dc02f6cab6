/** SQL of the 12345 module: the transfer state on the ticket, the deliveries back to the centre, its feedback. */
import type { Queryable } from '../../platform/db/index.js';
import type { Transfer12345 } from '../workflow/index.js';
import type { Channel } from './domain/delivery.js';

export interface DeliveryRow {
  ticket_id: string;
  seq: number;
  channel: Channel;
  idempotency_key: string;
  payload: Record<string, unknown>;
  state: 'pending' | 'delivered';
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const twelve345Repo = {
  /** Sets the transfer's state and merges its 12345 deadlines into the ticket's (the statutory ones stay). */
  async setTransfer(
    q: Queryable,
    ticketId: string,
    t: Transfer12345,
    deadlines?: Record<string, unknown>,
  ): Promise<void> {
    await q.query(
      `UPDATE tickets SET t12345 = $2::jsonb, deadlines = deadlines || $3::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [ticketId, JSON.stringify(t), JSON.stringify(deadlines ?? {})],
    );
  },

  async insertDelivery(
    q: Queryable,
    d: Pick<DeliveryRow, 'ticket_id' | 'seq' | 'channel' | 'idempotency_key' | 'payload' | 'created_at'>,
  ): Promise<void> {
    await q.query(
      `INSERT INTO transfer_12345_deliveries (ticket_id, seq, channel, idempotency_key, payload, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (ticket_id, seq, channel) DO NOTHING`,
      [d.ticket_id, d.seq, d.channel, d.idempotency_key, JSON.stringify(d.payload), d.created_at],
    );
  },

  /**
   * Claims pending deliveries that are due: each claimed row's next attempt moves to `leaseUntil`, so another worker
   * does not send the same message meanwhile (if this one dies, the row is due again when the lease ends).
   */
  async claimDue(
    q: Queryable,
    now: Date,
    leaseUntil: Date,
    limit: number,
    ticketIds?: string[],
  ): Promise<DeliveryRow[]> {
    return (
      await q.query<DeliveryRow>(
        `UPDATE transfer_12345_deliveries d SET next_attempt_at = $2::timestamptz
       WHERE (d.ticket_id, d.seq, d.channel) IN (
         SELECT ticket_id, seq, channel FROM transfer_12345_deliveries
         WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1::timestamptz) AND ($4::text[] IS NULL OR ticket_id = ANY($4::text[]))
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING d.*`,
        [now, leaseUntil, limit, ticketIds ?? null],
      )
    ).rows;
  },

  async recordAttempt(
    q: Queryable,
    d: Pick<DeliveryRow, 'ticket_id' | 'seq' | 'channel'>,
    r: { ok: boolean; error?: string; at: Date; next: Date | null },
  ): Promise<void> {
    await q.query(
      `UPDATE transfer_12345_deliveries SET attempts = attempts + 1, last_attempt_at = $4::timestamptz,
         state = CASE WHEN $5::boolean THEN 'delivered' ELSE state END, delivered_at = CASE WHEN $5::boolean THEN $4::timestamptz ELSE delivered_at END,
         last_error = CASE WHEN $5::boolean THEN NULL ELSE $6::text END, next_attempt_at = CASE WHEN $5::boolean THEN NULL ELSE $7::timestamptz END
       WHERE ticket_id = $1 AND seq = $2 AND channel = $3 AND state = 'pending'`,
      [d.ticket_id, d.seq, d.channel, r.at, r.ok, r.error ?? null, r.next],
    );
  },

  async deliveriesOf(q: Queryable, ticketId: string): Promise<DeliveryRow[]> {
    return (
      await q.query<DeliveryRow>('SELECT * FROM transfer_12345_deliveries WHERE ticket_id = $1 ORDER BY seq, channel', [
        ticketId,
      ])
    ).rows;
  },

  /** Stores the centre's feedback once: false when this feedback id was stored before. */
  async insertFeedback(
    q: Queryable,
    f: { ticket_id: string; feedback_id: string; satisfaction: string; comment: string | null; received_at: Date },
  ): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO transfer_12345_feedback (ticket_id, feedback_id, satisfaction, comment, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id, feedback_id) DO NOTHING`,
      [f.ticket_id, f.feedback_id, f.satisfaction, f.comment, f.received_at],
    );
    return r.rowCount === 1;
  },

  async feedbackOf(q: Queryable, ticketId: string) {
    return (
      await q.query<{ feedback_id: string; satisfaction: string; comment: string | null; received_at: Date }>(
        'SELECT feedback_id, satisfaction, comment, received_at FROM transfer_12345_feedback WHERE ticket_id = $1 ORDER BY received_at',
        [ticketId],
      )
    ).rows;
  },
};
