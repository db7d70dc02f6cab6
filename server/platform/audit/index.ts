export { audit, auditTrail, type AuditEntry, type AuditAction } from './audit.js';
