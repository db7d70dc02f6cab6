/**
 * The partner department's screen (issue 15 §5): the shared 异常名录, masked, with the Yueyang guidance's fields;
 * the purpose is asked before every access and recorded in the audit trail.
 */
import { assert, test, chooseOption } from './harness.js';

test('a partner department sees the masked list after stating a purpose, every time', async (c) => {
  const { page: p, ctx } = await c.session('partner', { width: 1500, height: 900 });
  ctx.setDefaultTimeout(60_000);
  await p.goto('/abnormal');
  const dlg = p.getByRole('dialog', { name: '查看名录须说明用途' });
  await dlg.waitFor();
  assert((await p.locator('[data-testid=partner-table]').count()) === 0, 'no list before a purpose');
  await c.shot(p, 'partner-purpose');
  await chooseOption(p, '[data-testid=partner-purpose-input]', '公安机关核查敲诈勒索线索');
  await p.locator('[data-testid=partner-purpose-ok]').click();
  const rows = p.locator('[data-testid=partner-table] .el-table__body-wrapper .el-table__row');
  await rows.first().waitFor();
  const n = await rows.count();
  assert(n > 0, 'rows shown');
  const header = await p.locator('[data-testid=partner-table] .el-table__header-wrapper').innerText();
  for (const h of ['姓名', '身份证号', '联系电话', '投诉数量', '主要反映问题', '涉及领域或商品服务类别'])
    assert(header.includes(h), `column ${h}`);
  const first = await rows.first().innerText();
  assert(/\d{3}\*{6,}\d{3}[\dXx]/.test(first), `身份证号 masked: ${first.slice(0, 80)}`);
  assert(!/\d{17}[\dXx]/.test(first), 'no clear ID number');
  await p.locator('[data-testid=partner-purpose]', { hasText: '公安机关核查敲诈勒索线索' }).waitFor();
  await c.shot(p, 'partner-list');

  // the next access asks again
  await p.locator('[data-testid=partner-query]').click();
  await dlg.waitFor();
  await p.locator('[data-testid=partner-purpose-input]').click();
  await p.keyboard.type('法院核查诉讼当事人');
  await p.keyboard.press('Enter');
  await p.locator('[data-testid=partner-purpose-ok]').click();
  await p.locator('[data-testid=partner-purpose]', { hasText: '法院核查诉讼当事人' }).waitFor();

  // both accesses are in the audit trail with their purposes
  const admin = await c.session('admin');
  const a = (await (await admin.ctx.request.get('/api/admin/audit?action=abnormal.share&limit=5')).json()) as {
    items: { purpose: string; actor_name: string }[];
  };
  const purposes = a.items.filter((x) => x.actor_name === 'partner').map((x) => x.purpose);
  assert(
    purposes.includes('公安机关核查敲诈勒索线索') && purposes.includes('法院核查诉讼当事人'),
    `audited purposes: ${purposes.join(' / ')}`,
  );
});
