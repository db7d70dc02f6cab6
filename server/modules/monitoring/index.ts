/** monitoring: the monitoring loop of seed 004 — 监测指令发起→监测机构接收→监测结果反馈→市局分派→区局处置→处置结果反馈. */
export { issueInstruction } from './commands/issue-instruction.js';
export { takeStep } from './commands/take-step.js';
export { listItems, getItem, listBodies } from './queries/items.js';
export { STATES, STATE_LABELS, ACTION_LABELS, LINKS, decide, available } from './domain/loop.js';
export { monitoringRoutes } from './http/routes.js';
