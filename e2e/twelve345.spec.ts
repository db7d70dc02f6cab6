/**
 * 12345 转办件 in the browser: the centre transfers a work order (API), the station signs for it in the ticket's 12345
 * panel, picks the template of its category, writes what the template leaves open and sends the reply, which the
 * delivery shows as 已送达; the centre's satisfaction and a 重办 of the same work order show on the ticket. A second
 * transfer is returned with a coded reason.
 * scripts/e2e.mjs delivers the replies to a file drop in its data directory (XIEZHI_12345_DROP_DIR); a loopback HTTP
 * centre for a server of your own: scripts/loopback-12345.mjs (see README).
 */
import type { APIRequestContext } from 'playwright-core';
import { assert, test, chooseOption } from './harness.js';

/** A street address in the officer's own station, taken from a ticket it handles (the demo places the officer). */
async function stationAddress(req: APIRequestContext): Promise<string> {
  const q = (await (await req.get('/api/tickets?limit=50')).json()) as { items: { id: string }[] };
  for (const it of q.items) {
    const d = (await (await req.get(`/api/tickets/${it.id}`)).json()) as {
      ticket: { respondent: { address: string | null } };
    };
    const m = /^(.*?(?:街道|镇))/.exec(d.ticket.respondent.address ?? '');
    if (m) return m[1]!;
  }
  throw new Error("no ticket with a street address in the officer's station");
}

// a fresh complainant per run: the same person about the same business would be linked as a repeat (重复件)
const transfer = (wo: string, text: string, street: string) => ({
  items: [
    {
      client_key: wo,
      kind: 'complaint',
      category_12345: 'prepaid_card',
      title: '健身房关门无法退卡',
      text,
      amount: 3000,
      complainant: { name: '李先生', phone: `139${wo.slice(-8)}` },
      respondent: { name: '上海某某健身有限公司', address: `${street}长寿路100号` },
    },
  ],
});

test('12345 transfer: sign, templated reply delivered to the centre, satisfaction and 重办, return with a reason', async (c) => {
  const { page, ctx: officerCtx } = await c.session('officer', { width: 1500, height: 1100 });
  const street = await stationAddress(officerCtx.request);
  const centre = await c.session('operator');
  const wo = `SH12345-E2E-${String(Date.now()).slice(-10)}`;
  const r = await centre.ctx.request.post('/api/12345/transfers', {
    data: transfer(wo, '健身房突然关门，预付卡余额3000元无法退还，要求退款', street),
  });
  assert(r.ok(), `transfer: ${r.status()}`);
  const id = ((await r.json()) as { items: { id: string }[] }).items[0]!.id;
  // dispatch is the worker's (enrichment off the request path): wait until the station has the ticket
  for (let i = 0; i < 60 && !(await officerCtx.request.get(`/api/tickets/${id}`)).ok(); i++)
    await page.waitForTimeout(1000);

  await page.goto(`/workbench?t=${id}`);
  // the demo server shares two cores with the browser: the first detail may take a while
  await page.locator('[data-testid=detail-no]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=detail-12345-due]', { hasText: '12345签收期限' }).waitFor();
  await page.locator('#tab-t12345').click();
  await page.locator('[data-testid=t12345-state]', { hasText: '待签收' }).waitFor();
  await page.locator('[data-testid=t12345-sign_12345_by]').waitFor();
  await c.shot(page, 'ticket-12345-to-sign');
  await page.locator('[data-testid=t12345-sign]').click();
  await page.locator('[data-testid=t12345-state]', { hasText: '已签收' }).waitFor();

  // the template of the transfer's category comes first, filled from the ticket; the outcome is the officer's to write
  const text = page.locator('textarea[data-testid=t12345-text]');
  await text.waitFor();
  const filled = await text.inputValue();
  assert(
    filled.includes(wo) && filled.includes('上海某某健身有限公司'),
    `template filled from the ticket: ${filled.slice(0, 120)}`,
  );
  await text.fill(
    filled
      .replace(/三、办理结果：[^\n]*/, '三、办理结果：经调解，经营者同意退还余额2000元，已于当日转账。')
      .replace(/\{\{[^}]*\}\}/g, '—'),
  );
  await page.locator('[data-testid=t12345-send]').click();
  await page.locator('[data-testid=t12345-state]', { hasText: '已答复' }).waitFor();
  // delivery runs from the outbox (worker): reload until the centre has it
  for (let i = 0; i < 30; i++) {
    if (await page.locator('[data-testid=t12345-delivery]', { hasText: '已送达' }).count()) break;
    await page.waitForTimeout(1000);
    await page.reload();
    await page.locator('#tab-t12345').click();
    await page.locator('[data-testid=t12345-panel]').waitFor();
  }
  await page.locator('[data-testid=t12345-delivery]', { hasText: '已送达' }).first().waitFor();
  await c.shot(page, 'ticket-12345-replied');

  const fb = await centre.ctx.request.post('/api/12345/feedback', {
    data: { work_order_no: wo, feedback_id: `${wo}-HF1`, satisfaction: 'dissatisfied', comment: '只退了一部分' },
  });
  assert(fb.ok(), `feedback: ${fb.status()}`);
  const re = await centre.ctx.request.post('/api/12345/transfers', {
    data: transfer(wo, '对答复不满意，要求全额退款', street),
  });
  assert(((await re.json()) as { reopened: number }).reopened === 1, 'the same work order after a reply is a 重办');
  await page.reload();
  await page.locator('#tab-t12345').click();
  await page.locator('[data-testid=t12345-reopen]', { hasText: '重办 1 次' }).waitFor();
  await page.locator('[data-testid=t12345-satisfaction]', { hasText: '不满意' }).waitFor();
  await page.locator('[data-testid=t12345-state]', { hasText: '待签收' }).waitFor();
  await c.shot(page, 'ticket-12345-reopened');

  // a transfer that is not ours: returned with a coded reason
  const r2 = await centre.ctx.request.post('/api/12345/transfers', {
    data: {
      items: [
        {
          client_key: `${wo}-B`,
          text: '小区物业费收费太高，要求查处',
          respondent: { name: '某物业公司', address: `${street}长寿路200号` },
        },
      ],
    },
  });
  const id2 = ((await r2.json()) as { items: { id: string }[] }).items[0]!.id;
  for (let i = 0; i < 60 && !(await officerCtx.request.get(`/api/tickets/${id2}`)).ok(); i++)
    await page.waitForTimeout(1000);
  await page.goto(`/workbench?t=${id2}`);
  await page.locator('#tab-t12345').click();
  await chooseOption(page, '[data-testid=t12345-return-reason]', '非市场监管职责');
  await page.locator('[data-testid=t12345-return] input[aria-label="补充说明"]').fill('物业收费属房屋管理部门职责');
  await c.shot(page, 'ticket-12345-return');
  await page.locator('[data-testid=t12345-return-send]').click();
  await page.locator('[data-testid=t12345-state]', { hasText: '已退回' }).waitFor();
  await page.locator('[data-testid=detail-status]', { hasText: '已办结' }).waitFor();
});
