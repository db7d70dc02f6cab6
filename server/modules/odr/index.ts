/** odr: enterprises enrolled in online dispute resolution, their inbox scope and statistics. */
export { odrRepo, type EnterpriseRow } from './repository.js';
export { odrRoutes } from './http/routes.js';
