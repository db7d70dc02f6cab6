export {
  makeSealer,
  mask,
  normaliseIdentifier,
  keyId,
  deriveMacKey,
  resealText,
  type Sealer,
  type SealerOptions,
} from './crypto.js';
export { openKeyring, rotateKeyring, KeyMismatchError } from './keyring.js';
export { resealAll, sealedColumns, type ResealReport } from './reseal.js';
