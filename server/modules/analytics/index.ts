/** analytics: read models behind the cockpit, the cube, drill-down, exports and public disclosure. */
export { analyticsRoutes } from './http/routes.js';
export { overview, scopeFilter } from './queries/overview.js';
export { DIMENSIONS, type CubeFilter } from './domain/dimensions.js';
