/**
 * The cockpit's figures are requested as soon as the router knows where it is going, in parallel with the session
 * check and the (large, ECharts) cockpit chunk, instead of after the chunk has loaded and mounted.
 */
import { api } from './api';

let pending: { at: number; p: Promise<unknown> } | null = null;

export function prefetchOverview() {
  pending = { at: Date.now(), p: api.get('/api/analytics/overview') };
  pending.p.catch(() => undefined);
}

/** The prefetched default overview if it is fresh (a few seconds), else null. */
export function takeOverview<T>(): Promise<T> | null {
  const x = pending;
  pending = null;
  return x && Date.now() - x.at < 10_000 ? (x.p as Promise<T>) : null;
}
