/**
 * The one place the UI talks to the server. Same-origin fetch with the session cookie; errors come back as ApiError
 * carrying the server's {error, message} so screens can show the server's own words. Every request states the UI's
 * locale (x-xiezhi-locale), so an English session gets English messages and a Chinese one Chinese.
 */
import { locale } from './i18n';

/** The header naming the UI's locale; also for the few screens that call fetch themselves (downloads). */
export const localeHeader = (): Record<string, string> => ({ 'x-xiezhi-locale': locale.value });
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function qs(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Called on 401 from a staff endpoint, so the app can send the user to the login page. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(f: () => void) {
  onUnauthorized = f;
}

async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json', ...localeHeader() }
        : { 'content-type': 'application/json', accept: 'application/json', ...localeHeader() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const d = (data ?? {}) as { error?: string; message?: string };
    if (res.status === 401 && !opts.quiet401 && onUnauthorized) onUnauthorized();
    throw new ApiError(res.status, d.error ?? String(res.status), d.message ?? res.statusText);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, q?: Query, opts?: { quiet401?: boolean }) => request<T>('GET', path + qs(q), undefined, opts),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
};

/** Whether the server has a route (the OpenAPI document lists it): screens built ahead of an endpoint say so instead of erroring. */
let openapi: Promise<Set<string>> | null = null;
export function hasEndpoint(method: string, path: string): Promise<boolean> {
  openapi ??= fetch('/api/openapi.json')
    .then((r) => (r.ok ? r.json() : { paths: {} }))
    .then((d: { paths?: Record<string, Record<string, unknown>> }) => {
      const s = new Set<string>();
      for (const [p, ops] of Object.entries(d.paths ?? {}))
        for (const m of Object.keys(ops)) s.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
      return s;
    })
    .catch(() => new Set<string>());
  return openapi.then((s) => s.has(`${method.toUpperCase()} ${path}`));
}

/** A 404 that means "this server has no such route yet" (not "no such ticket"). */
export function isMissingRoute(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'no_route';
}

/** Finds the route a screen needs among a few plausible spellings while the API is being written. */
export async function findEndpoint(method: string, candidates: string[]): Promise<string | null> {
  for (const c of candidates) if (await hasEndpoint(method, c)) return c;
  return null;
}

/** Thrown instead of calling a route the server does not list, so no 404 reaches the console. */
export class MissingRoute extends ApiError {
  constructor(path: string) {
    super(404, 'no_route', `no route ${path}`);
  }
}
/** Calls `fn` only when the server's OpenAPI lists `method pattern`; otherwise throws MissingRoute. */
export async function ifRoute<T>(method: string, pattern: string, fn: () => Promise<T>): Promise<T> {
  if (!(await hasEndpoint(method, pattern))) throw new MissingRoute(pattern);
  return fn();
}

/** A browser file as base64 for the JSON upload endpoints (≤ 5 MB each). */
export async function fileToBase64(f: Blob): Promise<string> {
  const buf = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}
