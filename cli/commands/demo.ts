/**
 * `xiezhi demo [--port N] [--data DIR] [--tickets N] [--seed S] [--no-serve]` — the README's start command: on an empty
 * data directory it loads a simulated city (50,000 tickets by default) and the demo accounts, then serves.
 */
import { openApp } from '../../server/app.js';
import { loadDemo, proposeDemoEntries } from '../../server/demo/load-demo.js';
import { ensureWebBuilt } from '../../server/roles/web-build.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/modules/access/index.js';
import { intOpt, parse, progress } from '../../server/platform/cli/index.js';
import { ROLE_LABELS } from '../../shared/domain.js';
import { serve } from './serve.js';

const USAGE = 'xiezhi demo [--port N] [--data DIR] [--tickets N] [--seed S] [--no-serve]';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      port: { type: 'string' },
      data: { type: 'string' },
      tickets: { type: 'string' },
      seed: { type: 'string' },
      'no-serve': { type: 'boolean' },
      host: { type: 'string' },
      log: { type: 'boolean' },
    },
    USAGE,
  );
  const tickets = intOpt(values.tickets, 'tickets', 50_000);
  const seed = intOpt(values.seed, 'seed', 2026);
  const port = intOpt(values.port, 'port', Number(process.env.PORT ?? 7315));
  const dataDir = values.data ?? process.env.XIEZHI_DATA ?? '.xiezhi/demo';
  if (!values['no-serve']) await ensureWebBuilt();
  const app = await openApp({ dataDir });
  const bar = progress('loading demo city', tickets);
  let last = 0;
  const r = await loadDemo(app, {
    tickets,
    seed,
    onProgress: (n) => {
      bar.tick(n - last);
      last = n;
    },
  });
  bar.done(
    r.loaded
      ? `demo city loaded: ${r.tickets} tickets in ${r.seconds.toFixed(1)} s`
      : `using the existing data in ${dataDir} (${r.tickets} tickets)`,
  );
  await app.close();
  if (values['no-serve']) {
    const again = await openApp({ dataDir });
    const p = await proposeDemoEntries(again);
    await again.close();
    if (p.proposed) console.error(`abnormal-list proposals: ${p.proposed}`);
    return 0;
  }
  const served = await serve({
    port,
    host: values.host ?? '0.0.0.0',
    dataDir,
    roles: ['web', 'worker', 'scheduler'],
    log: !!values.log,
    banner: (url) => {
      console.log(`\n獬豸 Xiezhi is running: ${url}\n`);
      console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS)
        console.log(`  ${a.username.padEnd(11)} ${ROLE_LABELS[a.role].padEnd(10, '　')} ${a.displayName}`);
      console.log(
        `\nPublic portal: ${url}/   Workbench: ${url}/workbench   Cockpit: ${url}/cockpit   Enterprise: ${url}/enterprise`,
      );
      console.log(`API: ${url}/api/openapi.json   Health: ${url}/api/health\n`);
    },
  });
  // the model's abnormal-list proposals are computed in the background: the platform is usable meanwhile
  void proposeDemoEntries(served).catch((e) => console.error(`abnormal-list proposals: ${(e as Error).message}`));
  return await new Promise<number>(() => undefined);
}
