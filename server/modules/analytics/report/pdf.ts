/**
 * HTML → A4 PDF with Debian's Chromium through playwright-core (already the browser-test dependency): the report's
 * layout is CSS and its charts SVG, so the printer only lays out. Page numbers in the footer.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export class PdfUnavailable extends Error {}

/** `lang: 'en'` words the page footer in English (the report's English reading copy). */
export async function htmlToPdf(html: string, title: string, lang: 'zh' | 'en' = 'zh'): Promise<Buffer> {
  if (!existsSync(CHROMIUM))
    throw new PdfUnavailable(
      `no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM)`,
    );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    // the document is self-contained: nothing may be fetched while printing
    await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-family:'Noto Sans CJK SC',sans-serif;font-size:7.5pt;color:#777;width:100%;padding:0 16mm;text-align:right">${title.replace(/[<>&]/g, '')}</div>`,
      footerTemplate: `<div style="font-family:'Noto Sans CJK SC',sans-serif;font-size:8pt;color:#555;width:100%;text-align:center">${lang === 'en' ? 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>' : '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页'}</div>`,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}

/** Pages of a PDF Chromium wrote (its page objects are uncompressed `/Type /Page` dictionaries). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
