/**
 * 督办 in the browser: the district supervisor opens a supervision item on one of a station's open tickets, the
 * station sees it above its queue and answers on the ticket, the supervisor closes it with a finding.
 */
import { assert, test } from './harness.js';

test('a district supervisor supervises a station ticket; the station answers; the supervisor closes it', async (c) => {
  const officer = await c.session('officer', { width: 1500, height: 950 });
  const r = await officer.ctx.request.get('/api/tickets?limit=20');
  assert(r.ok(), `queue: ${r.status()}`);
  const items = ((await r.json()) as { items: { id: string; no: string; status: string }[] }).items;
  const target = items.find((x) => ['received', 'accepted', 'mediating', 'verifying'].includes(x.status));
  assert(target, 'an open ticket in the officer’s queue');

  const sup = await c.session('supervisor', { width: 1500, height: 950 });
  await sup.page.goto(`/workbench?t=${target.id}`);
  await sup.page.locator('[data-testid=detail-no]').waitFor();
  await sup.page.locator('#tab-supervision').click();
  await sup.page.locator('[data-testid=supervision-required]').fill('群众反映处理缓慢，请于三个工作日内回复处理进展');
  await sup.page.locator('[data-testid=supervision-open]').click();
  await sup.page.locator('[data-testid=supervision-item]', { hasText: '电话督办' }).waitFor();

  const o = officer.page;
  await o.goto('/workbench');
  await o.locator('[data-testid=wb-supervisions]', { hasText: target.no }).waitFor();
  await c.shot(o, 'workbench-supervision');
  await o.locator('[data-testid=wb-supervisions] a', { hasText: target.no }).click();
  await o.locator('[data-testid=detail-no]', { hasText: target.no }).waitFor();
  await o.locator('#tab-supervision').click();
  await o.locator('[data-testid=supervision-answer-text]').fill('已约谈经营者，承诺本周内退款，将跟踪落实');
  await o.locator('[data-testid=supervision-answer]').click();
  await o.locator('[data-testid=supervision-item]', { hasText: '已回复待审核' }).waitFor();

  await sup.page.reload();
  await sup.page.locator('#tab-supervision').click();
  await sup.page.locator('[data-testid=supervision-item] textarea').first().fill('回复属实，督办办结');
  await sup.page.locator('[data-testid=supervision-close]').first().click();
  await sup.page.locator('[data-testid=supervision-item]', { hasText: '已办结' }).waitFor();
  await c.shot(sup.page, 'ticket-supervision');

  // the cockpit counts supervision per unit: the station's closed item is there
  await sup.page.goto('/cockpit');
  const line = sup.page.locator('[data-testid=cockpit-supervision]');
  await line.waitFor({ timeout: 60_000 });
  assert(/已办结 [1-9]/.test(await line.innerText()), `cockpit supervision line: ${await line.innerText()}`);
});
