export { makeSealer, mask, normaliseIdentifier, type Sealer } from './crypto.js';
