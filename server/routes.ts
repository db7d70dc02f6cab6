/**
 * Route modules of capabilities beyond the spine (text intelligence, early warning, abnormal list, inspections,
 * analytics). Each is registered when its module is present in this build.
 */
import type { App } from './app.js';
import type { RouteModule } from './http.js';
import { odrRoutes } from './modules/odr/index.js';
import { assistRoutes, SimilarService } from './modules/assist/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { inspectionRoutes } from './modules/inspection/index.js';
import { calendarRoutes } from './modules/calendar-admin/index.js';
import { alertRoutes, WarningService } from './modules/alerts/index.js';
import { abnormalRoutes, abnormalRepo } from './modules/abnormal-list/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { supervisionRoutes } from './modules/supervision/index.js';

export async function optionalRoutes(app: App): Promise<RouteModule[]> {
  const similar = new SimilarService(app.db);
  // similar cases stay current as tickets arrive; the index fills from history in the background
  const prev = app.onStored;
  app.onStored = (rows) => {
    prev?.(rows);
    for (const r of rows) if (!r.duplicate_of) similar.add(r.id, `${r.title ?? ''}。${r.body ?? ''}`, r.respondent_name ?? undefined);
  };
  // early warning: baselines from the last year, then every stored ticket as it arrives
  const warning = new WarningService(app.db);
  const prev2 = app.onStored;
  app.onStored = (rows) => {
    prev2?.(rows);
    if (warning.ready) warning.offer(rows.filter((r) => !r.duplicate_of && !r.parent_id).map((r) => ({ id: r.id, kind: r.kind, received_at: r.received_at, title: r.title ?? undefined, text: r.body ?? undefined, complainant: r.complainant_key ? { id: r.complainant_key } : undefined, respondent: { name: r.respondent_name ?? undefined, address: r.respondent_address ?? undefined, platform: r.platform ?? undefined }, location: r.location ?? undefined, labels: r.labels ?? undefined })));
  };
  app.warning = warning;
  // people on the abnormal list are discounted by the detector (one claimant filing fifty tickets is not a group)
  for (const p of await abnormalRepo.activePersons(app.db)) warning.abnormal.add(p);
  app.onEffective = (person, inForce) => (inForce ? warning.abnormal.add(person) : warning.abnormal.delete(person));
  // history replays start once the server listens (serve calls app.startBackground), never during route setup
  app.startBackground = () => {
    void similar.warm().catch((e) => console.error(`similar cases: ${(e as Error).message}`));
    void warning.warm(app.today()).catch((e) => console.error(`early warning: ${(e as Error).message}`));
  };
  return [(http, a) => odrRoutes(http, a), (http, a) => assistRoutes(http, a, similar), (http, a) => analyticsRoutes(http, a), (http, a) => inspectionRoutes(http, a), (http, a) => calendarRoutes(http, a), (http, a) => alertRoutes(http, a, warning), (http, a) => abnormalRoutes(http, a), (http, a) => attachmentRoutes(http, a), (http, a) => supervisionRoutes(http, a)];
}
