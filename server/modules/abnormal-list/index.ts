/** abnormal-list: the persisted 投诉举报异常名录 with due process, sharing and the ticket risk panel. */
export { proposeEntries } from './commands/propose-entries.js';
export { actOnEntry, expireEntries } from './commands/act-on-entry.js';
export { listEntries, getEntry, riskOfTicket, shareList } from './queries/entries.js';
export { abnormalRoutes } from './http/routes.js';
export { abnormalRepo } from './repository.js';
