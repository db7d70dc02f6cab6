export {
  DomainError,
  ENGLISH_BY_CODE,
  ERROR_CODES,
  fail,
  hasCjk,
  messageFor,
  requestLocale,
  type Bilingual,
  type ErrorCode,
  type Locale,
  type Message,
} from './errors.js';
