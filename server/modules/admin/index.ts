/** admin: user and role administration, units and the street→station map (issue 15 §1). */
export { adminRoutes } from './http/routes.js';
export { loadStationOverrides } from './queries/street-map.js';
export { lockoutProblem, passwordProblem, unitProblem } from './domain/users.js';
