/**
 * Every main screen, as each role sees it, checked three ways (issue 15 items 7 and 10):
 *  - axe-core (run inside the page) finds no serious or critical accessibility violation;
 *  - the visible text of a Chinese screen holds no raw code (`snake_case`, English status words, hex ids);
 *  - at 390 px wide the page does not scroll sideways (usable on a phone).
 * The screen list is data (SCREENS): a new screen is added here with the role that uses it. The file name sorts first:
 * the screens are audited on the demo city before the other flows add their own test records (user names, ids).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { assert, settleAnimations, test, type Ctx } from './harness.js';
import { rawCodes } from '../shared/raw-codes.js';

// evaluated rather than added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Screen {
  name: string;
  user?: string;
  path: string;
  /** what shows that the screen has loaded its data */
  ready: string;
  /** open something inside the screen (a row's detail) before the checks */
  open?: (page: Page) => Promise<void>;
}

const openFirst = (row: string, detail: string) => async (page: Page) => {
  const r = page.locator(row).first();
  if (!(await r.count())) return;
  await r.click();
  await page.locator(detail).first().waitFor();
};

export const SCREENS: Screen[] = [
  { name: 'portal', path: '/', ready: '#f-text' },
  { name: 'login', path: '/login', ready: '[data-testid=login-submit]' },
  {
    name: 'workbench',
    user: 'officer',
    path: '/workbench',
    ready: '[data-testid=wb-row]',
    open: openFirst('[data-testid=wb-row]', '[data-testid=detail-no]'),
  },
  { name: 'intake', user: 'operator', path: '/intake', ready: '#i-ch' },
  {
    name: 'alerts',
    user: 'supervisor',
    path: '/alerts',
    ready: 'main',
    open: openFirst('[data-testid=alert-row]', '.evs li'),
  },
  { name: 'abnormal', user: 'supervisor', path: '/abnormal', ready: 'main' },
  { name: 'enterprise', user: 'enterprise', path: '/enterprise', ready: 'main' },
  { name: 'partner', user: 'partner', path: '/abnormal', ready: 'main' },
  { name: 'admin-users', user: 'admin', path: '/admin/users', ready: 'main' },
  { name: 'admin-units', user: 'admin', path: '/admin/units', ready: 'main' },
  { name: 'admin-calendar', user: 'admin', path: '/admin/calendar', ready: 'main' },
  { name: 'admin-audit', user: 'admin', path: '/admin/audit', ready: 'main' },
  { name: 'models', user: 'admin', path: '/admin/models', ready: 'main' },
  { name: 'cockpit', user: 'analyst', path: '/cockpit', ready: '[data-testid=cockpit]' },
  { name: 'analysis', user: 'analyst', path: '/analysis', ready: 'main' },
  { name: 'knowledge', user: 'officer', path: '/knowledge', ready: 'main' },
  { name: 'monitoring', user: 'admin', path: '/monitoring', ready: 'main' },
  { name: 'admin-odr', user: 'admin', path: '/admin/odr', ready: 'main' },
  { name: 'admin-exchange', user: 'admin', path: '/admin/exchange', ready: 'main' },
  { name: 'disclosure', path: '/disclosure', ready: 'h1' },
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  await settleAnimations(page);
  // evaluated in the page (a string: the project's types have no DOM)
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) })))`);
}

async function visit(c: Ctx, s: Screen, width: number): Promise<Page> {
  const { page } = await c.session(
    s.user,
    width < 500 ? { width, height: 844, mobile: true } : { width, height: 1000 },
  );
  await page.goto(s.path, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator(s.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  if (s.open) await s.open(page);
  return page;
}

test('main screens: no serious or critical axe-core violation, no raw codes on Chinese screens', async (c) => {
  const problems: string[] = [];
  for (const s of SCREENS) {
    c.log(`${s.name} (${s.path}${s.user ? ` as ${s.user}` : ''})…`);
    const page = await visit(c, s, 1600);
    const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad)
      problems.push(
        `${s.name}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ')}`,
      );
    // commands a person is told to type are shown as <code> and are not raw codes
    const text = await page.evaluate<string>(
      `(() => { const b = document.body.cloneNode(true); b.querySelectorAll('code, kbd, script, style').forEach((e) => e.remove()); document.documentElement.appendChild(b); b.style.position = 'absolute'; b.style.left = '-99999px'; const t = b.innerText; b.remove(); return t; })()`,
    );
    const codes = rawCodes(text);
    if (codes.length) problems.push(`${s.name}: raw codes on screen: ${codes.slice(0, 12).join(', ')}`);
    c.log(`${s.name}: ${bad.length} serious/critical, ${codes.length} raw codes`);
    for (const p of problems.filter((x) => x.startsWith(`${s.name}:`))) c.log(`  ${p}`);
    await page.context().close();
  }
  assert(!problems.length, `\n${problems.join('\n')}`);
});

test('main screens at 390 px: nothing scrolls sideways', async (c) => {
  const problems: string[] = [];
  for (const s of SCREENS) {
    if (s.name === 'cockpit') continue; // the cockpit is a wall display (1920×1080); its phone view is checked in flows.spec
    const page = await visit(c, s, 390);
    const over = await page.evaluate<{ scroll: number; wide: string[] }>(`(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed' && !e.closest('.el-table, .el-scrollbar, [data-scroll-x]'))
        .slice(0, 3)
        .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
      return { scroll: document.documentElement.scrollWidth - w, wide };
    })()`);
    if (over.scroll > 1)
      problems.push(`${s.name}: page is ${over.scroll}px wider than the phone (${over.wide.join(', ')})`);
    await c.shot(page, `phone-${s.name}`);
    await page.context().close();
  }
  assert(!problems.length, `\n${problems.join('\n')}`);
});
