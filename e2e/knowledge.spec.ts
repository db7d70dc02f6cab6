/**
 * 知识库 in the browser: a district supervisor edits a 12345 reply template (a new version; the history keeps the old
 * one) and previews it filled from a ticket; searches the 避坑指南 and the legal-basis library; an ODR enterprise
 * finds the guide in its portal; a station officer sees the guide items of a ticket's category beside the ticket.
 */
import { assert, test } from './harness.js';

test('knowledge: template edit with version history and ticket preview, guide and legal search, guide in the enterprise portal and beside a ticket', async (c) => {
  const sup = await c.session('supervisor', { width: 1500, height: 950 });
  const p = sup.page;
  const q = await sup.ctx.request.get('/api/tickets?limit=5');
  assert(q.ok(), `queue: ${q.status()}`);
  const ticket = ((await q.json()) as { items: { id: string; no: string; respondent_name: string | null }[] }).items[0];
  assert(ticket, 'a ticket in the supervisor’s district');

  await p.goto('/knowledge');
  await p.locator('.navlink', { hasText: '知识库' }).waitFor();
  const tpls = p.locator('[data-testid=kn-templates] li');
  await tpls.nth(6).waitFor();
  assert((await tpls.count()) === 7, `7 12345 categories, got ${await tpls.count()}`);
  await tpls.filter({ hasText: '预付式消费' }).click();
  await p.locator('[data-testid=kn-template] h3', { hasText: '预付式消费' }).waitFor();
  const shown = await p.locator('[data-testid=kn-body-view]').innerText();
  assert(
    shown.includes('【被投诉/举报经营者】') && !shown.includes('{{'),
    'placeholders shown by their Chinese labels',
  );

  const before = Number((await p.locator('[data-testid=kn-template] h3 .el-tag').innerText()).replace(/\D/g, ''));
  await p.locator('[data-testid=kn-edit]').click();
  const body = p.locator('textarea[data-testid=kn-body]');
  await body.fill(`${await body.inputValue()}\n五、后续跟踪：【承办单位】将于一个月后回访市民。`);
  await p.locator('[data-testid=kn-note]').fill('增加回访要求');
  await p.locator('[data-testid=kn-save]').click();
  await p.locator('[data-testid=kn-template] h3 .el-tag', { hasText: `第${before + 1}版` }).waitFor();
  await p.locator('[data-testid=kn-versions] .el-table__row').nth(1).waitFor();
  assert(
    (await p.locator('[data-testid=kn-versions]').innerText()).includes('增加回访要求'),
    'the edit note in the history',
  );

  await p.locator('[data-testid=kn-preview-ticket]').fill(ticket.no);
  await p.locator('[data-testid=kn-preview]').click();
  const filled = p.locator('[data-testid=kn-preview-text]');
  await filled.waitFor();
  const text = await filled.innerText();
  assert(
    text.includes(ticket.no) && text.includes('回访市民') && !text.includes('【承办单位】'),
    `filled from the ticket: ${text.slice(0, 120)}`,
  );
  await c.shot(p, 'knowledge-templates');

  await p.locator('#tab-guide').click();
  await p.locator('[data-testid=guide-search]').fill('预付卡');
  await p.locator('[data-testid=guide-item]', { hasText: '预付卡闭店' }).first().waitFor();
  await p.locator('[data-testid=guide-item]', { hasText: '预付卡闭店' }).first().locator('summary').click();
  await p.locator('[data-testid=guide-panel]').getByText('《消费者权益保护法》第五十三条').first().waitFor();
  await c.shot(p, 'knowledge-guide');
  // a 刑事案例 item: the business learns where a "complaint" becomes extortion, with the article quoted
  await p.locator('[data-testid=guide-search]').fill('封口费');
  const extortion = p.locator('[data-testid=guide-item]', { hasText: '敲诈勒索' }).first();
  await extortion.locator('summary').click();
  await p.locator('[data-testid=guide-panel]').getByText('《刑法》第二百七十四条').first().waitFor();
  await c.shot(p, 'knowledge-guide-criminal');

  await p.locator('#tab-laws').click();
  await p.locator('input[data-testid=kn-law-q]').fill('欺诈');
  await p.locator('[data-testid=kn-law-search]').click();
  await p.locator('[data-testid=kn-laws] .el-table__row', { hasText: '第五十五条' }).waitFor();
  await c.shot(p, 'knowledge-laws');

  // the enterprise reads the guide in its portal
  const ent = await c.session('enterprise', { width: 1500, height: 950 });
  await ent.page.goto('/enterprise');
  const eg = ent.page.locator('[data-testid=ent-guide]');
  await eg.locator('[data-testid=guide-search]').fill('七日无理由');
  await eg.locator('[data-testid=guide-item]', { hasText: '七日无理由退货' }).first().locator('summary').click();
  await eg.getByText('《消费者权益保护法》第二十五条').first().waitFor();
  await eg.scrollIntoViewIfNeeded();
  await c.shot(ent.page, 'enterprise-guide');

  // beside a ticket: the items of its category (or the general ones)
  const officer = await c.session('officer', { width: 1500, height: 950 });
  const oq = await officer.ctx.request.get('/api/tickets?limit=50');
  const mine = ((await oq.json()) as { items: { id: string; category: string | null }[] }).items;
  const withCat = mine.find((x) => x.category) ?? mine[0];
  assert(withCat, 'a ticket in the officer’s queue');
  await officer.page.goto(`/workbench?t=${withCat.id}`);
  await officer.page.locator('[data-testid=detail-no]').waitFor({ timeout: 60_000 });
  await officer.page.locator('#tab-guide').click();
  await officer.page.locator('[data-testid=guide-panel] [data-testid=guide-item]').first().waitFor();
  if (withCat.category) await officer.page.getByText(`与“${withCat.category}”相关的合规指引`).waitFor();
  await c.shot(officer.page, 'ticket-guide');
});
