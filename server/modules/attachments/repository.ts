import type { Queryable } from '../../platform/db/index.js';
import type { Sealer } from '../../platform/crypto/index.js';

export interface AttachmentRow {
  ticket_id: string;
  id: string;
  purpose: string;
  filename: string;
  mime: string | null;
  size: number;
  sha256: string;
  dhash: string | null;
  phash: string | null;
  informative: boolean;
  person_key: string | null;
  flags: unknown[];
  note: string | null;
  uploaded_role: string | null;
  created_at: Date;
}
const COLS =
  'ticket_id, id, purpose, filename, mime, size, sha256, dhash, phash, informative, person_key, flags, note, uploaded_role, created_at';

export const attachmentRepo = {
  /** The file is stored sealed (content_enc, AES-256-GCM under the personal-data key); content stays NULL. */
  async insert(
    q: Queryable,
    sealer: Sealer,
    a: Omit<AttachmentRow, 'created_at'> & { content: Buffer; uploaded_by: string },
  ): Promise<void> {
    await q.query(
      `INSERT INTO attachments (ticket_id, id, purpose, filename, mime, size, sha256, dhash, phash, informative, person_key, flags, content_enc, note, uploaded_by, uploaded_role)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13,$14,$15,$16)`,
      [
        a.ticket_id,
        a.id,
        a.purpose,
        a.filename,
        a.mime,
        a.size,
        a.sha256,
        a.dhash,
        a.phash,
        a.informative,
        a.person_key,
        JSON.stringify(a.flags),
        sealer.sealBytes(a.content),
        a.note,
        a.uploaded_by,
        a.uploaded_role,
      ],
    );
  },
  async forTicket(q: Queryable, ticketId: string, purpose?: string): Promise<AttachmentRow[]> {
    return (
      await q.query<AttachmentRow>(
        `SELECT ${COLS} FROM attachments WHERE ticket_id = $1 AND ($2::text IS NULL OR purpose = $2) ORDER BY created_at`,
        [ticketId, purpose ?? null],
      )
    ).rows;
  },
  async content(q: Queryable, sealer: Sealer, ticketId: string, id: string) {
    const r = (
      await q.query<{
        filename: string;
        mime: string | null;
        content: Uint8Array | null;
        content_enc: Uint8Array | null;
        purpose: string;
      }>('SELECT filename, mime, content, content_enc, purpose FROM attachments WHERE ticket_id = $1 AND id = $2', [
        ticketId,
        id,
      ])
    ).rows[0];
    if (!r) return undefined;
    return {
      filename: r.filename,
      mime: r.mime,
      purpose: r.purpose,
      content: r.content_enc ? sealer.openBytes(r.content_enc) : Buffer.from(r.content ?? []),
    };
  },
  /** Seals files stored in clear before migration 0030, a page at a time; returns how many. */
  async sealLegacy(q: Queryable, sealer: Sealer, page = 200): Promise<number> {
    let n = 0;
    for (;;) {
      const rows = (
        await q.query<{ ticket_id: string; id: string; content: Uint8Array }>(
          'SELECT ticket_id, id, content FROM attachments WHERE content_enc IS NULL AND content IS NOT NULL LIMIT $1',
          [page],
        )
      ).rows;
      if (!rows.length) return n;
      for (const r of rows) {
        await q.query('UPDATE attachments SET content_enc = $3, content = NULL WHERE ticket_id = $1 AND id = $2', [
          r.ticket_id,
          r.id,
          sealer.sealBytes(r.content),
        ]);
      }
      n += rows.length;
    }
  },
  /** Stored images whose dHash shares a 16-bit band with this one (candidates for "the same picture"). */
  async candidates(q: Queryable, dhash: string, excludeTicket: string) {
    const bands = [0, 4, 8, 12].map((i) => dhash.slice(i, i + 4));
    return (
      await q.query<{
        ticket_id: string;
        id: string;
        dhash: string;
        phash: string;
        person_key: string | null;
        informative: boolean;
      }>(
        `SELECT ticket_id, id, dhash, phash, person_key, informative FROM attachments
       WHERE dhash IS NOT NULL AND ticket_id <> $2 AND (substr(dhash,1,4) = $1 OR substr(dhash,5,4) = $3 OR substr(dhash,9,4) = $4 OR substr(dhash,13,4) = $5) LIMIT 500`,
        [bands[0], excludeTicket, bands[1], bands[2], bands[3]],
      )
    ).rows;
  },
};
