/** workflow: the statutory state machine over tickets, deadlines, documents, the queue and ticket detail. */
export type { Ctx } from './context.js';
export {
  ACTIONS,
  SPECS,
  TERMINAL,
  DOCUMENT_TITLES,
  NOT_OPEN_REASONS,
  availableActions,
  type Action,
  type ActionInput,
  type DocumentKind,
} from './domain/actions.js';
export { decide, intakeState } from './domain/transitions.js';
export { RULE_SETS, ruleSetFor, ruleSetByVersion, type RuleSet, type ReasonCode } from './domain/rules.js';
export {
  LIMITS_12345,
  STATE_12345_LABELS,
  start12345,
  type Transfer12345,
  type Message12345,
  type TemplateFact,
  type State12345,
} from './domain/transfer-12345.js';
export { clockOf, currentDueKey, type Deadlines } from './domain/deadlines.js';
export { renderDocument } from './domain/documents.js';
export { englishCopy } from './domain/documents-en.js';
export { performAction, type PerformActionOptions } from './commands/perform-action.js';
export { transferTicket } from './commands/transfer-ticket.js';
export { recountOpenDeadlines, type RecountResult } from './commands/recount-deadlines.js';
export { getTicket, getDocument } from './queries/get-ticket.js';
export { listQueue, type QueueQuery } from './queries/list-queue.js';
export { unitNames } from './queries/unit-names.js';
export { ticketRepo, type NewTicketRow, type ProtectedText, type TicketRow } from './repository.js';
export { openComplainant, maskComplainant } from './http/presenters.js';
export { sweepDeadlines } from './jobs/sweep-deadlines.js';
export { originalText, type SealedText, type TextFields } from './domain/sealed-text.js';
import type { Db } from '../../platform/db/index.js';
import type { Sealer } from '../../platform/crypto/index.js';
import { ticketRepo as repo } from './repository.js';
/** At start: seal decision documents stored in clear before sealing at rest existed. */
export const sealLegacyDocuments = (db: Db, sealer: Sealer) => db.tx((q) => repo.sealLegacyDocuments(q, sealer));
