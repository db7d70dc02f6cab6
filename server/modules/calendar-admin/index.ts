/** calendar-admin: the admin-editable holiday calendar (overrides of server/platform/calendar/holidays.json). */
export { calendarRoutes } from './http/routes.js';
export { updateYear } from './commands/update-year.js';
export { calendarRepo } from './repository.js';
