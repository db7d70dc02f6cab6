/**
 * The data half of migration 0010: tickets stored before free text was redacted (redaction = 0) get their title,
 * text, pre-fill and extra redacted and the original sealed — in batches, each in its own transaction, so a large
 * database converts while nothing else runs and an interrupted start resumes where it stopped. SQL alone cannot do
 * it: the seal needs the key. Afterwards the table is rewritten (VACUUM FULL) so the clear text does not linger in
 * dead row versions; the WAL recycles on its own.
 */
import type { Db } from '../../../platform/db/index.js';
import type { Sealer } from '../../../platform/crypto/index.js';
import { ticketRepo } from '../../workflow/index.js';
import { protectText } from '../domain/protect-text.js';

export async function redactStoredTexts(
  db: Db,
  sealer: Sealer,
  o: { batch?: number; log?: (msg: string) => void } = {},
): Promise<number> {
  const batch = o.batch ?? 2000;
  let n = 0;
  for (;;) {
    const rows = await ticketRepo.unredacted(db, batch);
    if (!rows.length) break;
    const out = rows.map((r) => {
      let known: { name?: string; phone?: string; id_number?: string } = {};
      try {
        known = r.complainant_enc ? sealer.open(r.complainant_enc) : {};
      } catch {
        known = {};
      }
      return { id: r.id, ...protectText(r, sealer, known) };
    });
    await db.tx((q) => ticketRepo.storeRedacted(q, out));
    n += rows.length;
    if (n % 20_000 < batch) o.log?.(`redacting stored texts: ${n}`);
  }
  if (n > 0) {
    try {
      await db.exec('VACUUM FULL tickets');
    } catch {
      // a role without the right to VACUUM FULL: the dead row versions go with the next autovacuum and page reuse
    }
  }
  return n;
}
