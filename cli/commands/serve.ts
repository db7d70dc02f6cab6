/**
 * `xiezhi serve [--port N] [--host H] [--data DIR] [--roles web,worker,scheduler] [--log] [--api-only]` — the API and web UI, the
 * outbox workers and the scheduler, in any mix per process. On the embedded database all three run in one process
 * (the data directory belongs to one process); on a PostgreSQL server run several web and worker processes.
 */
import { openApp } from '../../server/app.js';
import { parseRoles, startRoles, type RoleName } from '../../server/roles/index.js';
import { parse, intOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';
import { ensureWebBuilt } from '../../server/roles/web-build.js';

const USAGE = 'xiezhi serve [--port N] [--host H] [--data DIR] [--roles web,worker,scheduler] [--log] [--api-only]';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      roles: { type: 'string' },
      log: { type: 'boolean' },
      'api-only': { type: 'boolean' },
    },
    USAGE,
  );
  const port = intOpt(values.port, 'port', Number(process.env.PORT ?? 7315));
  let roles: RoleName[];
  try {
    roles = parseRoles(values.roles ?? 'web,worker,scheduler');
  } catch (e) {
    console.error(`xiezhi serve: ${(e as Error).message}`);
    return 2;
  }
  await serve({
    port,
    host: values.host ?? '0.0.0.0',
    dataDir: values.data,
    roles,
    log: !!values.log,
    apiOnly: !!values['api-only'],
  });
  return await new Promise<number>(() => undefined); // runs until killed
}

export async function serve(o: {
  port: number;
  host: string;
  dataDir?: string;
  roles: RoleName[];
  log?: boolean;
  apiOnly?: boolean;
  banner?: (url: string) => void;
}) {
  // the web role classifies only a missing kind on the request path; the categories follow from a worker
  // a fresh install has no built UI: build it before serving rather than answer "Web UI not built"
  // --api-only (load tests, the failover bench): no UI build on a fresh checkout
  if (o.roles.includes('web') && !o.apiOnly) await ensureWebBuilt();
  const app = await openApp({ dataDir: o.dataDir, enrich: o.roles.includes('web') ? 'kind' : true });
  if (app.db.kind === 'pglite' && !(o.roles.includes('web') && o.roles.includes('worker'))) {
    console.warn(
      'warning: on the embedded database one process owns the data; run web and worker together (or use DATABASE_URL)',
    );
  }
  let running: Awaited<ReturnType<typeof startRoles>>;
  try {
    running = await startRoles(app, o.roles, {
      port: o.roles.includes('web') ? o.port : undefined,
      host: o.host,
      log: o.log,
    });
  } catch (e) {
    await app.close();
    if ((e as { code?: string }).code === 'EADDRINUSE')
      throw new InputError(`port ${o.port} is already in use (another server running? choose one with --port N)`);
    throw e;
  }
  const where = app.db.kind === 'pg' ? 'PostgreSQL server' : `embedded PGlite in ${app.dataDir}`;
  if (running.http) {
    const url = `http://localhost:${o.port}`;
    if (o.banner) o.banner(url);
    else console.log(`xiezhi: listening on ${url} (roles: ${o.roles.join(', ')}; database: ${where})`);
  } else console.log(`xiezhi: running roles ${o.roles.join(', ')} (database: ${where})`);
  const warn = app.cal().missingScheduleWarning(app.today());
  if (warn) console.warn(`warning: ${warn}`);
  const shutdown = async () => {
    await running.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return app;
}
