/**
 * The monitoring loop (seed 004) in the browser, each participant in its own session: the city issues an instruction,
 * the monitoring body receives it and reports findings, the city dispatches to the district, the district handles and
 * reports back, the city closes it; the analyst reads it without any button.
 */
import type { Page } from 'playwright-core';
import { assert, test, chooseOption } from './harness.js';

/** An Element Plus input by test id: the attribute lands on the native control or on its wrapper, by component. */
const field = (page: Page, id: string) =>
  page
    .locator(
      `[data-testid=${id}] input, [data-testid=${id}] textarea, input[data-testid=${id}], textarea[data-testid=${id}]`,
    )
    .first();

async function step(page: Page, action: string, fill: Record<string, string> = {}) {
  await page.locator(`[data-testid=mon-act-${action}]`).first().click();
  for (const [id, v] of Object.entries(fill)) await field(page, id).fill(v);
  await page.locator('[data-testid=ms-submit]').click();
  await page.locator('[data-testid=mon-dialog]').waitFor({ state: 'hidden' });
}

test('the monitoring loop runs from instruction to closure across city, body and district', async (c) => {
  // the demo seats the district supervisor in the busiest district: the findings are placed there
  const district = await c.session('supervisor', { width: 1600, height: 1000 });
  const me = (await (await district.ctx.request.get('/api/me')).json()) as { unit_name: string };
  assert(me.unit_name, 'the supervisor has a district');
  const city = await c.session('admin', { width: 1600, height: 1000 });
  const a = city.page;
  await a.goto('/monitoring');
  await a.locator('[data-testid=mon-issue]').click();
  await field(a, 'mi-title').fill('AI伪造商品破损图片恶意索赔教程专项监测');
  await field(a, 'mi-topic').fill('AI恶意应用');
  await field(a, 'mi-req').fill(
    '监测短视频、社交平台上传授利用AI制作商品破损图片实施“仅退款”的教程及账号，标明账号运营主体属地',
  );
  await field(a, 'mi-kw').fill('AI破损图，仅退款教程');
  await chooseOption(a, '[data-testid=mi-body]', '网络交易监测中心');
  await a.locator('[data-testid=mi-submit]').click();
  await a.locator('[data-testid=mon-state]', { hasText: '待监测机构接收' }).waitFor();
  const id = new URL(a.url()).searchParams.get('m');
  assert(id, 'the new item is opened');

  const body = await c.session('monitor', { width: 1600, height: 1000 });
  const b = body.page;
  await b.goto(`/monitoring?m=${id}`);
  await step(b, 'receive');
  await b.locator('[data-testid=mon-state]', { hasText: '监测中' }).waitFor();
  await b.locator('[data-testid=mon-act-report_findings]').click();
  await field(b, 'ms-summary').fill('发现传授AI造假索赔教程账号2个');
  await field(b, 'mf-platform-0').fill('某短视频平台');
  await field(b, 'mf-account-0').fill('@退款小技巧');
  await field(b, 'mf-desc-0').fill('发布“AI一键生成水果腐烂图申请仅退款”教程视频');
  await chooseOption(b, '[data-testid=mf-district-0]', me.unit_name);
  await b.locator('[data-testid=mf-add]').click();
  await field(b, 'mf-platform-1').fill('某社交平台');
  await field(b, 'mf-account-1').fill('@省钱攻略君');
  await field(b, 'mf-desc-1').fill('售卖AI破损图生成模板');
  await chooseOption(b, '[data-testid=mf-district-1]', me.unit_name);
  await b.locator('[data-testid=ms-submit]').click();
  await b.locator('[data-testid=mon-state]', { hasText: '待市局分派' }).waitFor();
  assert(!(await b.locator('[data-testid=mon-tasks]').count()), 'the body sees no district tasks');

  await a.reload();
  await a.locator('[data-testid=mon-findings]').waitFor();
  await step(a, 'dispatch', { 'ms-instruction': '核查账号运营主体，约谈平台下架，依法查处' });
  await a.locator('[data-testid=mon-state]', { hasText: '区局处置中' }).waitFor();

  const s = district.page;
  await s.goto('/monitoring');
  await s.locator('[data-testid=mon-list] tr', { hasText: 'AI伪造商品破损图片' }).first().click();
  await s.locator('[data-testid=mon-tasks]').waitFor();
  await step(s, 'accept_task');
  await s.locator('[data-testid=mon-tasks]', { hasText: '区局处置中' }).waitFor();
  await s.locator('[data-testid=mon-act-report_handling]').click();
  await field(s, 'ms-handling').fill('约谈2个账号运营者，平台下架视频5条、模板商品3件，立案调查1件');
  await field(s, 'ms-cases').fill('1');
  await field(s, 'ms-accounts').fill('2');
  await s.locator('[data-testid=ms-submit]').click();
  await s.locator('[data-testid=mon-dialog]').waitFor({ state: 'hidden' });
  await s.locator('[data-testid=mon-tasks]', { hasText: '处置结果已反馈' }).waitFor();

  await a.reload();
  await a.locator('[data-testid=mon-state]', { hasText: '待市局办结' }).waitFor();
  await step(a, 'close', { 'ms-close': '全链条闭环：处置账号2个，下架信息8条，立案1件' });
  await a.locator('[data-testid=mon-state]', { hasText: '已办结' }).waitFor();
  const steps = await a.locator('[data-testid=mon-steps] .el-timeline-item').count();
  assert(steps === 7, `seven steps logged, got ${steps}`);
  assert(
    (await a.locator('[data-testid=mon-tasks]').innerText()).includes('立案 1 件，处置账号 2 个'),
    'the district’s figures are shown',
  );
  assert(
    (await a.locator('[data-testid=mon-links] .el-step__title.is-success').count()) === 6,
    'all six links of the chain done',
  );
  const log = await a.locator('[data-testid=mon-steps]').innerText();
  assert(
    log.includes('网络交易监测中心') && log.includes('陈督办') && log.includes('系统管理员'),
    'each step names its owner',
  );
  await c.shot(a, 'monitoring');
  await b.reload();
  await b.locator('[data-testid=mon-state]', { hasText: '已办结' }).waitFor();
  await c.shot(b, 'monitoring-body');

  const an = await c.session('analyst', { width: 1600, height: 1000 });
  await an.page.goto(`/monitoring?m=${id}`);
  await an.page.locator('[data-testid=mon-state]', { hasText: '已办结' }).waitFor();
  assert((await an.page.locator('[data-testid^=mon-act-]').count()) === 0, 'the analyst reads only');
  assert(
    (await an.page.locator('.navlink', { hasText: '监测闭环' }).count()) === 1,
    'the analyst’s menu has the screen',
  );
});
