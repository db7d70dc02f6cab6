/**
 * One codebase, three roles, any mix per process (`xiezhi serve --roles web,worker,scheduler`):
 * - web: the HTTP API and UI; its similar-case index follows the outbox;
 * - worker: the outbox subscribers that do follow-on work (enrichment, the live early-warning detector);
 * - scheduler: the deadline sweep and listing expiry, each a singleton across processes.
 * Nothing is wired by mutating the app: every effect after a change flows through the outbox, so a CLI import into a
 * running server's database, a filing through another web process and a sweep are all seen the same way.
 */
import type { App } from '../app.js';
import { buildHttp } from '../http.js';
import { optionalRoutes } from '../routes.js';
import { EventRunner, type Subscriber } from '../platform/events/index.js';
import type { Http } from '../platform/http/index.js';
import { SimilarService, activeModel } from '../modules/assist/index.js';
import { WarningService, type DetectorState } from '../modules/alerts/index.js';
import { deliveryConfig, type DeliveryConfig } from '../modules/twelve345/index.js';
import {
  caseOutcomeSubscriber,
  delivery12345Subscriber,
  enrichmentSubscriber,
  odrRoutingSubscriber,
  similarProjection,
  warningProjection,
} from './subscribers.js';
import { startScheduler } from './scheduler.js';

export const ROLES = ['web', 'worker', 'scheduler'] as const;
export type RoleName = (typeof ROLES)[number];

export interface RolesOptions {
  /** listen on this port (web); without it the HTTP app is built but not bound (tests use inject) */
  port?: number;
  host?: string;
  log?: boolean;
  /** outbox poll interval (NOTIFY wakes earlier) */
  pollMs?: number;
  /** start the scheduler's timer (default true) */
  scheduler?: boolean;
  /** where 12345 replies go (default: from XIEZHI_12345_* in the environment) */
  twelve345?: DeliveryConfig;
}

export interface Running {
  roles: RoleName[];
  http?: Http;
  runner: EventRunner;
  similar?: SimilarService;
  warning?: WarningService;
  stop(): Promise<void>;
}

export function parseRoles(s: string): RoleName[] {
  const out = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const r of out)
    if (!(ROLES as readonly string[]).includes(r)) throw new Error(`unknown role "${r}" (roles: ${ROLES.join(', ')})`);
  if (!out.length) throw new Error(`--roles needs at least one of ${ROLES.join(', ')}`);
  return out as RoleName[];
}

/** What a web-only process says of the detector: it runs in a worker process, whose state this one does not hold. */
const IDLE_DETECTOR: DetectorState = {
  ready: false,
  replaying: false,
  tickets_seen: 0,
  fed: 0,
  alerts: 0,
  open_day: null,
  cursor: null,
  lag_seconds: null,
  replays: 0,
  backdated: 0,
  held: 0,
  last_replay_seconds: null,
  skippedLate: 0,
};

export async function startRoles(app: App, roles: RoleName[], o: RolesOptions = {}): Promise<Running> {
  const subs: Subscriber[] = [];
  const stops: (() => Promise<void> | void)[] = [];
  let warning: WarningService | undefined;
  const delivery = o.twelve345 ?? deliveryConfig(process.env);
  // load the classifiers before serving, so the first filings do not wait seconds for a model to deserialise
  if (roles.includes('web')) activeModel('kind');
  if (roles.includes('worker')) {
    activeModel('goods_service');
    activeModel('problem');
    warning = new WarningService(app.db);
    subs.push(
      enrichmentSubscriber(app.db),
      odrRoutingSubscriber(app),
      warningProjection(app.db, warning, app.today),
      delivery12345Subscriber(app, delivery),
      caseOutcomeSubscriber(app.db),
    );
    // the detector closes a day once the date has moved on — one worker does it (advisory lock), alerts are upserts
    const w = warning;
    const t = setInterval(() => {
      if (!w.ready) return;
      void app.db
        .singleton('worker.early-warning-day-close', () => w.tick(app.today()))
        .catch((e) => console.error(`early warning: ${(e as Error).message}`));
    }, 60_000);
    t.unref();
    stops.push(() => clearInterval(t));
  }
  let similar: SimilarService | undefined;
  let http: Http | undefined;
  if (roles.includes('web')) {
    similar = new SimilarService(app.db);
    subs.push(similarProjection(app.db, similar));
    // without a worker in this process the detector runs elsewhere; this process can only say it has none
    const detector = warning ?? { state: () => ({ ...IDLE_DETECTOR, runs_elsewhere: true }) };
    http = await buildHttp(app, optionalRoutes(app, { similar, detector, delivery12345: delivery }), { logger: o.log });
    if (o.port !== undefined) await http.listen({ port: o.port, host: o.host ?? '0.0.0.0' });
    const h = http;
    stops.push(() => h.close());
  }
  if (roles.includes('scheduler') && o.scheduler !== false) stops.push(startScheduler(app, undefined, delivery));
  const runner = new EventRunner(app.db, subs, { pollMs: o.pollMs });
  await runner.start();
  return {
    roles,
    http,
    runner,
    similar,
    warning,
    async stop() {
      for (const s of stops) await s();
      await runner.stop();
    },
  };
}
