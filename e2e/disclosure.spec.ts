/**
 * 经营者投诉信息公示 (public): the page lists businesses above the threshold with their rates, searches by name,
 * and takes a business's correction request, which the admin then sees. No personal data on the page.
 */
import { assert, test } from './harness.js';

test('the public disclosure page shows and searches businesses, and a business files a correction the admin sees on the exchange screen', async (c) => {
  const { ctx, page } = await c.session(undefined, { width: 1400, height: 1000 });
  ctx.setDefaultTimeout(60_000);
  await page.goto('/disclosure');
  const table = page.locator('[data-test=disclosure-table]');
  await table.locator('tbody tr').first().waitFor();
  const first = (await table.locator('tbody tr td').first().innerText()).trim();
  assert(first.length >= 2, 'a business is shown');
  // a business's 18-character credit code is public; anything else shaped like a phone or ID number is not
  const codes = await table.locator('tbody td.mono').allInnerTexts();
  const body = codes.reduce((t, code) => t.split(code.trim()).join(' '), await page.locator('main').innerText());
  assert(
    !/(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/.test(body),
    'no phone or ID number on the page',
  );
  await c.shot(page, 'disclosure');

  await page.getByLabel('搜索经营者').fill(first.slice(0, Math.min(6, first.length)));
  await page.getByRole('button', { name: '查询' }).click();
  await table.locator('tbody tr', { hasText: first }).first().waitFor();

  await table.locator('tbody tr', { hasText: first }).first().getByRole('button', { name: '申请更正' }).click();
  await page.getByLabel('更正理由').fill('其中两件投诉已与消费者和解，请核实后更正调解成功率');
  await page.getByLabel('联系方式', { exact: true }).fill('13800138000');
  await c.shot(page, 'disclosure-correction');
  await page.locator('[data-test=correction-submit]').click();
  await page.getByText('更正申请已提交').waitFor();

  const admin = await c.session('admin', { width: 1400, height: 1000 });
  admin.ctx.setDefaultTimeout(60_000);
  await admin.page.goto('/admin/exchange');
  const row = admin.page.locator('[data-test=corrections] tbody tr', { hasText: first }).first();
  await row.waitFor();
  assert((await row.innerText()).includes('138****8000'), 'the contact is masked for the admin');
});
