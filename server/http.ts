/**
 * The web role: the HTTP API of every module plus the built web UI. Routes are registered module by module; the
 * OpenAPI document is generated from their zod schemas.
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createHttp, HTTP_STATUS, type Http } from './platform/http/index.js';
import type { ErrorCode } from './platform/errors/index.js';
import { resolveSession } from './modules/access/index.js';
import { isApiKey, resolveApiKey } from './modules/odr/index.js';
import { accessRoutes } from './modules/access/http/routes.js';
import { workflowRoutes } from './modules/workflow/http/routes.js';
import { intakeRoutes } from './modules/intake/http/routes.js';
import type { App } from './app.js';

export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

export type RouteModule = (http: Http, app: App) => void | Promise<void>;

/** Route modules of optional capabilities register themselves here (server/routes.ts). */
export async function buildHttp(
  app: App,
  extra: RouteModule[] = [],
  opts: { logger?: boolean; /** the built UI (tests point it elsewhere) */ webDist?: string } = {},
): Promise<Http> {
  const webDist = opts.webDist ?? WEB_DIST;
  // a Bearer token is a session, or an ODR firm's API key (xzk_…) that acts as the firm in the enterprise role
  const http = await createHttp({
    resolveActor: (t) => (isApiKey(t) ? resolveApiKey(app.db, t, app.now()) : resolveSession(app.db, t)),
    logger: opts.logger,
    onWrite: (id) => app.reads?.noteWrite(id),
  });
  accessRoutes(http, app.db);
  workflowRoutes(http, app);
  intakeRoutes(http, app);
  for (const r of extra) await r(http, app);
  http.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => http.swagger());
  // an unknown API path answers with its own code, so the web tells "no such route" from "no such ticket" by code
  const missing = (method: string, url: string) => ({
    error: 'no_route' satisfies ErrorCode,
    message: `no route ${method} ${url}`,
  });
  if (existsSync(webDist)) {
    await http.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // the build wrote .br/.gz beside each asset (web/build/precompress.ts)
      preCompressed: true,
      // hashed file names under /assets never change: cached for a year; index.html and the rest are revalidated, so
      // a new release reaches every browser on its next load
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // single-page app: unknown non-API paths get index.html
    http.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(HTTP_STATUS.no_route).send(missing(req.method, req.url));
      return reply.sendFile('index.html');
    });
  } else {
    http.setNotFoundHandler((req, reply) => reply.status(HTTP_STATUS.no_route).send(missing(req.method, req.url)));
    http.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>獬豸</title><p>Web UI not built: run <code>npm run build:web</code>. API: <a href="/api/openapi.json">/api/openapi.json</a></p>',
        ),
    );
  }
  return http;
}
