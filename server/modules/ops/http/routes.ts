/**
 * Operations: `GET /api/ready` (readiness: the database answers; replica lag, outbox backlog, queue depths, detector)
 * for load balancers and people, public like /api/health and free of personal data; `GET /metrics` in Prometheus
 * text format for a scraper on the same machine (loopback), one holding XIEZHI_METRICS_TOKEN, or an admin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { metricsText, readiness, type DetectorView } from '../queries/status.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Who may read /metrics: the decision, in one place (the route-walk ACCESS table lists it as admin). */
export function mayReadMetrics(
  req: Pick<FastifyRequest, 'ip' | 'headers' | 'actor'>,
  token = process.env.XIEZHI_METRICS_TOKEN,
): 'ok' | 'unauthenticated' | 'forbidden' {
  // req.ip honours XIEZHI_TRUST_PROXY: a forwarded request from outside is not loopback
  if (LOOPBACK.has(req.ip)) return 'ok';
  const h = req.headers.authorization ?? '';
  if (token && token.length >= 16 && h.startsWith('Bearer ')) {
    const a = Buffer.from(h.slice(7));
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) return 'ok';
  }
  if (!req.actor) return 'unauthenticated';
  return req.actor.role === 'admin' ? 'ok' : 'forbidden';
}

export function opsRoutes(http: Http, ctx: Ctx, detector: DetectorView) {
  http.get(
    '/api/ready',
    {
      config: { auth: 'public' },
      schema: { tags: ['ops'], summary: '就绪检查：数据库、只读副本延迟、事件积压、队列深度' },
    },
    async () => readiness(ctx, detector),
  );

  http.get(
    '/metrics',
    { config: { auth: 'public' }, schema: { tags: ['ops'], summary: 'Prometheus 指标（本机、令牌或管理员）' } },
    async (req, reply) => {
      const may = mayReadMetrics(req);
      if (may === 'unauthenticated')
        return fail('unauthenticated', {
          zh: '请先登录，或从本机/凭指标令牌读取 (login, loopback or XIEZHI_METRICS_TOKEN required)',
          en: 'Log in, or read from this machine or with the metrics token (XIEZHI_METRICS_TOKEN).',
        });
      if (may === 'forbidden')
        return fail('forbidden', {
          zh: '仅管理员可读取运行指标 (admin only)',
          en: 'Only an administrator may read the metrics.',
        });
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metricsText(ctx, detector));
    },
  );
}
