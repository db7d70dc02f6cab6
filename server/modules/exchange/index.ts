/** exchange: the national 12315 exchange — export in TIF or a bureau's column mapping, and imports through the server. */
export { exportTickets, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './commands/export-tickets.js';
export { startImport, drainImports, formatOf, IMPORT_SOURCE } from './commands/upload-import.js';
export { getBatch, listBatches } from './queries/batches.js';
export { parseMapping, type ExportMapping } from './domain/mapping.js';
export { loadMapping, NATIONAL_MAPPING_FILE } from './mappings/load.js';
export { exchangeRoutes } from './http/routes.js';
