/** The monthly report as a PDF: figures from the database, laid out as HTML with server-side charts, printed A4. */
import type { Queryable } from '../../../platform/db/index.js';
import { monthlyReportData } from './monthly-report.js';
import { reportHtml } from '../report/html.js';
import { htmlToPdf } from '../report/pdf.js';

export async function monthlyReportPdf(
  db: Queryable,
  month: string,
  today: string,
): Promise<{ pdf: Buffer; html: string; tickets: number }> {
  const data = await monthlyReportData(db, month, today);
  const html = reportHtml(data);
  const pdf = await htmlToPdf(html, `12315 投诉举报月度分析报告（${month.slice(0, 4)}年${Number(month.slice(5))}月）`);
  return { pdf, html, tickets: data.totals.cur.tickets };
}
