/**
 * 经营者投诉信息公示 (public): the page lists businesses above the threshold with their rates, searches by name,
 * and takes a business's correction request, which the admin then sees. No personal data on the page.
 */
import { assert, test } from './harness.js';

test('the public disclosure page shows and searches businesses, and a business files a correction the admin sees', async (c) => {
  const { page } = await c.session(undefined, { width: 1400, height: 1000 });
  await page.goto('/disclosure');
  const table = page.locator('[data-test=disclosure-table]');
  await table.locator('tbody tr').first().waitFor();
  const first = (await table.locator('tbody tr td').first().innerText()).trim();
  assert(first.length >= 2, 'a business is shown');
  const body = await page.locator('main').innerText();
  assert(!/1[3-9]\d{9}|\d{17}[\dX]/.test(body), 'no phone or ID number on the page');
  await c.shot(page, 'disclosure');

  await page.locator('[data-test=disclosure-search] input').fill(first.slice(0, Math.min(6, first.length)));
  await page.getByRole('button', { name: '查询' }).click();
  await table.locator('tbody tr', { hasText: first }).first().waitFor();

  await table.locator('tbody tr', { hasText: first }).first().getByRole('button', { name: '申请更正' }).click();
  await page.locator('[data-test=correction-reason] textarea').fill('其中两件投诉已与消费者和解，请核实后更正调解成功率');
  await page.locator('[data-test=correction-contact] input').fill('13800138000');
  await c.shot(page, 'disclosure-correction');
  await page.locator('[data-test=correction-submit]').click();
  await page.getByText('更正申请已提交').waitFor();

  const admin = await c.session('admin', { width: 1400, height: 1000 });
  await admin.page.goto('/admin/exchange');
  const row = admin.page.locator('[data-test=corrections] tbody tr', { hasText: first }).first();
  await row.waitFor();
  assert((await row.innerText()).includes('138****8000'), 'the contact is masked for the admin');
});
