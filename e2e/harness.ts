/**
 * A small browser-test harness on playwright-core (no test-runner dependency): tests register with `test()`, the
 * runner (scripts/e2e.mjs) calls `runAll()`. Every page fails its test on a console error or an uncaught exception,
 * unless the test declares that error expected (`expectConsole`).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export interface Ctx {
  base: string;
  shots: string | null;
  browser: Browser;
  /** a fresh browser context (own cookies), optionally signed in as a demo account; pages watch the console */
  session(
    user?: string,
    opts?: { width?: number; height?: number; mobile?: boolean },
  ): Promise<{ ctx: BrowserContext; page: Page }>;
  /** console errors matching this are expected in the current test (e.g. a 403 the test provokes) */
  expectConsole(re: RegExp): void;
  shot(page: Page, name: string): Promise<void>;
  log(msg: string): void;
}

type Fn = (c: Ctx) => Promise<void>;
const tests: { name: string; fn: Fn }[] = [];
export function test(name: string, fn: Fn) {
  tests.push({ name, fn });
}

export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

let axeSource: string | null = null;
/**
 * Waits (up to 2 s) for the page's finite CSS transitions and animations to end: a tag still fading in is measured by
 * axe at part opacity and fails colour contrast. Infinite ones (spinners) are not waited for.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(
    `Promise.race([Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))), new Promise((r) => setTimeout(r, 2000))])`,
  );
}

/** axe-core run inside the page: its serious and critical violations, one line each (empty: none) */
export async function axeSerious(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  await settleAnimations(page);
  // evaluated in the page (a string: the project's types have no DOM)
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ' (' + v.help + ') at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120)).join(', ')))`);
}

export const PASSWORD = 'xiezhi2026';

/**
 * Picks an option of an Element Plus select. The option is looked up in the listbox that this select's combobox
 * controls (`aria-controls`), never in whichever dropdown happens to be visible: the previous select's dropdown is
 * still fading out for a moment after its pick, and clicking into it timed out in CI. Waits for the menu to close.
 */
export async function chooseOption(
  page: Page,
  trigger: string | Locator,
  text: string | RegExp,
  opts: { type?: string } = {},
) {
  const root = typeof trigger === 'string' ? page.locator(trigger) : trigger;
  await root.click();
  if (opts.type) await page.keyboard.type(opts.type);
  const combo = root
    .locator('input[role=combobox]')
    .or(root.and(page.locator('input[role=combobox]')))
    .first();
  const list = await combo.getAttribute('aria-controls');
  assert(list, 'the select exposes its listbox');
  await page.locator(`[id="${list}"] .el-select-dropdown__item`, { hasText: text }).first().click();
  await combo.and(page.locator('[aria-expanded=false]')).waitFor();
}
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function runAll(o: {
  base: string;
  shots: string | null;
  only?: string;
  executablePath?: string;
}): Promise<{ passed: number; failed: number }> {
  const browser = await chromium.launch({
    executablePath: o.executablePath ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  if (o.shots) mkdirSync(o.shots, { recursive: true });
  let passed = 0;
  let failed = 0;
  try {
    for (const t of tests) {
      if (o.only && !t.name.includes(o.only)) continue;
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      const contexts: BrowserContext[] = [];
      const c: Ctx = {
        base: o.base,
        shots: o.shots,
        browser,
        async session(user, opts = {}) {
          const ctx = await browser.newContext({
            baseURL: o.base,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
            viewport: { width: opts.width ?? 1600, height: opts.height ?? 1000 },
            isMobile: opts.mobile ?? false,
            hasTouch: opts.mobile ?? false,
            deviceScaleFactor: 1,
            // ctx.request (API calls with the session cookie) is no browser page and sends no Origin; the server refuses
            // cookie-authenticated writes without one (cross-site check), so the harness says it comes from the app
            extraHTTPHeaders: { origin: new URL(o.base).origin },
          });
          contexts.push(ctx);
          ctx.setDefaultTimeout(20_000);
          if (user) {
            const r = await ctx.request.post('/api/auth/login', { data: { username: user, password: PASSWORD } });
            assert(r.ok(), `login ${user}: ${r.status()}`);
          }
          const page = await ctx.newPage();
          const watch = (p: Page) => {
            p.on('console', (m) => {
              if (m.type() !== 'error') return;
              const text = `${m.text()} @ ${m.location().url ?? ''}`;
              if (!allowed.some((re) => re.test(text))) errors.push(`console error on ${p.url()}: ${text}`);
            });
            p.on('pageerror', (e) => errors.push(`uncaught on ${p.url()}: ${e.message}`));
          };
          watch(page);
          ctx.on('page', watch);
          return { ctx, page };
        },
        expectConsole(re) {
          allowed.push(re);
        },
        async shot(page, name) {
          if (!o.shots) return;
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${o.shots}/${name}.png` });
        },
        log(msg) {
          process.stdout.write(`    ${msg}\n`);
        },
      };
      const t0 = Date.now();
      try {
        await t.fn(c);
        if (errors.length) throw new Error(errors.join('\n'));
        passed++;
        process.stdout.write(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      } catch (e) {
        failed++;
        process.stdout.write(
          `FAIL ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n  ${String((e as Error).stack ?? e)
            .split('\n')
            .slice(0, 6)
            .join('\n  ')}\n`,
        );
        if (errors.length && !(e as Error).message.includes(errors[0]!))
          process.stdout.write(`  console: ${errors.join('\n  ')}\n`);
        if (o.shots || process.env.E2E_FAIL_SHOTS) {
          for (const ctx of contexts)
            for (const [i, p] of ctx.pages().entries())
              await p
                .screenshot({ path: `test-results/FAILED-${t.name.replace(/\W+/g, '_').slice(0, 40)}-${i}.png` })
                .catch(() => undefined);
        }
      } finally {
        for (const ctx of contexts) await ctx.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
  }
  return { passed, failed };
}
