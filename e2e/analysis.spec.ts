/**
 * 多维分析 in the browser (analyst): the cube's pivot and chart, a drill-down from a cell to its tickets and back as a
 * filter, an export of every row as XLSX behind the purpose dialog, the 一老一小 and 电商平台 tabs, and the cockpit's
 * monthly report download. No raw workflow code may show on these Chinese screens.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { assert, test, chooseOption } from './harness.js';

async function noRawCodes(p: Page, where: string) {
  const text = await p.locator('body').innerText();
  const raw = text.match(
    /\b(complaint|consultation|received|triage|mediating|verifying|under_review|proposed|odr_settled|old_young|on_time|age_group|undefined|null|NaN)\b/g,
  );
  assert(!raw, `${where} shows raw codes: ${raw?.join(', ')}`);
}

test('an analyst pivots the cube, drills to tickets, exports XLSX with a purpose, and reads 一老一小 and the platforms', async (c) => {
  const { page } = await c.session('analyst', { width: 1500, height: 1000 });
  await page.goto('/analysis', { timeout: 90_000 });
  await page.locator('[data-testid=pivot] [data-testid=pivot-cell]').first().waitFor({ timeout: 90_000 });
  const total = Number((await page.locator('[data-testid=pivot-total]').innerText()).replace(/\D/g, ''));
  assert(total > 100, `pivot total ${total}`);
  assert((await page.locator('[data-testid=pivot] thead', { hasText: '区' }).count()) === 1, 'rows are districts');
  assert(
    (await page.locator('[data-testid=pivot] tbody', { hasText: '浦东新区' }).count()) === 1,
    'district names, not codes',
  );
  await noRawCodes(page, 'cube');
  await c.shot(page, 'analysis-cube');

  // drill from a cell: the drawer's count equals the cell
  const cell = page.locator('[data-testid=pivot-cell]').first();
  const n = Number((await cell.innerText()).replace(/\D/g, ''));
  await cell.click();
  await page.locator('[data-testid=analysis-drill-row]').first().waitFor();
  const drilled = Number((await page.locator('[data-testid=analysis-drill-total]').innerText()).replace(/\D/g, ''));
  assert(drilled === n, `drill-down ${drilled} = cell ${n}`);
  await c.shot(page, 'analysis-drill');
  await page.locator('[data-testid=drill-slice]').click();
  await page.locator('[data-testid=cube-slice]').first().waitFor();

  // export every row behind the slice as XLSX; the purpose is asked first
  await page.locator('[data-testid=cube-export]').click();
  await page.locator('[data-testid=export-dialog] [data-testid=export-rows]').click();
  assert(await page.locator('[data-testid=export-go]').isDisabled(), 'no export before a purpose is chosen');
  await chooseOption(page, '[data-testid=export-purpose]', '专题分析');
  await c.shot(page, 'analysis-export');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-go]').click()]);
  const path = await dl.path();
  assert(dl.suggestedFilename().endsWith('.xlsx'), `file ${dl.suggestedFilename()}`);
  assert(path && statSync(path).size > 2000, 'an XLSX file came down');

  await page.locator('#tab-old-young').click();
  await page.locator('[data-testid="oy-涉老年人"] .cv', { hasText: /[1-9]/ }).waitFor({ timeout: 60_000 });
  const elderly = Number((await page.locator('[data-testid="oy-涉老年人"] .cv').innerText()).replace(/\D/g, ''));
  assert(elderly > 0, `elderly tickets ${elderly}`);
  await noRawCodes(page, '一老一小');
  await c.shot(page, 'analysis-old-young');

  await page.locator('#tab-platforms').click();
  await page.locator('[data-testid=platform-row]').first().waitFor({ timeout: 60_000 });
  assert((await page.locator('[data-testid=platform-row]').count()) >= 3, 'several platforms');
  await noRawCodes(page, '电商平台');
  await c.shot(page, 'analysis-platforms');

  // the cockpit's monthly report button downloads the PDF
  await page.goto('/cockpit', { timeout: 90_000 });
  await page.locator('[data-testid=report-download]').waitFor();
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('[data-testid=report-download]').click(),
  ]);
  const pdfPath = await pdf.path();
  assert(pdf.suggestedFilename().endsWith('.pdf'), `file ${pdf.suggestedFilename()}`);
  assert(pdfPath && statSync(pdfPath).size > 50_000, 'a PDF came down');
});
