export { readTif, loadTif, toTicket, openInput, InputError, type TifLine } from './read.js';
export { tifWriter, type TifWriter } from './write.js';
