/**
 * The engine's two detectors, as functions of a subject's state: the prospective negative-binomial scan (every
 * subject) and the NB-CUSUM on daily totals (categories). They read the state and, for the CUSUM, advance its
 * statistic; raising and merging alerts is the engine's.
 */
import { decay } from './days.js';
import type { ResolvedOptions } from './options.js';
import { GUARD, type Fire, type SubjectState, type TypeState } from './state.js';
import { logNbUpperTail, nbLogLikRatio } from './stats.js';

/** Posterior (shape, rate) of a subject's share of its type's volume. */
export function posterior(
  opts: ResolvedOptions,
  ts: TypeState,
  st: SubjectState,
  D: number,
  p0: number,
): { r: number; beta: number } {
  const a = opts.priorShape;
  const H = decay(st.hist, st.histDay, D, opts.halfLifeDays);
  const NH = decay(ts.hist, ts.histDay, D, opts.halfLifeDays);
  return { r: a + H, beta: a / p0 + NH };
}

/**
 * The prospective scan on day D: distinct people over each window ending today against the subject's expected share
 * of the other subjects' volume; the most significant window, if it passes the type's recurrence interval.
 */
export function scan(
  opts: ResolvedOptions,
  ts: TypeState,
  st: SubjectState,
  D: number,
  p0: number,
  K: number,
): Fire | undefined {
  if (!st.buckets.length || st.buckets[st.buckets.length - 1]!.day !== D) return undefined;
  const min = opts.minComplainants[ts.type];
  const { r, beta } = posterior(opts, ts, st, D, p0);
  const rEff = Math.min(r, opts.maxShape);
  const cold = D - ts.firstDay < opts.warmupDays + GUARD;
  let bi = st.buckets.length - 1;
  let c = 0;
  let vol = 0;
  let best: Fire | undefined;
  let w0 = 0;
  for (const w of opts.windows) {
    const start = D - w + 1;
    for (let d = D - w0; d >= start; d--) vol += ts.vol.get(d) ?? 0;
    w0 = w;
    // distinct people in the window = people whose latest ticket on this subject falls inside it
    while (bi >= 0 && st.buckets[bi]!.day >= start) c += st.buckets[bi--]!.latest;
    if (c < min) continue;
    const first = bi + 1 < st.buckets.length ? st.buckets[bi + 1]!.day : start;
    // Expected from the *other* subjects' volume: when a burst is most of what arrives (a quiet board, a night),
    // the volume it makes itself must not raise its own expectation. π/(1−π) turns a share into odds.
    // Categories cover most tickets (one may be nearly all of them), so they keep the plain share × volume.
    const pi = Math.min(0.5, r / beta);
    const m = ts.type === 'category' ? (r / beta) * vol : (pi / (1 - pi)) * Math.max(vol - c, 1);
    const logp = logNbUpperTail(c, rEff, m) + Math.log(opts.windows.length);
    if (!best || logp < best.logp)
      best = { logp, start: Math.max(start, first), count: c, expected: m, detector: 'scan', K, cold };
  }
  if (!best) return undefined;
  // With no history a topic or category cannot be said to rise — every common word looks new on day one — so a
  // cold alert there needs the signature of a group dispute: most of its tickets against one business.
  if (cold && (ts.type === 'topic' || ts.type === 'category') && concentration(st, best.start) < opts.coldConcentration)
    return undefined;
  const pMaxLog = -Math.log(opts.minRecurrenceYears[ts.type] * 365.25 * (cold ? opts.coldFactor : 1));
  return best.logp <= pMaxLog ? best : undefined;
}

/** Share of a subject's tickets since `start` that name its most frequent business. */
function concentration(st: SubjectState, start: number): number {
  const per = new Map<string, number>();
  let n = 0;
  for (const b of st.buckets) {
    if (b.day < start) continue;
    n += b.tickets.length;
    for (const [k, v] of b.biz ?? []) per.set(k, (per.get(k) ?? 0) + v);
  }
  let top = 0;
  for (const v of per.values()) top = Math.max(top, v);
  return n ? top / n : 0;
}

/** NB-CUSUM for a doubling of a category's daily count (category totals are dense enough for it). */
export function cusum(
  opts: ResolvedOptions,
  ts: TypeState,
  st: SubjectState,
  D: number,
  p0: number,
  K: number,
): Fire | undefined {
  const { r, beta } = posterior(opts, ts, st, D, p0);
  const m0 = (r / beta) * (ts.vol.get(D) ?? 0);
  if (m0 < 1 || decay(ts.hist, ts.histDay, D, opts.halfLifeDays) < 28 * (ts.vol.get(D) ?? 0) * 0.5) {
    st.cusum = 0; // too sparse or too little history for a CUSUM: the scan covers these
    return undefined;
  }
  const last = st.buckets[st.buckets.length - 1];
  const x = last && last.day === D ? last.order.length : 0;
  const k = Math.min(r, opts.maxShape * 3);
  const m1 = 2 * m0;
  if (st.cusum === 0) st.cusumStart = D;
  st.cusum = Math.max(0, st.cusum + nbLogLikRatio(x, k, m0, m1));
  if (st.cusum === 0 || st.cusum < opts.cusumThreshold) return undefined;
  const kl = -nbLogLikRatio(m0, k, m0, m1);
  const arl0 = (Math.exp(opts.cusumThreshold) - opts.cusumThreshold - 1) / Math.max(kl, 1e-9);
  const start = Math.max(st.cusumStart, D - GUARD + 1);
  let count = 0;
  for (const b of st.buckets) if (b.day >= start) count += b.order.length;
  // No reset after an alarm: while the statistic stays above the threshold every day is an alert day, merged into
  // one event whose window grows; it ends when the statistic falls back to zero.
  if (count < opts.minComplainants.category) return undefined;
  let expected = 0;
  for (let d = start; d <= D; d++) expected += (r / beta) * (ts.vol.get(d) ?? 0);
  return { logp: -Math.log(arl0), start, count, expected, detector: 'nb-cusum', K, cold: false };
}
