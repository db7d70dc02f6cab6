/**
 * 全国12315数据交换 in the browser (admin): a file from the national platform is uploaded, imported with its bad lines
 * rejected by line number, the batch reconciles; uploading it again stores nothing twice; the export downloads in
 * the national column layout.
 */
import { assert, test } from './harness.js';

// ids unique to this run: a server kept between runs (--keep, E2E_BASE) has the last run's tickets already
const RUN = Date.now().toString(36);
const FILE = [
  JSON.stringify({
    id: `NAT-E2E-${RUN}-1`,
    kind: 'complaint',
    received_at: '2026-11-20T10:00:00+08:00',
    channel: '12315',
    text: '在某健身房办理预付卡后门店关闭，要求退款',
    respondent: { name: '上海示例健身有限公司', address: '上海市徐汇区漕河泾街道虹梅路1号' },
  }),
  'this line is not JSON',
  JSON.stringify({
    id: `NAT-E2E-${RUN}-2`,
    kind: 'consultation',
    received_at: '2026-11-21',
    text: '咨询七日无理由退货的规定',
  }),
].join('\n');

test('an admin uploads a national 12315 file, sees it reconcile, re-uploads without duplicates and downloads an export', async (c) => {
  const { ctx, page } = await c.session('admin', { width: 1400, height: 1000 });
  ctx.setDefaultTimeout(60_000); // an import runs in the background of a shared machine
  await page.goto('/admin/exchange');
  await page.getByRole('heading', { name: '全国12315数据交换' }).waitFor();
  const upload = async () => {
    await page
      .locator('[data-test=import-file]')
      .setInputFiles({ name: 'national-e2e.jsonl', mimeType: 'application/octet-stream', buffer: Buffer.from(FILE) });
    await page.locator('[data-test=import-upload]').click();
    await page.locator('[data-test=import-current]', { hasText: '已完成' }).waitFor();
  };
  await upload();
  const cur = page.locator('[data-test=import-current]');
  await cur.getByText('对账平衡').waitFor();
  assert(
    (await cur.locator('.rejects').innerText()).includes('不是有效的JSON'),
    'the bad line is listed with its reason',
  );
  // the batch list is reloaded once the import is done (the button comes back then)
  await page.locator('[data-test=import-upload]:not([disabled])').waitFor();
  assert((await cur.locator('.rejects td').first().innerText()).trim() === '2', 'rejected at line 2');
  await c.shot(page, 'admin-exchange');

  // the same file again: both tickets are already stored and skipped
  await upload();
  await cur.getByText('跳过 2').waitFor();
  const batches = (await (await ctx.request.get('/api/admin/imports')).json()) as {
    items: { reconciliation: { stored: number; skipped_already_stored: number } }[];
  };
  assert(
    batches.items[0]!.reconciliation.stored === 0 && batches.items[0]!.reconciliation.skipped_already_stored === 2,
    'the re-upload stored nothing',
  );
  assert(batches.items[1]!.reconciliation.stored === 2, 'the first upload stored two tickets');

  const href = await page.locator('[data-test=export-download]').getAttribute('href');
  assert(href?.startsWith('/api/admin/exports?format=csv'), `export link: ${href}`);
  const csv = await ctx.request.get(`${href}&from=2026-11-20&to=2026-11-21`);
  assert(csv.ok(), `export: ${csv.status()}`);
  const text = await csv.text();
  assert(
    text.split('\r\n')[0]!.includes('投诉编号') && text.includes('上海示例健身有限公司'),
    'the export has the national headers and the imported ticket',
  );
});
