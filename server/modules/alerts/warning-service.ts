/**
 * The live detector of the server: one WarningEngine (server/modules/early-warning) fed with every stored ticket in
 * arrival order (received_at, id), exactly as `xiezhi mine` replays a file, so both raise the same alerts.
 *
 * How tickets reach it (the wiring, whatever transports them):
 * - `replay()` at start: the whole stored history, page by page, to the end — nothing is cut off by a scheduler
 *   tick (ticks wait until the replay is done) and tickets stored meanwhile are taken in by the same pages.
 * - `ingest(tickets)` for each batch of stored tickets. While a replay runs, batches are held and taken in after it
 *   (those the replay already read are skipped). A back-dated ticket (older than the open day) cannot enter a
 *   streaming engine: it schedules a fresh replay, whose alerts in the past are stored as found retrospectively
 *   (回溯发现) rather than as new.
 * - `tick(today)` from a scheduler: closes the open day once the date has moved on.
 * - `state()` for /api/alerts: tickets seen, the cursor, lag, replays, back-dated tickets.
 * The cursor is saved in detector_state, so after a restart the replay knows which days it had already watched live.
 * Each alert is routed to the district where most of its evidence tickets are handled. People on the abnormal list
 * are left out of the counts.
 */
import { createHash } from 'node:crypto';
import { appendEvents, event } from '../../platform/events/index.js';
import type { Db } from '../../platform/db/index.js';
import { WarningEngine, type DayResult } from '../early-warning/index.js';
import type { MineAlert, TifTicket } from '../../../shared/tif.js';
import { alertRepo, type FeedRow } from './repository.js';
import type { DetectorState } from '../../../shared/alerts.js';

export function toTif(r: FeedRow): TifTicket {
  const labels: Record<string, string> = { ...(r.labels ?? {}) };
  if (!labels.goods_service && r.predicted?.goods_service?.label)
    labels.goods_service = r.predicted.goods_service.label;
  return {
    id: r.id,
    kind: r.kind,
    received_at: r.received_at.toISOString(),
    title: r.title ?? undefined,
    text: r.body ?? undefined,
    complainant: r.complainant_key ? { id: r.complainant_key } : undefined,
    respondent:
      r.respondent_name || r.respondent_address || r.platform
        ? {
            name: r.respondent_name ?? undefined,
            address: r.respondent_address ?? undefined,
            platform: r.platform ?? undefined,
          }
        : undefined,
    location: r.location ?? undefined,
    labels,
    extra: r.district_code ? { district_code: r.district_code } : undefined,
  };
}

export const alertId = (a: MineAlert) =>
  'A' +
  createHash('sha1').update(`${a.kind}|${a.subject.type}|${a.subject.key}|${a.detected_at}`).digest('hex').slice(0, 19);

const NAME = 'early-warning';
const PAGE = 5000;
const order = (at: number, id: string, bAt: number, bId: string) => at - bAt || (id < bId ? -1 : id > bId ? 1 : 0);

/** What /api/alerts reports of the detector (shared with the web: shared/alerts.ts). */
export type { DetectorState };

