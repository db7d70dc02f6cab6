/**
 * 诉转案 in the browser: the station records an on-site result with a violation, the complaint shows the case lead on
 * its 15-working-day clock; the officer opens the lead and decides 立案 through the ordinary workflow; the complaint
 * then shows the decision, the penalty is recorded with its decision number, and the timeline carries each step. The
 * unified platform's signed webhook delivers a second result (and a replay changes nothing).
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { assert, test } from './harness.js';

/** An Element Plus input by test id: the attribute lands on the native control or on its wrapper, by component. */
const field = (page: Page, id: string) =>
  page
    .locator(
      `[data-testid=${id}] input, [data-testid=${id}] textarea, input[data-testid=${id}], textarea[data-testid=${id}]`,
    )
    .first();

async function waitForText(page: Page, sel: string, text: string, tries = 20) {
  for (let i = 0; i < tries; i++) {
    if ((await page.locator(sel).allInnerTexts()).join(' ').includes(text)) return;
    await page.waitForTimeout(1000);
    if (i % 3 === 2) {
      await page.reload();
      await page.locator('[data-testid=detail-no]').waitFor();
      await page.locator('#tab-inspection').click();
    }
  }
  throw new Error(`assertion failed: ${sel} never showed ${text}`);
}

test('an inspection finding a violation becomes a case; the complaint shows 立案 and the penalty', async (c) => {
  const { ctx, page } = await c.session('officer', { width: 1500, height: 1000 });
  const q = (await (await ctx.request.get('/api/tickets?kind=complaint&limit=50')).json()) as {
    items: { id: string; no: string; status: string; respondent_name: string | null }[];
  };
  // an open complaint about a named business (a rerun against the same server adds another task and case to it)
  const target = q.items.find((x) => x.respondent_name && ['received', 'accepted', 'mediating'].includes(x.status));
  assert(target, 'an open complaint about a named business in the officer’s queue');
  const before = ((await (await ctx.request.get(`/api/tickets/${target.id}/cases`)).json()) as { items: unknown[] })
    .items.length;

  await page.goto(`/workbench?t=${target.id}`);
  await page.locator('[data-testid=detail-no]').waitFor();
  await page.locator('[data-testid=act-inspection]').click();
  await page.locator('[data-testid=inspection-task] form').first().waitFor();
  const task = page.locator('[data-testid=inspection-task]').last();
  await task.locator('input[placeholder^="检查情况"]').fill('现场发现超过保质期食品12件仍在销售，已责令下架并固定证据');
  await task.locator('.el-switch').click();
  await task.locator('button[type=submit]').click();
  await page.locator('[data-testid=case-item]').nth(before).waitFor();
  const item = page.locator('[data-testid=case-item]').last();
  const stage = await item.locator('[data-testid=case-stage]').innerText();
  assert(stage.includes('案源核查中'), `case lead is verifying, got ${stage}`);
  assert((await item.innerText()).includes('15个工作日'), 'the clock’s legal basis is shown');
  await page.locator('[data-testid=case-badge]').waitFor();
  await c.shot(page, 'inspection-case-lead');

  // the lead is an ordinary report ticket: the officer decides 立案 with the state machine's own action
  const leadNo = (await item.locator('[data-testid=case-lead-link]').innerText()).trim();
  await item.locator('[data-testid=case-lead-link]').click();
  await page.locator('[data-testid=detail-no]', { hasText: leadNo }).waitFor();
  await page.locator('[data-testid=act-open_case]').click();
  await field(page, 'act-note').fill('立案审批表 松市监立〔2026〕88号');
  await page.locator('[data-testid=act-confirm]').click();
  await page.locator('[data-testid=detail-status]', { hasText: '已立案' }).waitFor();

  await page.goto(`/workbench?t=${target.id}`);
  await page.locator('[data-testid=detail-no]', { hasText: target.no }).waitFor();
  await page.locator('#tab-inspection').click();
  await waitForText(page, '[data-testid=case-item]:last-child [data-testid=case-stage]', '已立案');
  const penaltyNo = `沪市监处〔2026〕${100 + before}号`;
  const last = page.locator('[data-testid=case-item]').last();
  await last.locator('input[data-testid=penalty-no], [data-testid=penalty-no] input').first().fill(penaltyNo);
  await last.locator('[data-testid=penalty-amount] input, input[data-testid=penalty-amount]').first().fill('5000');
  await last
    .locator('input[data-testid=penalty-summary], [data-testid=penalty-summary] input')
    .first()
    .fill('没收过期食品，罚款5000元');
  await last.locator('[data-testid=penalty-save]').click();
  await page.locator('[data-testid=case-penalty]', { hasText: penaltyNo }).waitFor();
  await page.locator('[data-testid=case-badge]', { hasText: '已作出行政处罚' }).waitFor();
  await c.shot(page, 'inspection-case-penalty');
  await page.locator('.el-tabs__item', { hasText: '时间线' }).click();
  for (const label of ['诉转案：生成案源线索', '案源线索立案决定', '行政处罚决定'])
    await page.locator('.el-timeline-item', { hasText: label }).first().waitFor();
  await c.shot(page, 'inspection-case-timeline');

  // the unified platform pushes a result for a second task: signed, idempotent
  const t2 = (await (await ctx.request.post(`/api/tickets/${target.id}/inspections`, { data: {} })).json()) as {
    id: string;
  };
  const secret = process.env.XIEZHI_REGULATORY_SECRET;
  assert(secret, 'XIEZHI_REGULATORY_SECRET set for the e2e server (scripts/e2e.mjs)');
  const body = JSON.stringify({
    kind: 'inspection.result',
    result_id: `E2E-${t2.id}`,
    inspection_id: t2.id,
    findings: '复查发现价签与实收不符',
    violation: true,
    inspector: '一体化监管平台执法人员',
  });
  const post = (raw: string, signature?: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = signature ?? 'sha256=' + createHmac('sha256', secret).update(`${ts}.`).update(raw).digest('hex');
    return c.browser.newContext({ baseURL: c.base }).then((x) =>
      x.request.post('/api/inspections/results', {
        data: raw,
        headers: { 'content-type': 'application/json', 'x-xiezhi-timestamp': ts, 'x-xiezhi-signature': sig },
      }),
    );
  };
  const refused = await post(body, 'sha256=deadbeef');
  assert(
    refused.status() === 401 && /签名/.test(await refused.text()),
    `unsigned delivery refused with its reason: ${refused.status()}`,
  );
  const first = await post(body);
  assert(first.ok(), `signed delivery accepted: ${first.status()} ${await first.text()}`);
  const again = (await (await post(body)).json()) as { replayed: boolean };
  assert(again.replayed === true, 'a replay answers as the first delivery and changes nothing');
  const cases = (await (await ctx.request.get(`/api/tickets/${target.id}/cases`)).json()) as {
    items: { source: string }[];
  };
  assert(
    cases.items.length === before + 2 && cases.items.some((x) => x.source === 'platform'),
    'the platform’s result opened one more case lead, once',
  );
});
