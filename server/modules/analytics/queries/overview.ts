/**
 * The cockpit's figures in one call: totals, KPIs (on-time rate; mediation success rate with abnormal-listed
 * complainants' tickets left out, as the 异常名录 rules require), breakdowns, the daily trend and hot businesses.
 */
import { scopeOf, type Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import type { Queryable } from '../../../platform/db/index.js';
import { districtName, allDistricts } from '../../dispatch/index.js';
import { rate, type CubeFilter } from '../domain/dimensions.js';
import { analyticsRepo } from '../repository.js';
import { rollupRepo, rollupScope } from '../repository/rollups.js';

const shift = (d: string, days: number) => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);

/** Jurisdiction from the catalog: a district supervisor sees its district, a station its unit; the city sees all. */
export function scopeFilter(actor: Actor, f: CubeFilter): CubeFilter {
  return { ...f, scope: scopeOf(actor, 'analytics.read') };
}

const cache = new Map<string, { at: number; value: unknown }>();
const CACHE_MS = 30_000;

export async function overview(ctx: Ctx, actor: Actor, f: CubeFilter) {
  const today = ctx.today();
  const to = f.to ?? today;
  const from = f.from ?? shift(to, -364);
  const base = scopeFilter(actor, { ...f, from, to });
  // the cockpit polls; figures a few seconds old are fine, a scan per poll per screen is not
  const key = JSON.stringify([base, today]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Awaited<ReturnType<typeof computeOverview>>;
  const value = await computeOverview(ctx, base, from, to, today, 'auto');
  cache.set(key, { at: Date.now(), value });
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  return value;
}

/** The ten businesses ranked from rollup_hot, then their names and distinct complainants from their own tickets. */
async function hotFromRollup(db: Queryable, recentFrom: string, prevFrom: string, to: string) {
  const ranked = await rollupRepo.hot(db, recentFrom, prevFrom, to, 10);
  const details = await analyticsRepo.hotDetails(
    db,
    ranked.map((h) => h.key),
    recentFrom,
    prevFrom,
    to,
  );
  return ranked.map((h) => ({
    ...h,
    name: details.get(h.key)?.name ?? null,
    complainants: details.get(h.key)?.complainants ?? 0,
  }));
}

/**
 * Where the totals, breakdowns and trend come from: the rollups (migration 0240) for the city's and a district's
 * unfiltered cockpit, else one scan of the tickets (a station's cockpit, a filtered overview). `scan` forces the
 * scan: the rollup exactness test and the benchmark compare the two.
 */
export type OverviewSource = 'auto' | 'scan';

export async function computeOverview(
  ctx: Ctx,
  base: CubeFilter,
  from: string,
  to: string,
  today: string,
  source: OverviewSource,
) {
  // aggregates already cached for 30 s: the replica serves them (the primary when it lags or there is none)
  const db = ctx.reads?.reader() ?? ctx.db;
  const key = source === 'auto' && !Object.keys(base.eq ?? {}).length ? rollupScope(base.scope) : null;
  const trendFrom = shift(to, -89);
  const [recentFrom, prevFrom] = [shift(to, -29), shift(to, -59)];
  const [scan, trend, hot, topics] = await Promise.all([
    key !== null ? rollupRepo.overview(db, key, from, to, today) : analyticsRepo.overviewScan(db, base, today),
    key !== null
      ? rollupRepo.days(db, key, trendFrom, to)
      : analyticsRepo.cube(db, ['day'], { ...base, from: trendFrom }, 100, true),
    // the city's hot businesses whoever looks (rollup_hot is city-wide): the rollup unless the scan is forced
    source === 'auto'
      ? hotFromRollup(db, recentFrom, prevFrom, to)
      : analyticsRepo.hotBusinesses(db, recentFrom, prevFrom, to, 10),
    key !== null
      ? rollupRepo.topics(db, key, recentFrom, prevFrom, to)
      : analyticsRepo.topics(db, base, recentFrom, prevFrom),
  ]);
  // GROUPING() bit order: kind, channel, category, problem, district, age_group (1 = not grouped by it)
  const dims = ['kind', 'channel', 'category', 'problem', 'district', 'age_group'];
  const by = (dim: string) => {
    const mask = 63 ^ (1 << (dims.length - 1 - dims.indexOf(dim)));
    return scan
      .filter((r) => r.g === mask)
      .map((r) => ({ key: r[dim] as string, count: Number(r.count), open: Number(r.open) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)); // ties in one order, whichever way they were read
  };
  const t = scan.find((r) => r.g === 63) ?? {};
  const n = (k: string) => Number((t as Record<string, unknown>)[k] ?? 0);
  const totals = {
    tickets: n('count'),
    complaints: n('complaints'),
    reports: n('reports'),
    consultations: n('consultations'),
    open: n('open'),
    overdue: n('overdue'),
    today: n('today'),
    mediated: n('mediated'),
    terminated: n('terminated'),
    abnormal_tickets: n('abnormal_tickets'),
    odr_settled: n('odr_settled'),
    odr_total: n('odr_total'),
    satisfaction: (t as Record<string, unknown>).satisfaction as number | null,
  };
  const byDistrict = new Map(by('district').map((r) => [r.key, r]));
  const hotTopics = topics
    .filter((r) => r.category !== '未分类')
    .map((r) => ({
      category: r.category,
      problem: r.problem,
      label: `${r.category}·${r.problem}`,
      topic: `${r.category}·${r.problem}`,
      count: r.recent,
      recent: r.recent,
      previous: r.previous,
      growth: r.previous ? Math.round(((r.recent - r.previous) / r.previous) * 100) / 100 : null,
    }))
    .slice(0, 10);
  return {
    range: { from, to },
    totals,
    kpi: {
      on_time_rate: rate(n('decided') - n('late'), n('decided')),
      mediation_success_rate: rate(totals.mediated, totals.mediated + totals.terminated),
      mediation_note: '调解成功率不含异常名录人员的工单',
      odr_first_settlement_rate: rate(totals.odr_settled, totals.odr_total),
      satisfaction: totals.satisfaction ? Math.round(totals.satisfaction * 100) / 100 : null,
      overdue: totals.overdue,
    },
    by_kind: by('kind').slice(0, 50),
    by_channel: by('channel').slice(0, 50),
    by_category: by('category').slice(0, 30),
    by_problem: by('problem').slice(0, 20),
    by_age_group: by('age_group'),
    by_district: allDistricts().map((d) => ({
      key: d.code,
      name: d.name,
      count: byDistrict.get(d.code)?.count ?? 0,
      open: byDistrict.get(d.code)?.open ?? 0,
    })),
    unresolved_district: byDistrict.get('未定')?.count ?? 0,
    // tickets with no Shanghai district (out-of-town businesses awaiting referral, no place named, consultations):
    // shown as 未定位 beside the 16 districts, never dropped; its key drills down with district:未定
    unlocated: {
      key: '未定',
      name: '未定位',
      count: byDistrict.get('未定')?.count ?? 0,
      open: byDistrict.get('未定')?.open ?? 0,
    },
    trend: trend
      .map((r) => ({ date: r.d0, count: r.count }))
      .sort((a, b) => String(a.date).localeCompare(String(b.date))),
    hot_topics: hotTopics,
    hot_businesses: hot.map((h) => ({
      ...h,
      growth: h.previous ? Math.round(((h.recent - h.previous) / h.previous) * 100) / 100 : null,
    })),
    district_names: Object.fromEntries(allDistricts().map((d) => [d.code, districtName(d.code)])),
  };
}
