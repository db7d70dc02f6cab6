/** analytics: read models behind the cockpit, the cube, drill-down, exports, the monthly report and public disclosure. */
export { analyticsRoutes } from './http/routes.js';
export { overview, scopeFilter, computeOverview } from './queries/overview.js';
export { DIMENSIONS, type CubeFilter } from './domain/dimensions.js';
export { isMonth } from './domain/report-period.js';
export { monthlyReportPdf } from './queries/monthly-report-pdf.js';
export { pdfPages, PdfUnavailable } from './report/pdf.js';
export { monthlyReportData } from './queries/monthly-report.js';
export { analyticsRepo } from './repository.js';
export { exportRowsCsv } from './http/export.js';
