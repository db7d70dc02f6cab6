/** What the workflow use cases need from the process: the database, the sealer, the calendar and "today". */
import type { Db, ReadRouter } from '../../platform/db/index.js';
import type { Sealer } from '../../platform/crypto/index.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';

export interface Ctx {
  db: Db;
  sealer: Sealer;
  cal: () => WorkCalendar;
  /** Asia/Shanghai date of "now"; injectable so tests and the demo can move time */
  today: () => string;
  /** the instant "now", on the same clock as today(): stamps filings, so a frozen today never meets wall-clock times */
  now: () => Date;
  /** analytical reads: the replica, or the primary for someone who just wrote (absent: everything on db) */
  reads?: ReadRouter;
}
