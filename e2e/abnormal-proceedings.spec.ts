/**
 * 关联程序 in the browser: an officer records an information-disclosure request and an administrative review on a
 * ticket of the station's queue (date and result); the table shows them in words; the risk tab offers the proposal
 * under 其他滥用投诉的行为; the supervisor's abnormal list reads in Chinese and, on the English screen, shows the evidence the criteria wrote in English.
 */
import { assert, test, chooseOption } from './harness.js';

test('an officer records related proceedings on a ticket; the risk tab offers a proposal under other abuse', async (c) => {
  const officer = await c.session('officer', { width: 1500, height: 950 });
  const r = await officer.ctx.request.get('/api/tickets?limit=20');
  assert(r.ok(), `queue: ${r.status()}`);
  const items = ((await r.json()) as { items: { id: string; no: string; received_at: string }[] }).items;
  const target = items[0];
  assert(target, 'a ticket in the officer’s queue');
  const o = officer.page;
  await o.goto(`/workbench?t=${target.id}`);
  await o.locator('[data-testid=detail-no]').waitFor();
  await o.locator('#tab-proceedings').click();
  await o.locator('[data-testid=proceedings-form]').waitFor();
  // the day the ticket came in (Asia/Shanghai): never before the ticket, never after the server's today
  const filed = new Date(Date.parse(target.received_at) + 8 * 3_600_000).toISOString().slice(0, 10);
  const record = async (kindLabel: string, result: string) => {
    await chooseOption(o, '[data-testid=proceedings-kind]', kindLabel);
    const d = o.locator('[data-testid=proceedings-date] input, input[aria-label="提起日期"]').first();
    await d.fill(filed);
    await d.press('Enter');
    await o.locator('[data-testid=proceedings-result]').fill(result);
    await o.locator('[data-testid=proceedings-record]').click();
    await o.locator('[data-testid=proceedings-table]', { hasText: result }).waitFor();
  };
  await record('政府信息公开申请', '已依法答复');
  await record('行政复议', '维持原处理决定');
  const table = await o.locator('[data-testid=proceedings-table]').innerText();
  assert(table.includes('政府信息公开申请') && table.includes('行政复议'), `table in words: ${table}`);
  assert(!/disclosure|review/.test(table), 'no English codes in the table');
  await c.shot(o, 'ticket-proceedings');

  await o.locator('#tab-risk').click();
  await o.locator('[data-testid=risk]').waitFor();
  const risk = await o.locator('[data-testid=risk]').innerText();
  assert(
    !/\b(volume|template|punitive|same_kind|litigation)\b/.test(risk),
    `no criterion codes on the risk tab: ${risk}`,
  );
  // a notified person's complaint awaiting acceptance: the decline is proposed with its ground, not just labelled
  if (risk.includes('已一次性告知') && risk.includes('投诉部分 简化处理')) {
    const sg = await o.locator('[data-testid=risk-suggestion]').innerText();
    assert(
      /第十五条第三项|第二十一条第一款第六项/.test(sg) && sg.includes('七个工作日'),
      `suggestion with ground and notice: ${sg}`,
    );
  }
  await c.shot(o, 'ticket-risk-simplified');
  const propose = o.locator('[data-testid=propose-other]');
  if (await propose.count()) {
    await propose.click();
    await o.locator('[data-testid=propose-evidence]').waitFor();
    await c.shot(o, 'ticket-propose-other');
  }

  const sup = await c.session('supervisor', { width: 1500, height: 950 });
  await sup.page.goto('/abnormal');
  await sup.page.waitForLoadState('networkidle');
  await c.shot(sup.page, 'abnormal-list');

  // the one-time notice of a notified entry, and the person's appeal on the public portal with its number and code
  const list = (await (await sup.ctx.request.get('/api/abnormal?state=notified')).json()) as {
    items: { id: string }[];
  };
  const entry = list.items[0];
  assert(entry, 'a notified entry in the demo city');
  const doc = (await (await sup.ctx.request.get(`/api/abnormal/${entry.id}/notice?format=json`)).json()) as {
    number: string;
    code: string;
    html: string;
  };
  assert(doc.html.includes('一次性告知书') && /^\d{6}$/.test(doc.code), 'the notice is a document with a code');
  const notice = await sup.ctx.newPage();
  await notice.goto(`/api/abnormal/${entry.id}/notice`);
  await c.shot(notice, 'abnormal-notice');
  const pub = await c.session(undefined, { width: 1100, height: 900 });
  await pub.page.goto('/track');
  await pub.page.locator('[data-testid=appeal-open]').click();
  await pub.page.locator('[data-testid=appeal-no]').fill(doc.number);
  await pub.page.locator('[data-testid=appeal-code]').fill(doc.code);
  await pub.page.locator('[data-testid=appeal-reason]').fill('本人所购商品均为家庭自用，举报均有事实依据，请求复核');
  await pub.page.locator('[data-testid=appeal-submit]').click();
  await pub.page.locator('[data-testid=appeal-done]').waitFor();
  await c.shot(pub.page, 'portal-abnormal-appeal');
  await sup.page.reload();
  await sup.page.locator('.el-table__row', { hasText: '申诉中' }).first().click();
  await sup.page.locator('[data-testid=abnormal-notice]').waitFor();
  await c.shot(sup.page, 'abnormal-appealed');

  // the same entry in English: the evidence the criteria wrote in English from the same facts, not the Chinese record
  await sup.page.evaluate("localStorage.setItem('xz_locale', 'en')"); // the locale toggle's own key (web/src/lib/i18n.ts)
  await sup.page.reload();
  await sup.page.locator('.el-table__row').first().click();
  await sup.page.locator('[data-testid=criterion-evidence]').first().waitFor();
  const ev = await sup.page.locator('[data-testid=criterion-evidence]').allInnerTexts();
  assert(
    ev.length > 0 && ev.every((x) => /\d/.test(x) && !/[\u3400-\u9fff]/.test(x.replace(/“[^”]*”/g, ''))),
    `evidence in English: ${ev.join(' | ')}`,
  );
  await c.shot(sup.page, 'en-abnormal-evidence');
});
