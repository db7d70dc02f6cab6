import type { Queryable } from '../../../platform/db/index.js';
import { scopeSql, type QueueScope } from '../../access/index.js';
import type { Transfer12345 } from '../domain/transfer-12345.js';
import type { ProtectedText } from '../repository.js';

/** What the sweeps read and write: due markers, redaction of stored text, deadlines recounted on a new calendar. */
export const upkeepRepo = {
  /** Open tickets whose current deadline is near or past and that have no marker event for it yet. */
  async openDueWithoutMarker(q: Queryable, until: string, today: string, limit: number) {
    return (
      await q.query<{ id: string; due_date: string; due_kind: string; unit_id: string }>(
        `SELECT t.id, t.due_date::text AS due_date, t.due_kind, t.unit_id FROM tickets t
       WHERE t.closed_at IS NULL AND t.due_date <= $1::date
         AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id
           AND e.type = CASE WHEN t.due_date < $2::date THEN 'deadline_breached' ELSE 'deadline_warning' END
           AND e.payload->>'due_kind' = t.due_kind AND e.payload->>'due_date' = t.due_date::text)
       ORDER BY t.due_date LIMIT $3`,
        [until, today, limit],
      )
    ).rows;
  },

  /** Tickets stored before free text was redacted (migration 0010): their text fields and complainant seal. */
  async unredacted(q: Queryable, limit: number) {
    return (
      await q.query<{
        id: string;
        title: string | null;
        body: string | null;
        prefill: Record<string, unknown> | null;
        extra: Record<string, unknown> | null;
        complainant_enc: string | null;
      }>(
        'SELECT id, title, body, prefill, extra, complainant_enc FROM tickets WHERE redaction = 0 ORDER BY id LIMIT $1',
        [limit],
      )
    ).rows;
  },

  async storeRedacted(q: Queryable, rows: (ProtectedText & { id: string })[]): Promise<void> {
    if (!rows.length) return;
    const j = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    await q.query(
      `UPDATE tickets t SET title = u.title, body = u.body, prefill = u.prefill::jsonb, extra = u.extra::jsonb, text_enc = u.enc, pii = u.pii::jsonb, redaction = u.v
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::smallint[]) AS u(id, title, body, prefill, extra, enc, pii, v)
       WHERE t.id = u.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => j(r.prefill)),
        rows.map((r) => j(r.extra)),
        rows.map((r) => r.text_enc),
        rows.map((r) => j(r.pii)),
        rows.map((r) => r.redaction),
      ],
    );
  },

  /** Open deadlines from `from` on, per calendar year, within a queue scope (the workbench's missing-calendar notice). */
  async dueByYear(
    q: Queryable,
    scope: QueueScope,
    from: string,
  ): Promise<{ year: number; n: number; first: string }[]> {
    const params: unknown[] = [from];
    return (
      await q.query<{ year: number; n: number; first: string }>(
        `SELECT extract(year FROM t.due_date)::int AS year, count(*)::int AS n, min(t.due_date)::text AS first FROM tickets t
       WHERE t.closed_at IS NULL AND t.due_date >= $1::date AND ${scopeSql(scope, params)} GROUP BY 1 ORDER BY 1`,
        params,
      )
    ).rows;
  },
  /**
   * Open tickets with a deadline on or after `from` (a holiday schedule from that date on changed), locked for the
   * recount, with the ODR enterprise's own window where it set the ODR deadline.
   */
  async openWithDeadlinesFrom(q: Queryable, from: string) {
    return (
      await q.query<{
        id: string;
        version: number;
        rule_version: string;
        received_date: string;
        deadlines: Record<string, unknown>;
        odr_key: string | null;
        t12345: Transfer12345 | null;
        due_kind: string | null;
        due_date: string | null;
        odr_window_days: number | null;
      }>(
        `SELECT t.id, t.version, t.rule_version, t.received_date::text AS received_date, t.deadlines, t.odr_key, t.t12345, t.due_kind,
              t.due_date::text AS due_date, e.window_days AS odr_window_days
       FROM tickets t LEFT JOIN enterprises e ON e.key = t.odr_key
       WHERE t.closed_at IS NULL
         AND EXISTS (SELECT 1 FROM jsonb_each_text(t.deadlines) d WHERE d.key LIKE '%\\_by' AND d.value >= $1)
       ORDER BY t.id FOR UPDATE OF t`,
        [from],
      )
    ).rows;
  },
  async setDeadlines(
    q: Queryable,
    id: string,
    version: number,
    deadlines: Record<string, unknown>,
    dueDate: string | null,
  ): Promise<boolean> {
    const r = await q.query(
      'UPDATE tickets SET deadlines = $3::jsonb, due_date = $4, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2',
      [id, version, JSON.stringify(deadlines), dueDate],
    );
    return r.rowCount === 1;
  },
};
