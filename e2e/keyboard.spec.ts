/**
 * Keyboard paths for the officer's main actions (issue 15 §10): from the queue to a decision with the keyboard alone —
 * the queue is one tab stop moved with j/k (or the arrows), Enter opens a ticket with the focus on its actions, the
 * action dialog opens on its first field, Esc closes a dialog back to its button and the ticket back to the queue,
 * Ctrl+Enter confirms. Every step after the page load is `page.keyboard`; axe-core runs on the way.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { assert, axeSerious, test } from './harness.js';

const active = (page: Page) =>
  page.evaluate(
    `(() => { const e = document.activeElement; return e ? (e.closest('[data-testid]')?.getAttribute('data-testid') ?? '') + '|' + (e.id || e.tagName) : '' })()`,
  ) as Promise<string>;
async function waitActive(page: Page, re: RegExp, what: string) {
  for (let i = 0; i < 40; i++) {
    const a = await active(page);
    if (re.test(a)) return a;
    await page.waitForTimeout(100);
  }
  throw new Error(`focus should be on ${what}, is on ${await active(page)}`);
}
const curRow = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('[data-testid=wb-table] .el-table__body tr')].findIndex((r) => r.classList.contains('cur'))`,
  ) as Promise<number>;

async function json<T>(req: APIRequestContext, url: string): Promise<T> {
  const r = await req.get(url);
  assert(r.ok(), `GET ${url}: ${r.status()}`);
  return (await r.json()) as T;
}

/** Two fresh complaints in the officer's own station (the address of one of its tickets), waiting for acceptance. */
async function twoNewComplaints(officer: APIRequestContext, operator: APIRequestContext): Promise<void> {
  const me = await json<{ unitId: string }>(officer, '/api/me');
  let address = '';
  for (const it of (await json<{ items: { id: string }[] }>(officer, '/api/tickets?limit=100&open=false')).items) {
    const d = await json<{ ticket: { respondent: { address: string | null }; unit_id: string } }>(
      officer,
      `/api/tickets/${it.id}`,
    );
    const m = /^(.*?(?:街道|镇))/.exec(d.ticket.respondent.address ?? '');
    if (m && d.ticket.unit_id === me.unitId) {
      address = `${m[1]}东方路${100 + Math.floor(Math.random() * 800)}号`;
      break;
    }
  }
  assert(address, "a street address in the officer's station");
  const before = (await json<{ total: number }>(officer, '/api/tickets?kind=complaint&status=received&limit=1')).total;
  // a fresh phone, business and text each run: the same person's same complaint again would be linked as a repeat
  const run = String(Date.now() % 10_000_000).padStart(7, '0');
  for (const i of [1, 2]) {
    const r = await operator.post('/api/tickets', {
      data: {
        kind: 'complaint',
        client_key: `kbd-${Date.now()}-${i}`,
        text: `在店里买的电水壶用了三天就漏电，要求退货退款（键盘流程${run}-${i}）`,
        complainant: { name: '李女士', phone: `13${i}${run.slice(0, 8)}${i}`.slice(0, 11) },
        respondent: { name: `上海键盘测试电器商行${run}${i}`, address },
      },
    });
    assert(r.status() === 201, `filing: ${r.status()} ${await r.text()}`);
  }
  for (let i = 0; i < 60; i++) {
    if (
      (await json<{ total: number }>(officer, '/api/tickets?kind=complaint&status=received&limit=1')).total >=
      before + 2
    )
      return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error("the two complaints did not reach the officer's queue");
}

test('officer: queue → ticket → decline dialog (Esc) → accept with the keyboard only, axe clean', async (c) => {
  const { ctx, page } = await c.session('officer');
  await twoNewComplaints(ctx.request, (await c.session('operator')).ctx.request);
  // complaints waiting for the acceptance decision: the first action of each is 受理
  await page.goto('/workbench?kind=complaint&status=received');
  await page.locator('[data-testid=wb-row]').first().waitFor();
  await page.waitForLoadState('networkidle');

  // "/" puts the focus in the search box; Tab walks the filters to the queue, which is one stop (its row links are not)
  await page.keyboard.press('/');
  await waitActive(page, /\|q$/, 'the search box');
  let onQueue = false;
  for (let i = 0; i < 30 && !onQueue; i++) {
    await page.keyboard.press('Tab');
    onQueue = (await active(page)).startsWith('wb-table|');
  }
  assert(onQueue, `Tab reaches the queue (focus on ${await active(page)})`);
  const ring = (await page.evaluate(
    `getComputedStyle(document.querySelector('[data-testid=wb-table]')).boxShadow`,
  )) as string;
  assert(ring && ring !== 'none', `the focused queue shows a focus ring (box-shadow ${ring})`);
  assert(
    (await page.locator('[data-testid=wb-keys]').innerText()).includes('Esc'),
    'the key hint is shown under the queue',
  );
  await page.keyboard.press('j');
  assert((await curRow(page)) === 1, `j moves down the queue (row ${await curRow(page)})`);
  await page.keyboard.press('k');
  assert((await curRow(page)) === 0, 'k moves back up');
  await c.shot(page, 'keyboard-queue');
  const bad = await axeSerious(page);
  assert(!bad.length, `axe on the workbench with the queue focused: ${bad.join('; ')}`);

  // Enter opens the ticket and the focus lands on its first action
  const no = (await page.locator('[data-testid=wb-row]').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=detail-no]', { hasText: no }).waitFor();
  await waitActive(page, /^act-accept\|/, 'the 受理 button');

  // → to 不予受理, Enter opens its dialog on the reason list; Esc closes it back onto the button
  await page.keyboard.press('ArrowRight');
  await waitActive(page, /^act-decline\|/, 'the 不予受理 button');
  await page.keyboard.press('Enter');
  await page.locator('.el-dialog:visible [data-testid=act-confirm]').waitFor();
  await waitActive(page, /act-reason/, 'the reason list of the dialog');
  await c.shot(page, 'keyboard-decline-dialog');
  const badDlg = await axeSerious(page);
  assert(!badDlg.length, `axe with the action dialog open: ${badDlg.join('; ')}`);
  await page.keyboard.press('Escape');
  await page
    .locator('.el-dialog:visible')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => page.locator('.el-dialog [data-testid=act-confirm]').waitFor({ state: 'hidden' }));
  await waitActive(page, /^act-decline\|/, 'the 不予受理 button again after Esc');
  assert(new URL(page.url()).searchParams.get('t'), 'Esc in the dialog keeps the ticket open');

  // ← back to 受理, Enter, type the note, Ctrl+Enter confirms: the decision and its document, focus on the next actions
  await page.keyboard.press('ArrowLeft');
  await waitActive(page, /^act-accept\|/, 'the 受理 button');
  await page.keyboard.press('Enter');
  await waitActive(page, /act-note/, 'the note field of the 受理 dialog');
  await page.keyboard.type('经审查符合受理条件，键盘办理');
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-testid=detail-status]', { hasText: '已受理' }).waitFor();
  await page.locator('[data-testid=produced-doc]', { hasText: '投诉受理决定书' }).waitFor();
  await waitActive(page, /^act-/, 'an action of the accepted ticket');
  await c.shot(page, 'keyboard-accepted');

  // Esc in the ticket: back to the queue, which has the focus again
  await page.keyboard.press('Escape');
  await waitActive(page, /^wb-table\|/, 'the queue after Esc');
  assert(!new URL(page.url()).searchParams.get('t'), 'Esc closes the ticket');

  // transfer from the keyboard too: the next ticket, Tab along the actions to 转办, its dialog opens on the unit list
  await page.keyboard.press('Enter');
  await waitActive(page, /^act-accept\|/, 'the 受理 button of the next ticket');
  let onTransfer = false;
  for (let i = 0; i < 12 && !onTransfer; i++) {
    await page.keyboard.press('ArrowRight');
    onTransfer = (await active(page)).startsWith('act-transfer|');
  }
  assert(onTransfer, 'the arrows reach 转办');
  await page.keyboard.press('Enter');
  await waitActive(page, /tr-to/, 'the unit list of the transfer dialog');
  await page.keyboard.press('Escape');
  await waitActive(page, /^act-transfer\|/, 'the 转办 button after Esc');
});