export class WarningService {
  private engine: WarningEngine;
  readonly abnormal = new Set<string>();
  private pending: Promise<unknown> = Promise.resolve();
  private cursor: { at: number; id: string } | null = null;
  private held: TifTicket[] = [];
  /** When the oldest batch not yet taken in was handed over (null when everything handed over is taken in). */
  private waitingSince: number | null = null;
  private inflight = 0;
  /** ids taken in on the open day: a batch that repeats them (held during a replay that read them) is not counted twice */
  private recent = new Set<string>();
  private replaying: Promise<void> | null = null;
  private again = false;
  private replays = 0;
  private lastReplaySeconds: number | null = null;
  ready = false;
  /** fed = tickets taken in since start (all replays); skippedLate stays 0: back-dated tickets trigger a replay. */
  stats = { fed: 0, alerts: 0, skippedLate: 0, backdated: 0 };

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.engine = new WarningEngine({ abnormal: this.abnormal });
  }

  /**
   * Replays the whole stored history into a fresh engine, then takes in what was held meanwhile. Alerts detected
   * before the day the detector last had open (saved in detector_state) are stored as retrospective, never as new.
   * Concurrent calls share one run; a call during a run schedules one more run after it.
   */
  replay(today?: string): Promise<void> {
    if (this.replaying) {
      this.again = true;
      return this.replaying;
    }
    this.replaying = (async () => {
      do {
        this.again = false;
        await this.replayOnce(today);
      } while (this.again);
    })().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async replayOnce(today?: string): Promise<void> {
    const t0 = Date.now();
    const wasReady = this.ready;
    // From here on batches are accepted (and held until the replay ends): a ticket stored now is either on a page
    // still to be read or in the held batches, never lost between the two.
    this.ready = true;
    const saved = await alertRepo.loadState(this.db, NAME);
    // days the detector had already watched live: alerts found there now come from back-dated tickets
    const watchedUntil = wasReady ? this.engineOpenDay() : (saved?.open_day ?? null);
    const engine = new WarningEngine({ abnormal: this.abnormal });
    let after: { at: Date; id: string } | null = null;
    let last: { at: number; id: string } | null = null;
    const alerts = new Map<string, MineAlert>();
    let fed = 0;
    const recent = new Set<string>();
    let recentDay = '';
    for (;;) {
      const rows = await alertRepo.ticketsSince(this.db, '0001-01-01', after, PAGE);
      if (!rows.length) break;
      for (const r of rows) {
        const t = toTif(r);
        const day = WarningEngine.dayOf(t);
        if (day !== recentDay) {
          recent.clear();
          recentDay = day;
        }
        recent.add(t.id);
        collect(engine.add(t), alerts);
        fed++;
      }
      const end = rows[rows.length - 1]!;
      after = { at: end.received_at, id: end.id };
      last = { at: end.received_at.getTime(), id: end.id };
      await new Promise((r) => setImmediate(r));
    }
    // close the last complete day; today's tickets stay open until the date moves on
    const open = engine.openDay();
    if (open && today && open < today) collect(engine.flush(), alerts);
    this.engine = engine;
    this.recent = recent;
    this.cursor = last;
    this.stats.fed += fed;
    this.replays++;
    await this.persist([...alerts.values()], watchedUntil);
    // batches that arrived during the replay: those it did not read go in now, in arrival order
    const held = this.held.splice(0);
    this.lastReplaySeconds = (Date.now() - t0) / 1000;
    if (held.length) await this.take(held);
    if (!this.inflight) this.waitingSince = null;
    await this.saveState();
  }

  /**
   * Stored tickets, as they are stored (any batch size, any order). Returns when their alerts are persisted.
   * Nothing is dropped: during a replay they are held, and a back-dated ticket schedules a replay.
   */
  ingest(tickets: TifTicket[]): Promise<void> {
    if (!tickets.length) return this.pending.then(() => undefined);
    this.waitingSince ??= this.now().getTime();
    if (!this.ready || this.replaying) {
      this.held.push(...tickets);
      return this.pending.then(() => undefined);
    }
    this.inflight++;
    const run = this.pending
      .then(() => this.take(tickets))
      .catch((e) => console.error(`early warning: ${(e as Error).message}`))
      .finally(() => {
        if (--this.inflight === 0 && !this.held.length && !this.replaying) this.waitingSince = null;
      });
    this.pending = run;
    return run.then(() => undefined);
  }

  private async take(tickets: TifTicket[]): Promise<void> {
    const alerts = new Map<string, MineAlert>();
    let backdated = false;
    const sorted = tickets
      .map((t) => ({ t, at: Date.parse(t.received_at) }))
      .sort((a, b) => order(a.at, a.t.id, b.at, b.t.id));
    for (const { t, at } of sorted) {
      if (this.recent.has(t.id)) continue;
      const open = this.engineOpenDay();
      const day = WarningEngine.dayOf(t);
      // older than the open day: a streaming engine cannot take it in; a replay will
      if (open && day < open) {
        backdated = true;
        continue;
      }
      if (open !== day) this.recent.clear();
      this.recent.add(t.id);
      collect(this.engine.add(t), alerts);
      if (!this.cursor || order(at, t.id, this.cursor.at, this.cursor.id) > 0) this.cursor = { at, id: t.id };
      this.stats.fed++;
    }
    await this.persist([...alerts.values()], null);
    if (backdated) {
      this.stats.backdated++;
      void this.replay().catch((e) => console.error(`early warning: replay: ${(e as Error).message}`));
    } else await this.saveState();
  }

  /** Called by the scheduler: closes the open day once the date has moved on (not before the start-up replay ends). */
  async tick(today: string): Promise<number> {
    if (!this.ready || this.replaying) return 0;
    const open = this.engineOpenDay();
    if (!open || open >= today) return 0;
    await this.pending;
    const alerts = new Map<string, MineAlert>();
    collect(this.engine.flush(), alerts);
    await this.persist([...alerts.values()], null);
    await this.saveState();
    return alerts.size;
  }

  /**
   * The detector's state for /api/alerts. Lag: how long the oldest ticket handed over has waited to be taken in —
   * 0 when the detector has taken in everything (a quiet night is no lag), null before its first replay.
   */
  state(): DetectorState {
    const c = this.cursor;
    return {
      ready: this.ready,
      replaying: !!this.replaying,
      tickets_seen: this.engine.ticketsSeen,
      fed: this.stats.fed,
      alerts: this.stats.alerts,
      open_day: this.engineOpenDay(),
      cursor: c ? { received_at: new Date(c.at).toISOString(), id: c.id } : null,
      lag_seconds:
        this.waitingSince !== null
          ? Math.max(0, Math.round((this.now().getTime() - this.waitingSince) / 1000))
          : this.ready && !this.replaying
            ? 0
            : null,
      replays: this.replays,
      backdated: this.stats.backdated,
      held: this.held.length,
      last_replay_seconds: this.lastReplaySeconds,
      skippedLate: 0,
    };
  }

  /** Resolves when every batch handed to ingest() so far is taken in and persisted (tests, graceful shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      while (this.replaying) await this.replaying;
      await this.pending;
      if (!this.replaying) return;
    }
  }

  private engineOpenDay(): string | null {
    return this.engine.openDay();
  }

  private async saveState(): Promise<void> {
    const c = this.cursor;
    await alertRepo.saveState(this.db, NAME, {
      cursor_at: c ? new Date(c.at) : null,
      cursor_id: c?.id ?? null,
      open_day: this.engineOpenDay(),
      tickets_seen: this.engine.ticketsSeen,
      replays: this.replays,
    });
  }

  /** Upserts alerts; one first detected before `watchedUntil` is stored as found retrospectively (not "new"). */
  private async persist(alerts: MineAlert[], watchedUntil: string | null): Promise<void> {
    if (!alerts.length) return;
    const rows: Parameters<typeof alertRepo.upsert>[1] = [];
    for (const a of alerts) {
      const d = (await alertRepo.districtsOf(this.db, a.ticket_ids.slice(0, 200)))[0];
      const retrospective = watchedUntil !== null && a.detected_at < watchedUntil;
      rows.push({
        id: alertId(a),
        kind: a.kind,
        subject_type: a.subject.type,
        subject_key: a.subject.key,
        subject_label: a.subject.label,
        window_start: a.window_start,
        window_end: a.window_end,
        detected_at: a.detected_at,
        count: a.count,
        complainants: a.complainants,
        expected: a.expected,
        score: a.score,
        recurrence_days: typeof a.recurrence_days === 'number' ? a.recurrence_days : null,
        ticket_ids: a.ticket_ids,
        district_code: d?.district_code ?? null,
        detail: {
          ...Object.fromEntries(
            Object.entries(a).filter(
              ([k]) =>
                ![
                  'kind',
                  'subject',
                  'window_start',
                  'window_end',
                  'detected_at',
                  'count',
                  'complainants',
                  'expected',
                  'score',
                  'ticket_ids',
                ].includes(k),
            ),
          ),
          ...(retrospective ? { retrospective: true } : {}),
        },
      });
    }
    // the alerts and their `alert.raised` events commit together, one event when an alert is first stored (an alert
    // that grows with each new complaint is updated, not raised again; two workers may both raise one: consumers are
    // idempotent); retrospective finds raise no event, since nobody should be told of them as news
    this.stats.alerts += await this.db.tx(async (q) => {
      const added = new Set(await alertRepo.upsert(q, rows));
      const fresh = rows.filter((r) => added.has(r.id) && !(r.detail as { retrospective?: boolean }).retrospective);
      await appendEvents(
        q,
        fresh.map((r) =>
          event('alert.raised', r.id, { alert_id: r.id, kind: r.kind, district_code: r.district_code, count: r.count }),
        ),
      );
      return added.size;
    });
  }
}

function collect(r: DayResult | undefined, into: Map<string, MineAlert>): void {
  if (!r) return;
  for (const a of [...r.created, ...r.updated]) into.set(alertId(a), a);
}
