/**
 * Issue 11: free text is personal data. A complaint that names the complainant with ID and phone and also reports the
 * shop: the enterprise's screen shows the mediation text (no name, phone, ID, nothing of the report); the analyst's
 * detail shows the redacted text; the station's officer the original. Screenshots: privacy-enterprise, privacy-analyst.
 */
import type { APIRequestContext } from 'playwright-core';
import { assert, test } from './harness.js';

async function json<T>(req: APIRequestContext, url: string): Promise<T> {
  const r = await req.get(url);
  assert(r.ok(), `GET ${url}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

test('TEXT privacy: the enterprise reads the mediation text, the analyst the redacted text', async (c) => {
  const officer = await c.session('officer');
  const ent = await c.session('enterprise');
  const key = (await json<{ enterprise: { key: string } }>(ent.ctx.request, '/api/enterprise/me')).enterprise.key;
  // a ticket the officer's station handles: file it against an address the station already has
  const mine = await json<{ items: { id: string }[] }>(officer.ctx.request, '/api/tickets?limit=30');
  let address = '';
  for (const it of mine.items) {
    const d = await json<{ ticket: { respondent: { address: string | null } } }>(
      officer.ctx.request,
      `/api/tickets/${it.id}`,
    );
    if (d.ticket.respondent.address && /(街道|镇)/.test(d.ticket.respondent.address)) {
      address = d.ticket.respondent.address;
      break;
    }
  }
  assert(address, 'an address in the officer station');
  // a fresh phone per run: the same person filing the same text again is (rightly) linked as a duplicate
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const text = `本人张伟，身份证号310101198001011234，手机${phone}，在${key}上买的空气炸锅用了两次就不加热，商家不给换货，要求退货退款399元。同时举报该店销售无3C认证产品，请依法查处，请对举报人信息保密。`;
  const filed = await officer.ctx.request.post('/api/public/tickets', {
    data: {
      kind: 'complaint',
      consent_odr: true,
      amount: 399,
      title: '空气炸锅不加热要求退款',
      text,
      complainant: { name: '张伟', phone },
      respondent: { name: '美厨小家电专营店', address, platform: key },
    },
  });
  assert(filed.ok(), `file: ${filed.status()}`);
  const { id, no } = (await filed.json()) as { id: string; no: string };
  // the consumer consented and the platform is enrolled: the odr-routing subscriber sends it without staff action;
  // the officer's send is the fallback when the worker has not got to it yet
  const sent = await officer.ctx.request.post(`/api/tickets/${id}/actions`, {
    data: { action: 'send_odr', odr_key: key, consent: true },
  });
  const inOdr = async () =>
    (await json<{ ticket: { status: string } }>(officer.ctx.request, `/api/tickets/${id}`)).ticket.status === 'odr';
  assert(sent.ok() || (await inOdr()), `send_odr: ${sent.status()} ${await sent.text()}`);

  const p = ent.page;
  await p.goto('/enterprise');
  const row = p.locator('[data-testid=ent-table] .el-table__row', { hasText: no });
  await row.waitFor();
  await row.click();
  const body = await p.locator('[data-testid=enterprise-body]').innerText();
  for (const s of ['张伟', phone, '310101198001011234', '3101*', '举报', '查处', '保密'])
    assert(!body.includes(s), `enterprise text shows ${s}: ${body}`);
  assert(body.includes('要求退货退款'), `enterprise text keeps the dispute: ${body}`);
  const page = await p.content();
  for (const s of [phone, '310101198001011234']) assert(!page.includes(s), `enterprise page holds ${s}`);
  await c.shot(p, 'privacy-enterprise');

  // the analyst: cockpit → drill-down over all tickets (newest first) → the ticket's detail
  const an = await c.session('analyst');
  await an.page.goto('/cockpit');
  await an.page.locator('[data-testid=hot-business]').first().click();
  await an.page.locator('[data-testid=drill-row]').first().waitFor();
  await an.page.locator('.dfil .el-tag .el-tag__close').first().click();
  const drillRow = an.page.locator('[data-testid=drill-row]', { hasText: no });
  await drillRow.waitFor();
  const drillText = await an.page.locator('[data-testid=drill]').innerText();
  assert(!drillText.includes(phone) && !drillText.includes('张伟'), 'analyst drill-down is redacted');
  await c.shot(an.page, 'privacy-analyst-drilldown');
  await drillRow.click();
  await an.page.locator('[data-testid=detail-body]').waitFor();
  const ab = await an.page.locator('[data-testid=detail-body]').innerText();
  assert(
    ab.includes('本人张*') && ab.includes(`139****${phone.slice(-4)}`) && ab.includes('3101**********1234'),
    `analyst sees the redacted text: ${ab}`,
  );
  assert(!ab.includes(phone), 'analyst sees no phone');
  await an.page.waitForTimeout(300);
  await c.shot(an.page, 'privacy-analyst');

  await officer.page.goto(`/workbench?t=${id}`);
  await officer.page.locator('[data-testid=detail-body]').waitFor();
  assert(
    (await officer.page.locator('[data-testid=detail-body]').innerText()).includes(phone),
    'the station officer reads the original',
  );
});
