/**
 * What every request meets before a route: the cross-site check on state-changing requests that ride on the session
 * cookie, rate limits per client address on public routes, and the security headers of every answer. Settings come
 * from the environment (edgeOptionsFromEnv), so a reverse proxy in front changes configuration, not code.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/index.js';

export interface EdgeOptions {
  /**
   * Whom to believe about the client's address and scheme (X-Forwarded-For/-Proto): false (default: nobody — the
   * headers are ignored, the socket is the client), true, a hop count, or addresses/CIDRs of the proxies.
   * XIEZHI_TRUST_PROXY=true | 1 | 10.0.0.1,10.0.0.0/8
   */
  trustProxy: boolean | number | string[];
  /** extra origins allowed to send cookie-authenticated writes (a dev server on another port); XIEZHI_ALLOWED_ORIGINS */
  allowedOrigins: string[];
  /** false turns the public rate limits off (XIEZHI_RATE_LIMITS=off), e.g. for a load test behind a proxy that limits */
  rateLimits: boolean;
}

export function edgeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EdgeOptions {
  const tp = (env.XIEZHI_TRUST_PROXY ?? '').trim();
  const trustProxy =
    !tp || tp === 'false' || tp === '0'
      ? false
      : tp === 'true'
        ? true
        : /^\d+$/.test(tp)
          ? Number(tp)
          : tp
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
  const allowedOrigins = (env.XIEZHI_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return { trustProxy, allowedOrigins, rateLimits: env.XIEZHI_RATE_LIMITS !== 'off' };
}

// ---- security headers ---------------------------------------------------------------------------------------------

/**
 * The built Vue app loads only its own scripts; Element Plus and ECharts set inline style attributes, hence
 * 'unsafe-inline' for styles only. Decision documents are self-contained HTML with inline <style>.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
  // API answers carry personal data: never kept by a shared cache or the browser's back button
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
}

// ---- cross-site writes ---------------------------------------------------------------------------------------------

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request authenticated by the session cookie must come from our own pages. Browsers say where a
 * request comes from (Sec-Fetch-Site since 2020, Origin on every cross-origin and every non-GET request); a request
 * that says neither while carrying the cookie is refused too. Bearer-token clients are not browsers riding on an
 * ambient credential and pass. The login form is checked as well (login CSRF would sign a victim into our account).
 */
export function crossSiteRefusal(req: FastifyRequest, o: EdgeOptions, cookieName: string): string | null {
  if (!UNSAFE.has(req.method)) return null;
  if (req.headers.authorization?.startsWith('Bearer ')) return null;
  const hasCookie = !!req.cookies?.[cookieName];
  const isLogin = req.url.split('?')[0] === '/api/auth/login';
  if (!hasCookie && !isLogin) return null;
  // Sec-Fetch-Site is set by the browser itself (no page can forge it) and survives proxies that rewrite Host
  const site = header(req, 'sec-fetch-site');
  if (site)
    return site === 'same-origin' || site === 'none'
      ? null
      : `跨站请求被拒绝（Sec-Fetch-Site: ${site.slice(0, 20)}）(cross-site request refused)`;
  const origin = header(req, 'origin');
  if (origin && origin !== 'null') {
    if (sameOrigin(req, origin, o)) return null;
    return `跨站请求被拒绝：来源 ${origin.slice(0, 100)} 不是本站 (cross-site request refused)`;
  }
  if (origin === 'null') return '跨站请求被拒绝（Origin: null）(cross-site request refused)';
  if (isLogin && !hasCookie) return null; // a script or CLI logging in: no browser, no ambient credential
  return '请求缺少来源信息（Origin），已拒绝 (cross-site check: no Origin)';
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameOrigin(req: FastifyRequest, origin: string, o: EdgeOptions): boolean {
  const clean = origin.replace(/\/$/, '');
  if (o.allowedOrigins.includes(clean)) return true;
  let u: URL;
  try {
    u = new URL(clean);
  } catch {
    return false;
  }
  // req.host honours X-Forwarded-Host only when the proxy is trusted
  return u.host === req.host && `${u.protocol}` === `${req.protocol}:`;
}

// ---- rate limits on public routes ----------------------------------------------------------------------------------

export interface Bucket {
  name: string;
  perMinute: number;
  burst: number;
}

/** Public routes by "METHOD /pattern"; other public routes share the default bucket. Per client address. */
export const PUBLIC_LIMITS: Record<string, Bucket> = {
  'POST /api/auth/login': { name: 'login', perMinute: 30, burst: 10 },
  'POST /api/public/tickets': { name: 'filing', perMinute: 10, burst: 5 },
  'GET /api/public/tickets/:no': { name: 'tracking', perMinute: 30, burst: 15 },
  'GET /api/public/tickets/:no/documents/:doc': { name: 'tracking', perMinute: 30, burst: 15 },
  'POST /api/public/tickets/:no/rating': { name: 'filing', perMinute: 10, burst: 5 },
  'POST /api/public/tickets/:no/attachments': { name: 'upload', perMinute: 12, burst: 6 },
  'POST /api/prefill': { name: 'prefill', perMinute: 120, burst: 40 },
  'POST /api/odr/applications': { name: 'filing', perMinute: 10, burst: 5 },
  'POST /api/public/abnormal-appeals': { name: 'filing', perMinute: 10, burst: 5 },
};
export const DEFAULT_PUBLIC: Bucket = { name: 'public', perMinute: 240, burst: 120 };
/** Never limited: monitoring must see the server, even when it is under a flood. */
const UNLIMITED = new Set(['GET /api/health']);

export const BUCKET_LABELS: Record<string, string> = {
  login: '登录',
  filing: '提交诉求',
  tracking: '进度查询',
  upload: '上传证据',
  prefill: '智能填写',
  public: '公开接口',
};

/** Token buckets per (bucket, address): `burst` requests at once, refilled at perMinute. */
export class RateLimiter {
  private state = new Map<string, { tokens: number; t: number }>();

  take(b: Bucket, address: string, now: number): { ok: true } | { ok: false; retryAfterS: number } {
    const k = `${b.name}\0${address}`;
    const rate = b.perMinute / 60_000;
    const s = this.state.get(k) ?? { tokens: b.burst, t: now };
    s.tokens = Math.min(b.burst, s.tokens + (now - s.t) * rate);
    s.t = now;
    if (this.state.size > 100_000) this.prune(now);
    this.state.set(k, s);
    if (s.tokens >= 1) {
      s.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - s.tokens) / rate / 1000)) };
  }

  private prune(now: number): void {
    for (const [k, s] of this.state) if (now - s.t > 10 * 60_000) this.state.delete(k);
  }
}

export function bucketFor(method: string, pattern: string | undefined, auth: unknown): Bucket | null {
  if (auth !== 'public' || !pattern) return null;
  const key = `${method} ${pattern}`;
  if (UNLIMITED.has(key)) return null;
  return PUBLIC_LIMITS[key] ?? DEFAULT_PUBLIC;
}

export function rateLimited(b: Bucket, retryAfterS: number): DomainError {
  return new DomainError(
    'rate_limited',
    {
      zh: `${BUCKET_LABELS[b.name] ?? '请求'}过于频繁，请 ${retryAfterS} 秒后再试 (rate limited: ${b.name})`,
      en: `Too many requests (${b.name}); please try again in ${retryAfterS} s.`,
    },
    { retry_after_s: retryAfterS, bucket: b.name },
  );
}
