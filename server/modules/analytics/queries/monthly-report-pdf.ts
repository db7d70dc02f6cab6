/** The monthly report as a PDF: figures from the database, laid out as HTML with server-side charts, printed A4. */
import type { Queryable } from '../../../platform/db/index.js';
import { monthlyReportData } from './monthly-report.js';
import { reportHtml } from '../report/html.js';
import { monthEn, reportHtmlEn } from '../report/html-en.js';
import type { ReportLang } from '../report/charts.js';
import { htmlToPdf } from '../report/pdf.js';

export async function monthlyReportPdf(
  db: Queryable,
  month: string,
  today: string,
  lang: ReportLang = 'zh',
): Promise<{ pdf: Buffer; html: string; tickets: number }> {
  const data = await monthlyReportData(db, month, today);
  // 'en' is the English reading copy: the same figures (one query), worded in English
  const html = lang === 'en' ? reportHtmlEn(data) : reportHtml(data);
  const pdf = await htmlToPdf(
    html,
    lang === 'en'
      ? `12315 Monthly Analysis (${monthEn(month)})`
      : `12315 投诉举报月度分析报告（${month.slice(0, 4)}年${Number(month.slice(5))}月）`,
    lang,
  );
  return { pdf, html, tickets: data.totals.cur.tickets };
}
