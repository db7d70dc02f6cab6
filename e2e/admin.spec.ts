/**
 * 系统管理 in the browser (issue 15 §1): the admin's menu; a new account in a station, a refused self-lockout, a
 * password reset; the street→station map; a year's holidays; the audit trail found and exported with a purpose; and
 * the officer's workbench banner when a deadline falls in a year without a holiday schedule.
 */
import { assert, test, chooseOption } from './harness.js';
import type { Page } from 'playwright-core';

/** snake_case codes must not reach a Chinese screen */
async function noRawCodes(p: Page, where: string) {
  const text = await p.locator('body').innerText();
  const codes = text.match(/\b[a-z]+(?:_[a-z]+)+\b/g);
  assert(!codes, `${where}: raw codes on screen: ${codes?.slice(0, 5).join(', ')}`);
}

test('an administrator manages users, units, holidays and the audit trail', async (c) => {
  const { page: p, ctx } = await c.session('admin', { width: 1500, height: 900 });
  ctx.setDefaultTimeout(60_000); // a busy shared machine: the first load of the admin chunks can take a while
  // the refusals this test provokes (a weak password, a self-lockout) are logged by the browser as failed requests
  c.expectConsole(/status of (400|403).*\/api\/admin\/users/);
  await p.goto('/admin');
  await p.waitForURL(/\/admin\/users$/);
  const menu = p.locator('[data-testid=admin-menu]');
  for (const label of ['用户', '模型', '节假日', '审计']) await menu.getByText(label, { exact: true }).waitFor();
  await p.locator('[data-testid=users-table] .el-table__row').first().waitFor();
  await c.shot(p, 'admin-users');

  // a new officer in 岳阳所
  const name = `e2e.${Date.now() % 1_000_000}`;
  await p.locator('[data-testid=user-new]').click();
  await p.locator('[data-testid=user-username]').fill(name);
  await p.locator('[data-testid=user-name]').fill('测试办案员');
  await chooseOption(p, '[data-testid=user-unit]', '岳阳市场监管所', { type: '岳阳' });
  await p.locator('[data-testid=user-password]').fill('short');
  await p.locator('[data-testid=user-save]').click();
  await p.locator('[data-testid=user-error]', { hasText: '8 位' }).waitFor();
  await p.locator('[data-testid=user-password]').fill('Yueyang2026');
  await p.locator('[data-testid=user-save]').click();
  await p.locator('[data-testid=users-table] .el-table__row', { hasText: name }).waitFor();
  assert(
    (await p
      .locator('[data-testid=users-table] .el-table__row', { hasText: name })
      .getByText('岳阳市场监管所')
      .count()) === 1,
    'new user in 岳阳所',
  );

  // the admin cannot switch off their own account
  await p.locator('[data-testid=user-edit-admin]').click();
  await p.locator('[data-testid=user-active]').click();
  await p.locator('[data-testid=user-save]').click();
  await p.locator('[data-testid=user-error]', { hasText: '自己' }).waitFor();
  await c.shot(p, 'admin-user-lockout');
  await p.keyboard.press('Escape');

  // password reset of the new account: the new password works, the old one no longer
  await p.locator(`[data-testid="user-pw-${name}"]`).click();
  await p.locator('[data-testid=pw-input]').fill('Songjiang2027');
  await p.locator('[data-testid=pw-save]').click();
  await p.getByText(`已重置 ${name} 的密码`).waitFor();
  const relogin = await c.session();
  assert(
    (
      await relogin.ctx.request.post('/api/auth/login', { data: { username: name, password: 'Yueyang2026' } })
    ).status() === 401,
    'old password refused',
  );
  assert(
    (await relogin.ctx.request.post('/api/auth/login', { data: { username: name, password: 'Songjiang2027' } })).ok(),
    'new password accepted',
  );
  await noRawCodes(p, 'users');

  // units and the street→station map
  await p.locator('[data-testid=admin-menu]').getByText('单位与辖区').click();
  await p.locator('[data-testid=street-map] .el-table__row', { hasText: '岳阳街道' }).waitFor();
  await c.shot(p, 'admin-units');
  // move 岳阳街道 to 永丰所 and back (the change is audited; dispatch follows it, see admin.db.test.ts)
  await chooseOption(p, '[data-testid=street-310117001]', '永丰市场监管所');
  await p.locator('[data-testid=street-map] .el-table__row', { hasText: '岳阳街道' }).getByText('已调整').waitFor();
  await chooseOption(p, '[data-testid=street-310117001]', '岳阳市场监管所（本街镇）');
  await p
    .locator('[data-testid=street-map] .el-table__row', { hasText: '岳阳街道' })
    .getByText('已调整')
    .waitFor({ state: 'detached' });
  await noRawCodes(p, 'units');

  // holidays: next year as entered (or missing), and a later year entered here
  await p.locator('[data-testid=admin-menu]').getByText('节假日').click();
  await p.locator('[data-testid=cal-source]').waitFor();
  await c.shot(p, 'admin-calendar');
  await p.locator('[data-testid=cal-year] label', { hasText: String(new Date().getFullYear()) }).click();
  await p.locator('[data-testid=cal-source]', { hasText: /随程序提供|管理员录入/ }).waitFor();
  await c.shot(p, 'admin-calendar-entered');
  const later = await p.locator('[data-testid=cal-year] label').last();
  await later.click();
  await p.locator('[data-testid=cal-source]').waitFor();
  const year = Number((await later.innerText()).replace(/\D/g, ''));
  if ((await p.locator('[data-testid=cal-source]').innerText()) === '尚未录入') {
    await p.locator('[data-testid=cal-add-off]').click();
    const range = p.locator('.admin-cal .el-date-editor--daterange input');
    await range.first().fill(`${year}-01-01`);
    await range.nth(1).fill(`${year}-01-01`);
    await range.nth(1).press('Enter');
    await chooseOption(p, p.locator('.admin-cal .row .el-select').first(), '元旦');
    await p.locator('[data-testid=cal-save]').click();
    await p.locator('[data-testid=cal-source]', { hasText: '管理员录入' }).waitFor();
  }
  await noRawCodes(p, 'calendar');

  // the audit trail: the reset is found, and the export asks a purpose and is itself recorded
  await p.locator('[data-testid=admin-menu]').getByText('审计').click();
  await p.locator('[data-test=chain]').waitFor();
  await p.locator('.filters input').first().fill('admin');
  await p.locator('[data-test=search]').click();
  await p.locator('.el-table__row', { hasText: '重置密码' }).first().waitFor();
  await p.locator('[data-test=export]').click();
  await p.locator('[data-test=export-purpose]').fill('季度审计抽查');
  const [download] = await Promise.all([p.waitForEvent('download'), p.locator('[data-test=export-ok]').click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path!, 'utf8');
  assert(csv.includes('序号,时间（北京时间）') && csv.includes('重置密码'), 'CSV with Chinese headers and the reset');
  await p.locator('.el-table__row', { hasText: '导出审计日志' }).first().waitFor();
  await c.shot(p, 'admin-audit');
  await noRawCodes(p, 'audit');
});

test('the workbench warns when a deadline falls in a year without a holiday schedule', async (c) => {
  const { page: o, ctx } = await c.session('officer', { width: 1500, height: 900 });
  ctx.setDefaultTimeout(60_000);
  const n = (await (await ctx.request.get('/api/calendar/notice')).json()) as {
    message: string | null;
    deadlines: number;
  };
  await o.goto('/workbench');
  await o.locator('[data-testid=wb-table]').waitFor();
  if (n.message) {
    await o.locator('[data-testid=calendar-notice]', { hasText: '放假安排尚未录入' }).waitFor();
    await c.shot(o, 'workbench-calendar-notice');
  } else {
    // no deadline of this station in a missing year: the banner stays away
    await o.waitForTimeout(1000);
    assert(
      (await o.locator('[data-testid=calendar-notice]').count()) === 0,
      'no banner without a deadline in a missing year',
    );
  }
  c.log(`notice: ${n.message ?? 'none'}`);
});
