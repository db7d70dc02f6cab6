/**
 * Composition root: opens the database (PGlite in DIR, or DATABASE_URL), migrates, seeds the organisation, loads the
 * calendar with admin overrides, and wires the module contexts. Used by `serve`, the CLI batch commands and tests.
 */
import {
  calendar,
  setCalendar,
  WorkCalendar,
  builtinCalendarData,
  shanghaiDate,
  type CalendarData,
} from './platform/calendar/index.js';
import { loadConfig, type Config } from './platform/config/index.js';
import { openKeyring } from './platform/crypto/index.js';
import {
  grantApplicationRole,
  maintainPartitions,
  migrate,
  openDb,
  ReadRouter,
  refreshStatistics,
  retentionFromEnv,
  roleOf,
  type Db,
} from './platform/db/index.js';
import { seedOrganisation } from './modules/access/index.js';
import type { IntakeCtx } from './modules/intake/index.js';
import { intakeEnrich, kindOnlyEnrich, loadActiveModels } from './modules/assist/index.js';
import { calendarRepo } from './modules/calendar-admin/index.js';
import { abnormalRepo } from './modules/abnormal-list/index.js';
import { sealLegacyAttachments } from './modules/attachments/index.js';
import { sealLegacyDocuments, ticketRepo } from './modules/workflow/index.js';
import { redactStoredTexts } from './modules/intake/index.js';
import { loadStationOverrides } from './modules/admin/index.js';
import { replyTemplate12345 } from './modules/twelve345/index.js';
import { seedKnowledge } from './modules/knowledge/index.js';

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
  /** an already opened replica for analytical reads (tests; otherwise DATABASE_REPLICA_URL) */
  replica?: Db;
}

export async function openApp(o: OpenAppOptions = {}): Promise<App> {
  const cfg = o.key
    ? {
        databaseUrl: process.env.DATABASE_URL,
        replicaUrl: undefined,
        migrationUrl: undefined,
        dataDir: o.dataDir ?? '',
        key: o.key,
        keySource: 'test' as const,
        previousKeys: [] as string[],
      }
    : loadConfig({ dataDir: o.dataDir });
  const separateRoles = !o.db && !!cfg.databaseUrl && !!cfg.migrationUrl;
  if (separateRoles) {
    // separate roles: the owner migrates and grants, the application role only reads and writes data
    const owner = await openDb({ url: cfg.migrationUrl });
    try {
      await migrate(owner);
      // month partitions ahead and retention drops need the owner (partitions.ts); new months are granted after
      await maintainPartitions(owner, retentionFromEnv());
      await grantApplicationRole(owner, roleOf(cfg.databaseUrl!));
    } finally {
      await owner.close();
    }
  }
  const db = o.db ?? (await openDb(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir }));
  try {
    return await prepare(db, cfg, separateRoles, o);
  } catch (e) {
    // a refused key or a failed migration must not leave the directory open (and locked) in this process
    if (!o.db) await db.close().catch(() => undefined);
    throw e;
  }
}

async function prepare(
  db: Db,
  cfg: Pick<Config, 'dataDir' | 'key' | 'keySource' | 'previousKeys' | 'replicaUrl'>,
  separateRoles: boolean,
  o: OpenAppOptions,
): Promise<App> {
  if (!separateRoles) {
    await migrate(db);
    await maintainPartitions(db, retentionFromEnv());
  }
  // PGlite has no autovacuum: tables loaded by an earlier process are analyzed here (a server's autovacuum does it)
  await refreshStatistics(db);
  await seedOrganisation(db);
  // a shard of a province writes its prefix into new ticket numbers (0170); unset leaves the stored prefix alone
  const shard = process.env.XIEZHI_SHARD;
  if (shard !== undefined) {
    if (!/^[0-9]{0,4}$/.test(shard)) throw new Error(`XIEZHI_SHARD must be 0 to 4 digits (got ${shard})`);
    await ticketRepo.setShardPrefix(db, shard);
  }
  await loadCalendarOverrides(db);
  // the administrator's street→station map (street_stations) steers auto-dispatch in every process
  await loadStationOverrides({ db });
  // the model versions an admin switched on are stored in the database: they replace the shipped defaults again
  await loadActiveModels(db);
  const sealer = await openKeyring(db, cfg.key, { previous: cfg.previousKeys });
  // rows stored before sealing at rest (migration 0030) are sealed now, once
  await sealLegacyAttachments(db, sealer);
  await sealLegacyDocuments(db, sealer);
  // migration 0010's data half: texts stored before redaction are redacted and sealed (a no-op once done)
  await redactStoredTexts(db, sealer, { log: (m) => console.error(m) });
  const clock = makeClock(o.today);
  // shipped templates, guide and legal library: loaded idempotently (a bureau's template edits are never replaced)
  await seedKnowledge(db, clock.now());
  const replica = o.replica ?? (cfg.replicaUrl && !o.db ? await openDb({ url: cfg.replicaUrl }) : undefined);
  // how stale the cockpit may be for everyone (read-your-writes does not depend on it: it follows WAL positions)
  const reads = new ReadRouter(db, replica, Number(process.env.XIEZHI_REPLICA_MAX_LAG_MS ?? 60_000));
  const stopLag = reads.watch();
  return {
    enrich: o.enrich === false ? undefined : o.enrich === 'kind' ? kindOnlyEnrich : intakeEnrich,
    listedAmong: (keys) => abnormalRepo.listedAmong(db, keys, clock.today()),
    db,
    reads,
    sealer,
    cal: calendar,
    today: clock.today,
    now: clock.now,
    replyTemplate: replyTemplate12345,
    dataDir: cfg.dataDir,
    keySource: cfg.keySource,
    async close() {
      stopLag();
      if (!o.replica) await replica?.close();
      if (!o.db) {
        // what this process loaded (a demo city, an import) is planned with fresh statistics by the next one
        await refreshStatistics(db).catch((e) => console.error(`statistics: ${(e as Error).message}`));
        await db.close();
      }
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
