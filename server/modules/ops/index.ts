/** ops: readiness (/api/ready) and Prometheus metrics (/metrics) of one process and its database. */
export { opsRoutes, mayReadMetrics } from './http/routes.js';
export { readiness, metricsText, type Readiness, type DetectorView } from './queries/status.js';
