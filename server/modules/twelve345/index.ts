/**
 * twelve345: 12345 transfers (转办件) — intake by work-order number with 重办, the transfer panel, reply templates of
 * the seven categories (from the knowledge base), delivery of replies and returns to the centre (HTTP endpoint and file drop), its feedback.
 * The 12345 actions themselves (sign/return/reply/extend) are workflow actions (workflow/domain/transfer-12345.ts).
 */
export { receiveTransfer, type TransferItem } from './commands/receive-transfers.js';
export { recordFeedback } from './commands/record-feedback.js';
export { enqueueMessages, deliverDue } from './commands/deliver-messages.js';
export { transferPanel } from './queries/transfer-panel.js';
export { replyTemplate12345, templatesFor } from './queries/templates.js';
export { deliveryConfig, idempotencyKey, type DeliveryConfig } from './domain/delivery.js';
export { SATISFACTION_12345, SATISFACTION_12345_LABELS } from './domain/satisfaction.js';
export { twelve345Routes } from './http/routes.js';
