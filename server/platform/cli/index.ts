export { progress, type Progress } from './progress.js';
export { parse, requireOpt, intOpt } from './args.js';
