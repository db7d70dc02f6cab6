/**
 * ODR at platform scale in the browser: the admin enters a firm's application on its behalf, approves it with its own
 * window, gives it an account and an API key; a consented complaint about the firm reaches the firm's inbox without
 * staff action; the firm settles it through the bulk API with its key; the per-firm statistics show it.
 */
import { assert, PASSWORD, test } from './harness.js';

test('ODR enrolment, automatic routing of a consented complaint, bulk settlement with an API key', async (c) => {
  const run = String(Date.now()).slice(-6);
  const firm = `上海联络站测试${run}电器有限公司`;
  const user = `odr${run}`;
  // a fresh complainant per run: the same person with the same story again is linked as a repeat (重复件) at intake
  // and never routed (a second run on the same server would wait for the firm's inbox in vain)
  const phone = `1391${run}2`;
  const admin = await c.session('admin', { width: 1500, height: 950 });
  const a = admin.page;
  await a.goto('/admin/odr');
  await a.locator('[data-testid=odr-apply-open]').click();
  await a.locator('[data-testid=ap-name]').fill(firm);
  await a.locator('[data-testid=ap-platform]').fill('快购商城');
  await a.locator('[data-testid=ap-cname]').fill('刘客服');
  await a.locator('[data-testid=ap-cphone]').fill('021-61234567');
  await a.locator('[data-testid=ap-submit]').click();
  const row = a.locator('[data-testid=odr-table] .el-table__row', { hasText: firm });
  await row.waitFor();
  assert((await row.innerText()).includes('021****4567'), 'the list shows the contact masked');
  await row.click();
  await a.locator('[data-testid=odr-detail]', { hasText: '021-61234567' }).waitFor();
  await a.locator('#odr-window').fill('5');
  await a.locator('[data-testid=odr-approve]').click();
  await a.locator('[data-testid=odr-detail] .el-tag', { hasText: '已入驻' }).waitFor();
  await a.locator('[data-testid=odr-acc-user]').fill(user);
  await a.locator('[data-testid=odr-acc-name]').fill('联络站客服');
  await a.locator('[data-testid=odr-acc-pw]').fill(PASSWORD);
  await a.locator('[data-testid=odr-acc-add]').click();
  await a.locator('[data-testid=odr-accounts]', { hasText: user }).waitFor();
  await a.locator('[data-testid=odr-key-label]').fill('联络站批量接口');
  await a.locator('[data-testid=odr-key-issue]').click();
  const secret = (await a.locator('[data-testid=odr-secret] code').innerText()).trim();
  assert(/^xzk_[A-Za-z0-9_-]{43}$/.test(secret), `the key is shown once: ${secret.slice(0, 8)}`);
  await c.shot(a, 'admin-odr');

  // the consumer consents at filing; nobody sends it to the firm
  const operator = await c.session('operator');
  const filed = await operator.ctx.request.post('/api/tickets', {
    data: {
      kind: 'complaint',
      consent_odr: true,
      amount: 459,
      complainant: { name: '周敏', phone },
      text: `我在${firm}买的电暖器用了三天就不发热，客服不处理，要求退货退款459元。`,
      respondent: { name: firm },
    },
  });
  assert(filed.ok(), `file: ${filed.status()} ${await filed.text()}`);
  const { id, no } = (await filed.json()) as { id: string; no: string };

  const ent = await c.session(user, { width: 1500, height: 950 });
  const p = ent.page;
  await p.goto('/enterprise');
  const mine = p.locator('[data-testid=ent-table] .el-table__row', { hasText: no });
  for (let i = 0; i < 40 && !(await mine.count()); i++) {
    await p.waitForTimeout(500);
    await p.reload();
  }
  await mine.waitFor();
  assert(!(await p.locator('[data-testid=ent-table]').innerText()).includes(phone), 'no consumer phone in the inbox');
  await p.locator('[data-testid=ent-keys] summary').click();
  await p.locator('[data-testid=ent-keys] li', { hasText: '联络站批量接口' }).waitFor();
  await mine.click();
  await p.locator('[data-testid=ent-settle]').waitFor();
  await c.shot(p, 'enterprise-odr-inbox');

  // the platform's 联络站 settles through the bulk API with the key (a retry answers the same, once)
  const body = {
    items: [
      { ticket_id: id, amount: 459, note: '全额退款', idempotency_key: `e2e-${id}` },
      { ticket_id: 'no-such', amount: 1 },
    ],
  };
  const headers = { authorization: `Bearer ${secret}` };
  const r1 = await ent.ctx.request.post('/api/enterprise/bulk/settle', { data: body, headers });
  assert(r1.ok(), `bulk settle: ${r1.status()} ${await r1.text()}`);
  const res = (await r1.json()) as { ok: number; failed: number };
  assert(res.ok === 1 && res.failed === 1, `per-item results: ${JSON.stringify(res)}`);
  const r2 = (await (await ent.ctx.request.post('/api/enterprise/bulk/settle', { data: body, headers })).json()) as {
    items: { replayed?: boolean }[];
  };
  assert(r2.items[0]?.replayed === true, 'the retry is answered from the record');
  const t = (await (await admin.ctx.request.get(`/api/tickets/${id}`)).json()) as {
    ticket: { status: string; outcome: string };
  };
  assert(
    t.ticket.status === 'closed' && t.ticket.outcome === 'odr_settled',
    `settled: ${t.ticket.status}/${t.ticket.outcome}`,
  );

  await a.reload();
  const stat = a.locator('[data-testid=odr-stats] .el-table__row', { hasText: firm });
  await stat.waitFor();
  assert((await stat.innerText()).includes('100.0%'), 'first-settlement rate 100% for the firm');
  await stat.scrollIntoViewIfNeeded();
  await c.shot(a, 'admin-odr-stats');
});
