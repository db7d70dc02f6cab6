/**
 * What an operator and a load balancer ask: is this process ready (its database answers), where is it connected,
 * how far behind is the replica, how much of the outbox is still to do, how far behind is the detector — and the
 * same as Prometheus gauges. Read at most every 5 s per process, so scrapes and probes cost no scan each.
 */
import type { Ctx } from '../../workflow/index.js';
import { renderGauges, renderHttpMetrics, type GaugeSample } from '../../../platform/metrics/index.js';
import { opsRepo } from '../repository.js';

export interface DetectorView {
  state(): { ready: boolean; lag_seconds: number | null; tickets_seen: number };
}

export interface Readiness {
  status: 'ready';
  database: { kind: string; host: string | null; standby: boolean | null; failovers: number };
  replica: { configured: boolean; lag_bytes: number | null; lag_seconds: number | null; serving_reads: boolean };
  outbox: { subscriber: string; backlog: number; idle_seconds: number }[];
  queues: { status: string; n: number }[];
  detector: { ready: boolean; lag_seconds: number | null; tickets_seen: number };
}

let cached: { at: number; value: Readiness } | null = null;
const CACHE_MS = 5_000;

export async function readiness(ctx: Ctx, detector: DetectorView, fresh = false): Promise<Readiness> {
  if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  // a database that does not answer makes this throw `unavailable` (503): not ready
  await opsRepo.ping(ctx.db);
  const lag = ctx.reads?.lastLag() ?? { bytes: null, seconds: null };
  const [outbox, queues] = await Promise.all([opsRepo.outboxBacklog(ctx.db), opsRepo.queueDepths(ctx.db)]);
  const d = ctx.db.describe?.() ?? { host: null, standby: null, failovers: 0 };
  const det = detector.state();
  const value: Readiness = {
    status: 'ready',
    database: { kind: ctx.db.kind, ...d },
    replica: {
      configured: !!ctx.reads?.replica,
      lag_bytes: lag.bytes,
      lag_seconds: lag.seconds,
      serving_reads: !!ctx.reads?.replica && ctx.reads.reader() === ctx.reads.replica,
    },
    outbox,
    queues,
    detector: { ready: det.ready, lag_seconds: det.lag_seconds, tickets_seen: det.tickets_seen },
  };
  cached = { at: Date.now(), value };
  return value;
}

/** The Prometheus text: this process's request metrics, then the gauges of readiness(). */
export async function metricsText(ctx: Ctx, detector: DetectorView): Promise<string> {
  const r = await readiness(ctx, detector);
  const mem = process.memoryUsage();
  const gauges: GaugeSample[] = [
    { name: 'xiezhi_up', help: 'the database answers (1)', samples: [{ value: 1 }] },
    {
      name: 'xiezhi_db_failovers',
      help: 'times this process lost its database server and looked for another',
      samples: [{ value: r.database.failovers }],
    },
    {
      name: 'xiezhi_replica_lag_bytes',
      help: 'WAL bytes the read replica has yet to replay',
      samples: [{ value: r.replica.lag_bytes }],
    },
    {
      name: 'xiezhi_replica_lag_seconds',
      help: 'seconds the read replica is behind (0 when caught up)',
      samples: [{ value: r.replica.lag_seconds }],
    },
    {
      name: 'xiezhi_outbox_backlog',
      help: 'outbox events a durable subscriber has yet to handle',
      samples: r.outbox.map((o) => ({ labels: { subscriber: o.subscriber }, value: o.backlog })),
    },
    {
      name: 'xiezhi_outbox_cursor_idle_seconds',
      help: 'seconds since a durable subscriber last moved its cursor',
      samples: r.outbox.map((o) => ({ labels: { subscriber: o.subscriber }, value: Math.round(o.idle_seconds) })),
    },
    {
      name: 'xiezhi_queue_depth',
      help: 'open tickets by workflow status',
      samples: r.queues.map((q) => ({ labels: { status: q.status }, value: q.n })),
    },
    {
      name: 'xiezhi_detector_ready',
      help: 'the early-warning detector in this process has replayed and is live (1)',
      samples: [{ value: r.detector.ready ? 1 : 0 }],
    },
    {
      name: 'xiezhi_detector_lag_seconds',
      help: 'seconds the oldest ticket handed to the detector has waited to be taken in (0 when caught up)',
      samples: [{ value: r.detector.lag_seconds }],
    },
    {
      name: 'xiezhi_process_resident_memory_bytes',
      help: 'resident memory of this process',
      samples: [{ value: mem.rss }],
    },
    { name: 'xiezhi_process_heap_used_bytes', help: 'V8 heap in use', samples: [{ value: mem.heapUsed }] },
    {
      name: 'xiezhi_process_uptime_seconds',
      help: 'seconds since this process started',
      samples: [{ value: Math.round(process.uptime()) }],
    },
  ];
  return `${renderHttpMetrics()}\n${renderGauges(gauges)}\n`;
}
