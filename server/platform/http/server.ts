/**
 * The HTTP edge: Fastify with zod validation and OpenAPI generated from the same schemas. Every route must declare
 * who may call it (`config.auth`: 'public', 'any', or `can('permission')`, the roles the access catalog gives it) — a
 * route without it fails at start-up, so no endpoint is ever left unguarded by accident. Domain errors map to HTTP statuses here and nowhere else.
 */
import { httpMetrics } from '../metrics/index.js';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError, ENGLISH_BY_CODE, messageFor, requestLocale, type ErrorCode } from '../errors/index.js';
import type { Role } from '../../../shared/domain.js';
import type { Actor } from '../actor/index.js';
import { cleanInput } from './inputs.js';
import {
  bucketFor,
  crossSiteRefusal,
  edgeOptionsFromEnv,
  rateLimited,
  RateLimiter,
  securityHeaders,
  type EdgeOptions,
} from './edge.js';

export type AuthSpec = 'public' | 'any' | Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthSpec;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  illegal_transition: 409,
  conflict: 409,
  rate_limited: 429,
  no_route: 404,
  unavailable: 503,
};

export const SESSION_COOKIE = 'xz_session';

export interface HttpOptions {
  resolveActor: (token: string) => Promise<FastifyRequest['actor']>;
  /** called after every successful write request by a logged-in actor (read-your-writes routing of replica reads) */
  onWrite?: (actorId: string) => void | Promise<void>;
  logger?: boolean;
  /** proxy trust, extra allowed origins, rate limits (default: from the environment) */
  edge?: EdgeOptions;
}

/** The session cookie's attributes: Secure whenever the client reached us over TLS (directly or via a trusted proxy). */
export function sessionCookie(req: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https', maxAge: 12 * 3600 };
}

const trustFn = (t: EdgeOptions['trustProxy']) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t);

export async function createHttp(o: HttpOptions): Promise<Http> {
  // pluginTimeout: start-up may share the CPU with a demo load or history replays; a slow start is not a broken plugin
  const edge = o.edge ?? edgeOptionsFromEnv();
  // trustProxy: X-Forwarded-For/-Proto are believed only from configured proxies; anyone can send those headers
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustFn(edge.trustProxy),
    pluginTimeout: 120_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Xiezhi 獬豸 API',
        description: '12315 投诉举报智慧平台 — complaint & report handling',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.decorateRequest('actor', null);

  // before the body is read: a flood or a cross-site write costs no parsing; headers go on every answer, errors too
  const limiter = new RateLimiter();
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(req, reply);
    const refused = crossSiteRefusal(req, edge, SESSION_COOKIE);
    if (refused) throw new DomainError('forbidden', refused, { reason: 'cross_site' });
    const b = edge.rateLimits ? bucketFor(req.method, req.routeOptions.url, req.routeOptions.config?.auth) : null;
    if (b) {
      const r = limiter.take(b, req.ip, Date.now());
      if (!r.ok) throw rateLimited(b, r.retryAfterS);
    }
  });

  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    if (!r.config?.auth && !r.url.startsWith('/api/openapi'))
      throw new Error(`route ${r.method} ${r.url} declares no auth`);
  });

  // after parsing, before the route's zod schema: NUL refused with the field named, other control characters stripped
  app.addHook('preValidation', async (req) => {
    const r = req as unknown as Record<'body' | 'query' | 'params', unknown>;
    for (const part of ['params', 'query', 'body'] as const) {
      if (r[part] === undefined) continue;
      const c = cleanInput(r[part], part);
      if ('problem' in c)
        throw new DomainError(
          'invalid_input',
          {
            zh: `输入含有NUL字符（${c.problem}），已拒绝 (NUL character in input)`,
            en: `A NUL character in the input (${c.problem}) was refused.`,
          },
          {
            field: c.problem,
          },
        );
      r[part] = c.value;
    }
  });

  // who is calling is settled before the body is read or validated: a caller without the right gets 401/403, never a
  // 400 that describes the schema, and an anonymous upload is refused before its 8 MB are parsed
  app.addHook('onRequest', async (req) => {
    const spec = req.routeOptions.config?.auth;
    if (!spec) return;
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7) : req.cookies[SESSION_COOKIE];
    req.actor = token ? await o.resolveActor(token) : null;
    if (spec === 'public') return;
    if (!req.actor)
      throw new DomainError('unauthenticated', { zh: '请先登录 (login required)', en: 'Please log in first.' });
    if (spec !== 'any' && !spec.includes(req.actor.role))
      throw new DomainError('forbidden', {
        zh: `角色 ${req.actor.role} 无权访问该功能`,
        en: `The role ${req.actor.role} may not use this function.`,
      });
  });

  // request rate and latency by route template (bounded labels), for /metrics
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpMetrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    httpMetrics.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  if (o.onWrite) {
    const onWrite = o.onWrite;
    // before the answer leaves (onSend, not onResponse): the writer's next request may arrive the moment it has it
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.actor && reply.statusCode < 400 && !['GET', 'HEAD', 'OPTIONS'].includes(req.method))
        await onWrite(req.actor.id);
      return payload;
    });
  }

  // the message goes out in the UI's locale (x-xiezhi-locale from the web client); the CLI and other clients get Chinese
  app.setErrorHandler((err, _req, reply) => {
    const en = requestLocale(_req.headers) === 'en';
    if (
      err instanceof DomainError &&
      (err.code === 'rate_limited' || err.code === 'unavailable') &&
      typeof err.details?.retry_after_s === 'number'
    )
      reply.header('retry-after', String(err.details.retry_after_s));
    if (err instanceof DomainError)
      return reply.status(HTTP_STATUS[err.code]).send({
        error: err.code,
        message: messageFor(err, en ? 'en' : 'zh'),
        ...(err.details ? { details: err.details } : {}),
      });
    const e = err as { validation?: unknown; statusCode?: number; message: string; code?: string };
    if (e.validation || e.code === 'FST_ERR_VALIDATION')
      return reply.status(400).send({ error: 'invalid_input', message: e.message });
    // the database refused a value (SQLSTATE class 22: bad date, number out of range, bad encoding): the input was
    // wrong, not the server — a route whose schema let it through still answers 400
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code))
      return reply.status(400).send({
        error: 'invalid_input',
        message: `${en ? 'The data entered is not valid' : '输入的数据无效'} (${e.message.slice(0, 200)})`,
      });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: 'invalid_input', message: e.message });
    app.log.error(err);
    // an internal error is always logged, with or without request logging
    if (!o.logger) console.error(`internal error on ${_req.method} ${_req.url}: ${(err as Error).stack ?? err}`);
    return reply
      .status(500)
      .send({ error: 'internal', message: en ? ENGLISH_BY_CODE.internal : '服务器内部错误 (internal error)' });
  });

  app.get('/api/health', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
    time: new Date().toISOString(),
  }));
  return app;
}

/** The zod type provider is part of the type: `req.body`, `req.query` and `req.params` are typed from each route's
 * schema, so a handler never casts what the schema already checked. */
export type Http = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
