export {
  audit,
  auditTrail,
  auditSearch,
  type AuditEntry,
  type AuditAction,
  type AuditRow,
  type AuditQuery,
} from './audit.js';
export { verifyAuditChain, GENESIS, type VerifyResult } from './verify.js';
export { auditCsv } from './csv.js';
