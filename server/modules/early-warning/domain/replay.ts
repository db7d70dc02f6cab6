/**
 * Replay of a ticket history day by day with no look-ahead: the engine sees each day's tickets only after the
 * previous day was closed, so `detected_at` is the day a live system would have raised the alert.
 */
import type { MineAlert, TifTicket } from '../../../../shared/tif.js';
import { WarningEngine } from './engine.js';
import type { WarningOptions } from './options.js';

export interface ReplayOptions extends WarningOptions {
  onProgress?: (n: number) => void;
}

export function replayAlerts(tickets: TifTicket[], opts: ReplayOptions = {}): MineAlert[] {
  const { onProgress, ...engineOpts } = opts;
  // Arrival order, as the live server sees tickets (received_at, then id): intraday alerts depend on it.
  const keyed = tickets.map((t) => ({ t, ms: Date.parse(t.received_at) || 0, d: WarningEngine.dayOf(t) }));
  keyed.sort((a, b) =>
    a.d < b.d ? -1 : a.d > b.d ? 1 : a.ms - b.ms || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
  );
  const engine = new WarningEngine(engineOpts);
  let n = 0;
  for (const k of keyed) {
    engine.add(k.t);
    if (++n % 10_000 === 0) onProgress?.(n);
  }
  if (keyed.length) engine.flush();
  onProgress?.(n);
  // A line of text a reader recognises the event by (topic keywords alone are terse): the first evidence ticket's.
  const want = new Set(engine.events().flatMap((a) => a.ticket_ids.slice(0, 5)));
  const byId = new Map<string, TifTicket>();
  for (const t of tickets) if (want.has(t.id)) byId.set(t.id, t);
  for (const a of engine.events()) {
    const t = a.ticket_ids.map((id) => byId.get(id)).find((x) => x && (x.title || x.text));
    if (t) a.exemplar = `${t.title ?? ''} ${t.text ?? ''}`.trim().slice(0, 80);
  }
  return engine
    .events()
    .sort((a, b) => (a.detected_at < b.detected_at ? -1 : a.detected_at > b.detected_at ? 1 : b.score - a.score));
}
