import type { Queryable } from '../../platform/db/index.js';

export interface AttachmentRow {
  ticket_id: string; id: string; purpose: string; filename: string; mime: string | null; size: number; sha256: string;
  dhash: string | null; phash: string | null; informative: boolean; person_key: string | null; flags: unknown[]; note: string | null;
  uploaded_role: string | null; created_at: Date;
}
const COLS = 'ticket_id, id, purpose, filename, mime, size, sha256, dhash, phash, informative, person_key, flags, note, uploaded_role, created_at';

export const attachmentRepo = {
  async insert(q: Queryable, a: Omit<AttachmentRow, 'created_at'> & { content: Buffer; uploaded_by: string }): Promise<void> {
    await q.query(`INSERT INTO attachments (ticket_id, id, purpose, filename, mime, size, sha256, dhash, phash, informative, person_key, flags, content, note, uploaded_by, uploaded_role)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13,$14,$15,$16)`,
      [a.ticket_id, a.id, a.purpose, a.filename, a.mime, a.size, a.sha256, a.dhash, a.phash, a.informative, a.person_key, JSON.stringify(a.flags), a.content, a.note, a.uploaded_by, a.uploaded_role]);
  },
  async forTicket(q: Queryable, ticketId: string, purpose?: string): Promise<AttachmentRow[]> {
    return (await q.query<AttachmentRow>(`SELECT ${COLS} FROM attachments WHERE ticket_id = $1 AND ($2::text IS NULL OR purpose = $2) ORDER BY created_at`, [ticketId, purpose ?? null])).rows;
  },
  async content(q: Queryable, ticketId: string, id: string) {
    return (await q.query<{ filename: string; mime: string | null; content: Uint8Array; purpose: string }>('SELECT filename, mime, content, purpose FROM attachments WHERE ticket_id = $1 AND id = $2', [ticketId, id])).rows[0];
  },
  /** Stored images whose dHash shares a 16-bit band with this one (candidates for "the same picture"). */
  async candidates(q: Queryable, dhash: string, excludeTicket: string) {
    const bands = [0, 4, 8, 12].map((i) => dhash.slice(i, i + 4));
    return (await q.query<{ ticket_id: string; id: string; dhash: string; phash: string; person_key: string | null; informative: boolean }>(
      `SELECT ticket_id, id, dhash, phash, person_key, informative FROM attachments
       WHERE dhash IS NOT NULL AND ticket_id <> $2 AND (substr(dhash,1,4) = $1 OR substr(dhash,5,4) = $3 OR substr(dhash,9,4) = $4 OR substr(dhash,13,4) = $5) LIMIT 500`,
      [bands[0], excludeTicket, bands[1], bands[2], bands[3]])).rows;
  },
};
