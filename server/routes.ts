/**
 * Route modules of capabilities beyond the spine (text intelligence, early warning, abnormal list, inspections,
 * analytics). Routes only read and call use cases: follow-on work after a change is never wired here but runs from
 * the outbox (server/roles/subscribers.ts), so every process and the CLI see the same effects.
 */
import type { App } from './app.js';
import type { RouteModule } from './http.js';
import { odrRoutes } from './modules/odr/index.js';
import { assistRoutes, type SimilarService } from './modules/assist/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { inspectionRoutes } from './modules/inspection/index.js';
import { calendarRoutes } from './modules/calendar-admin/index.js';
import { alertRoutes, type WarningService } from './modules/alerts/index.js';
import { abnormalRoutes } from './modules/abnormal-list/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { supervisionRoutes } from './modules/supervision/index.js';
import { adminRoutes } from './modules/admin/index.js';
import { twelve345Routes, type DeliveryConfig } from './modules/twelve345/index.js';
import { knowledgeRoutes } from './modules/knowledge/index.js';
import { monitoringRoutes } from './modules/monitoring/index.js';
import { opsRoutes } from './modules/ops/index.js';
import { exchangeRoutes } from './modules/exchange/index.js';
import { disclosureRoutes } from './modules/disclosure/index.js';

export interface WebServices {
  /** this process's similar-case index (fed by the `similar-index` projection) */
  similar: SimilarService;
  /** the detector's status: the live one when a worker runs in this process, else what the web role can tell */
  detector: Pick<WarningService, 'state'>;
  /** where 12345 replies go (the transfer panel names the channels) */
  delivery12345: DeliveryConfig;
}

export function optionalRoutes(_app: App, s: WebServices): RouteModule[] {
  return [
    (http, a) => odrRoutes(http, a),
    (http, a) => assistRoutes(http, a, s.similar),
    (http, a) => analyticsRoutes(http, a),
    (http, a) => inspectionRoutes(http, a),
    (http, a) => calendarRoutes(http, a),
    (http, a) => alertRoutes(http, a, s.detector),
    (http, a) => abnormalRoutes(http, a),
    (http, a) => attachmentRoutes(http, a),
    (http, a) => supervisionRoutes(http, a),
    (http, a) => adminRoutes(http, a),
    (http, a) => knowledgeRoutes(http, a),
    (http, a) => twelve345Routes(http, a, s.delivery12345),
    (http, a) => monitoringRoutes(http, a),
    (http, a) => opsRoutes(http, a, s.detector),
    (http, a) => exchangeRoutes(http, a),
    (http, a) => disclosureRoutes(http, a),
  ];
}
