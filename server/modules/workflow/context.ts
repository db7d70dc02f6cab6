/** What the workflow use cases need from the process: the database, the sealer, the calendar and "today". */
import type { Db, Queryable, ReadRouter } from '../../platform/db/index.js';
import type { Sealer } from '../../platform/crypto/index.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { TemplateFact } from './domain/transfer-12345.js';
import type { TicketRow } from './repository.js';

export interface Ctx {
  db: Db;
  sealer: Sealer;
  cal: () => WorkCalendar;
  /** Asia/Shanghai date of "now"; injectable so tests and the demo can move time */
  today: () => string;
  /** the instant "now", on the same clock as today(): stamps filings, so a frozen today never meets wall-clock times */
  now: () => Date;
  /**
   * 12345 reply templates, filled with a ticket's facts (wired at the composition root: the knowledge base lives in
   * another module, which the workflow does not import). Absent: no template can be found, and reply_12345 is refused.
   */
  replyTemplate?: (q: Queryable, key: string, ticket: TicketRow, today: string) => Promise<TemplateFact | null>;
  /** analytical reads: the replica, or the primary for someone who just wrote (absent: everything on db) */
  reads?: ReadRouter;
}
