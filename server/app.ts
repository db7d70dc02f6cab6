/**
 * Composition root: opens the database (PGlite in DIR, or DATABASE_URL), migrates, seeds the organisation, loads the
 * calendar with admin overrides, and wires the module contexts. Used by `serve`, the CLI batch commands and tests.
 */
import { calendar, setCalendar, WorkCalendar, builtinCalendarData, shanghaiDate, type CalendarData } from './platform/calendar/index.js';
import { loadConfig } from './platform/config/index.js';
import { makeSealer } from './platform/crypto/index.js';
import { migrate, openDb, type Db } from './platform/db/index.js';
import { seedOrganisation } from './modules/access/index.js';
import type { IntakeCtx } from './modules/intake/index.js';
import { intakeEnrich, kindOnlyEnrich } from './modules/assist/index.js';
import { calendarRepo } from './modules/calendar-admin/index.js';
import { abnormalRepo } from './modules/abnormal-list/index.js';

export interface App extends IntakeCtx {
  close(): Promise<void>;
  dataDir: string;
  keySource: string;
}

export interface OpenAppOptions {
  dataDir?: string;
  /** already opened database (tests) */
  db?: Db;
  key?: string;
  /** fixed "today" (tests, demo replays) */
  today?: string;
  /**
   * classify at intake: true (default: batch imports, tests), 'kind' (the web role: only a missing kind on the request
   * path, the categories follow from a worker), false (nothing)
   */
  enrich?: boolean | 'kind';
}

export async function openApp(o: OpenAppOptions = {}): Promise<App> {
  const cfg = o.key ? { databaseUrl: process.env.DATABASE_URL, dataDir: o.dataDir ?? '', key: o.key, keySource: 'test' as const } : loadConfig({ dataDir: o.dataDir });
  const db = o.db ?? (await openDb(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir }));
  await migrate(db);
  await seedOrganisation(db);
  await loadCalendarOverrides(db);
  const sealer = makeSealer(cfg.key);
  const clock = makeClock(o.today);
  return {
    enrich: o.enrich === false ? undefined : o.enrich === 'kind' ? kindOnlyEnrich : intakeEnrich,
    listedAmong: (keys) => abnormalRepo.listedAmong(db, keys, clock.today()),
    db,
    sealer,
    cal: calendar,
    today: clock.today,
    now: clock.now,
    dataDir: cfg.dataDir,
    keySource: cfg.keySource,
    async close() {
      if (!o.db) await db.close();
    },
  };
}

/** Admin edits of the holiday calendar are stored per year and override the shipped file. */
async function loadCalendarOverrides(db: Db): Promise<void> {
  const rows = await calendarRepo.years(db);
  if (!rows.length) return;
  const years: CalendarData['years'] = { ...builtinCalendarData.years };
  for (const row of rows) years[String(row.year)] = row.data;
  setCalendar(new WorkCalendar({ ...builtinCalendarData, version: `${builtinCalendarData.version}+db`, years }));
}

/**
 * The process clock. With a fixed "today" (tests, demo replays) time still advances from 10:00 Shanghai of that day, so
 * filings keep their order, but every date the code sees agrees with today() whatever the wall clock says.
 */
export function makeClock(today?: string): { now: () => Date; today: () => string } {
  if (!today) return { now: () => new Date(), today: () => shanghaiDate(new Date()) };
  const base = Date.parse(`${today}T02:00:00Z`);
  const started = Date.now();
  const now = () => new Date(base + (Date.now() - started));
  return { now, today: () => shanghaiDate(now()) };
}
