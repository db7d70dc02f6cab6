/**
 * The live detector of the server: one WarningEngine (server/modules/early-warning) fed with every stored ticket in
 * arrival order. At start it replays the last year from the database (no look-ahead: day by day), then it takes
 * tickets as they are stored, closes a day when the date moves on, and persists each alert — routed to the district
 * where most of its evidence tickets are handled. People on the abnormal list are left out of the counts.
 */
import { appendEvents, event } from '../../platform/events/index.js';
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { WarningEngine, type DayResult } from '../early-warning/index.js';
import type { MineAlert, TifTicket } from '../../../shared/tif.js';
import { alertRepo, type FeedRow } from './repository.js';

export function toTif(r: FeedRow): TifTicket {
  const labels: Record<string, string> = { ...(r.labels ?? {}) };
  if (!labels.goods_service && r.predicted?.goods_service?.label) labels.goods_service = r.predicted.goods_service.label;
  return {
    id: r.id, kind: r.kind, received_at: r.received_at.toISOString(), title: r.title ?? undefined, text: r.body ?? undefined,
    complainant: r.complainant_key ? { id: r.complainant_key } : undefined,
    respondent: r.respondent_name || r.respondent_address || r.platform ? { name: r.respondent_name ?? undefined, address: r.respondent_address ?? undefined, platform: r.platform ?? undefined } : undefined,
    location: r.location ?? undefined, labels, extra: r.district_code ? { district_code: r.district_code } : undefined,
  };
}

export const alertId = (a: MineAlert) => 'A' + createHash('sha1').update(`${a.kind}|${a.subject.type}|${a.subject.key}|${a.detected_at}`).digest('hex').slice(0, 19);

export class WarningService {
  private engine: WarningEngine;
  readonly abnormal = new Set<string>();
  private lastDay: string | null = null;
  private pending: Promise<unknown> = Promise.resolve();
  ready = false;
  stats = { fed: 0, alerts: 0, skippedLate: 0 };

  constructor(private readonly db: Db) {
    this.engine = new WarningEngine({ abnormal: this.abnormal });
  }

  /** Replays history (the last `days` days up to today) so the detector starts with its baselines. */
  async warm(today: string, days = 400, tailFrom?: string): Promise<void> {
    const from = new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
    let after: { at: Date; id: string } | null = null;
    const alerts = new Map<string, MineAlert>();
    for (;;) {
      const rows = await alertRepo.ticketsSince(this.db, from, after, 5000, tailFrom);
      if (!rows.length) break;
      for (const r of rows) this.collect(this.feed(toTif(r)), alerts);
      after = { at: rows[rows.length - 1]!.received_at, id: rows[rows.length - 1]!.id };
      await new Promise((r) => setImmediate(r));
    }
    // close the last complete day; today's tickets stay open until the date moves on
    if (this.lastDay && this.lastDay < today) this.collect(this.engine.flush(), alerts);
    await this.persist([...alerts.values()]);
    this.ready = true;
  }

  /** New tickets (already stored). Back-dated ones (older than the open day) wait for the next replay. */
  offer(tickets: TifTicket[]): void {
    const alerts = new Map<string, MineAlert>();
    for (const t of [...tickets].sort((a, b) => a.received_at.localeCompare(b.received_at))) this.collect(this.feed(t), alerts);
    if (alerts.size) this.pending = this.pending.then(() => this.persist([...alerts.values()])).catch((e) => console.error(`early warning: ${(e as Error).message}`));
  }

  /** Called by the scheduler: closes the open day once the date has moved on. */
  async tick(today: string): Promise<number> {
    if (!this.lastDay || this.lastDay >= today) return 0;
    const alerts = new Map<string, MineAlert>();
    this.collect(this.engine.flush(), alerts);
    this.lastDay = today;
    await this.persist([...alerts.values()]);
    return alerts.size;
  }

  private feed(t: TifTicket): DayResult | undefined {
    const day = WarningEngine.dayOf(t);
    if (this.lastDay && day < this.lastDay) {
      this.stats.skippedLate++;
      return undefined;
    }
    this.lastDay = day;
    this.stats.fed++;
    return this.engine.add(t);
  }

  private collect(r: DayResult | undefined, into: Map<string, MineAlert>): void {
    if (!r) return;
    for (const a of [...r.created, ...r.updated]) into.set(alertId(a), a);
  }

  private async persist(alerts: MineAlert[]): Promise<void> {
    if (!alerts.length) return;
    const rows: Parameters<typeof alertRepo.upsert>[1] = [];
    for (const a of alerts) {
      const d = (await alertRepo.districtsOf(this.db, a.ticket_ids.slice(0, 200)))[0];
      rows.push({
        id: alertId(a), kind: a.kind, subject_type: a.subject.type, subject_key: a.subject.key, subject_label: a.subject.label,
        window_start: a.window_start, window_end: a.window_end, detected_at: a.detected_at, count: a.count, complainants: a.complainants,
        expected: a.expected, score: a.score, recurrence_days: typeof a.recurrence_days === 'number' ? a.recurrence_days : null,
        ticket_ids: a.ticket_ids, district_code: d?.district_code ?? null,
        detail: Object.fromEntries(Object.entries(a).filter(([k]) => !['kind', 'subject', 'window_start', 'window_end', 'detected_at', 'count', 'complainants', 'expected', 'score', 'ticket_ids'].includes(k))),
      });
    }
    // the alerts and their `alert.raised` events commit together (two workers may both raise one: consumers are idempotent)
    this.stats.alerts += await this.db.tx(async (q) => {
      const n = await alertRepo.upsert(q, rows);
      await appendEvents(q, rows.map((r) => event('alert.raised', r.id, { alert_id: r.id, kind: r.kind, district_code: r.district_code, count: r.count })));
      return n;
    });
  }
}
