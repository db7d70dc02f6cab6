/**
 * Route modules of capabilities beyond the spine (text intelligence, early warning, abnormal list, inspections,
 * analytics). Each is registered when its module is present in this build.
 */
import type { App } from './app.js';
import type { RouteModule } from './http.js';
import { odrRoutes } from './modules/odr/index.js';

export async function optionalRoutes(_app: App): Promise<RouteModule[]> {
  return [(http, app) => odrRoutes(http, app)];
}
