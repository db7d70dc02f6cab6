import type { Sealer } from '../../../platform/crypto/index.js';
import type { Queryable } from '../../../platform/db/index.js';

/** A ticket's documents (告知书, 决定书 …), stored sealed. */
export const documentRepo = {
  /** Documents name the complainant and quote the complaint: the HTML is stored sealed (html_enc), html stays NULL. */
  async insertDocument(
    q: Queryable,
    sealer: Sealer,
    d: { ticket_id: string; id: string; kind: string; number: string; title: string; html: string; created_by: string },
  ): Promise<void> {
    await q.query(
      'INSERT INTO documents (ticket_id, id, kind, number, title, html_enc, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [d.ticket_id, d.id, d.kind, d.number, d.title, sealer.seal(d.html), d.created_by],
    );
  },

  async documents(q: Queryable, ticketId: string) {
    return (
      await q.query<{ id: string; kind: string; number: string; title: string; created_at: Date }>(
        'SELECT id, kind, number, title, created_at FROM documents WHERE ticket_id = $1 ORDER BY created_at',
        [ticketId],
      )
    ).rows;
  },

  async document(q: Queryable, sealer: Sealer, ticketId: string, docId: string) {
    const r = (
      await q.query<{
        id: string;
        kind: string;
        number: string;
        title: string;
        html: string | null;
        html_enc: string | null;
      }>('SELECT id, kind, number, title, html, html_enc FROM documents WHERE ticket_id = $1 AND id = $2', [
        ticketId,
        docId,
      ])
    ).rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      kind: r.kind,
      number: r.number,
      title: r.title,
      html: r.html_enc ? sealer.open<string>(r.html_enc) : (r.html ?? ''),
    };
  },

  /** Seals documents stored in clear before migration 0030; returns how many. */
  async sealLegacyDocuments(q: Queryable, sealer: Sealer, page = 500): Promise<number> {
    let n = 0;
    for (;;) {
      const rows = (
        await q.query<{ ticket_id: string; id: string; html: string }>(
          'SELECT ticket_id, id, html FROM documents WHERE html_enc IS NULL AND html IS NOT NULL LIMIT $1',
          [page],
        )
      ).rows;
      if (!rows.length) return n;
      for (const r of rows)
        await q.query('UPDATE documents SET html_enc = $3, html = NULL WHERE ticket_id = $1 AND id = $2', [
          r.ticket_id,
          r.id,
          sealer.seal(r.html),
        ]);
      n += rows.length;
    }
  },
};
