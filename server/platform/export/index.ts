export { csvCell, neutraliseCell } from './cells.js';
