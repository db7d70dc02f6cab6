/** intake: tickets from every channel (web, hotline, 12345 API, batch files) into the statutory workflow. */
export { ingestTickets, type IntakeCtx, type Enrichment, type IngestResult } from './commands/ingest-tickets.js';
export { importFile, type ImportOptions, type ImportSummary } from './commands/import-file.js';
export { normaliseTicket, normaliseKind, hasReportPart, ticketIdFor } from './domain/normalise.js';
export { normaliseBusinessKey } from './domain/business-key.js';
export { resolveMapping, rowToTicket, type ColumnMap } from './domain/columns.js';
export { fileTicket, filingBatches, trackHash, type FileTicketInput } from './commands/file-ticket.js';
export { fileBody } from './http/routes.js';
export { trackTicket, rateTicket } from './queries/track-ticket.js';
export { redactStoredTexts } from './commands/redact-stored.js';
export { protectText, REDACTION_VERSION } from './domain/protect-text.js';
