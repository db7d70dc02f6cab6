/** `xiezhi serve [--port N] [--data DIR] [--host H] [--roles web,scheduler]` — API + web UI (+ deadline sweeps). */
import { openApp } from '../../server/app.js';
import { buildHttp } from '../../server/http.js';
import { optionalRoutes } from '../../server/routes.js';
import { startScheduler } from '../../server/roles/scheduler.js';
import { parse, intOpt } from '../../server/platform/cli/index.js';

const USAGE = 'xiezhi serve [--port N] [--host H] [--data DIR] [--roles web,scheduler] [--log]';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, roles: { type: 'string' }, log: { type: 'boolean' } }, USAGE);
  const port = intOpt(values.port, 'port', Number(process.env.PORT ?? 7315));
  await serve({ port, host: values.host ?? '0.0.0.0', dataDir: values.data, roles: (values.roles ?? 'web,scheduler').split(','), log: !!values.log });
  return await new Promise<number>(() => undefined); // runs until killed
}

export async function serve(o: { port: number; host: string; dataDir?: string; roles: string[]; log?: boolean; banner?: (url: string) => void }) {
  const app = await openApp({ dataDir: o.dataDir });
  const stops: (() => Promise<void> | void)[] = [];
  if (o.roles.includes('web')) {
    const http = await buildHttp(app, await optionalRoutes(app), { logger: o.log });
    await http.listen({ port: o.port, host: o.host });
    app.startBackground?.();
    const url = `http://localhost:${o.port}`;
    stops.push(() => http.close());
    if (o.banner) o.banner(url);
    else console.log(`xiezhi: listening on ${url} (database: ${app.db.kind === 'pg' ? 'PostgreSQL server' : `embedded PGlite in ${app.dataDir}`})`);
  }
  if (o.roles.includes('scheduler')) stops.push(startScheduler(app));
  const warn = app.cal().missingScheduleWarning(app.today());
  if (warn) console.warn(`warning: ${warn}`);
  const shutdown = async () => {
    for (const s of stops) await s();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return app;
}
