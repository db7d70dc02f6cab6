/** All SQL of the odr module. */
export { odrRepo, type EnterpriseRow, type EnrolmentRow } from './enterprises.js';
export { keyRepo, bulkRepo, type ApiKeyRow } from './keys.js';
export { statsRepo, type FirmStatsRow } from './stats.js';
