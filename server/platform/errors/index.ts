export { DomainError, ERROR_CODES, fail, type ErrorCode } from './errors.js';
