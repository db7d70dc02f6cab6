export { csvCell, neutraliseCell } from './cells.js';
export { default as ExcelJS, parseSax, type ExcelJSTypes } from './exceljs.js';
