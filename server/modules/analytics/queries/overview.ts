/**
 * The cockpit's figures in one call: totals, KPIs (on-time rate; mediation success rate with abnormal-listed
 * complainants' tickets left out, as the 异常名录 rules require), breakdowns, the daily trend and hot businesses.
 */
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { districtName, allDistricts } from '../../dispatch/index.js';
import { rate, type CubeFilter } from '../domain/dimensions.js';
import { analyticsRepo } from '../repository.js';

const shift = (d: string, days: number) => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);

/** Jurisdiction: a district supervisor sees its district, a station its unit; the city sees all. */
export function scopeFilter(actor: Actor, f: CubeFilter): CubeFilter {
  const eq = { ...(f.eq ?? {}) };
  if (actor.role === 'supervisor' && actor.districtCode) eq.district = actor.districtCode;
  if (actor.role === 'officer' && actor.unitId) eq.unit = actor.unitId;
  return { ...f, eq };
}

export async function overview(ctx: Ctx, actor: Actor, f: CubeFilter) {
  const today = ctx.today();
  const to = f.to ?? today;
  const from = f.from ?? shift(to, -364);
  const base = scopeFilter(actor, { ...f, from, to });
  const [totals, onTime, kind, channel, category, problem, district, trend, hot, age, topicsNow, topicsBefore] = await Promise.all([
    analyticsRepo.totals(ctx.db, base, today),
    analyticsRepo.onTime(ctx.db, base),
    analyticsRepo.cube(ctx.db, ['kind'], base, 50, true),
    analyticsRepo.cube(ctx.db, ['channel'], base, 50, true),
    analyticsRepo.cube(ctx.db, ['category'], base, 30, true),
    analyticsRepo.cube(ctx.db, ['problem'], base, 20, true),
    analyticsRepo.cube(ctx.db, ['district'], base, 50, true),
    analyticsRepo.cube(ctx.db, ['day'], { ...base, from: shift(to, -89) }, 100, true),
    analyticsRepo.hotBusinesses(ctx.db, shift(to, -29), shift(to, -59), to, 10),
    analyticsRepo.cube(ctx.db, ['age_group'], base, 20, true),
    analyticsRepo.cube(ctx.db, ['category', 'problem'], { ...base, from: shift(to, -29) }, 200),
    analyticsRepo.cube(ctx.db, ['category', 'problem'], { ...base, from: shift(to, -59), to: shift(to, -30) }, 200, true),
  ]);
  // hot topics: category × problem combinations with the most complainants in 30 days, and their growth
  const before = new Map(topicsBefore.map((r) => [`${r.d0}|${r.d1}`, Number(r.count)]));
  const hotTopics = topicsNow
    .filter((r) => r.d0 !== '未分类')
    .map((r) => ({ category: String(r.d0), problem: String(r.d1), label: `${r.d0}·${r.d1}`, recent: Number(r.count), complainants: Number(r.complainants), previous: before.get(`${r.d0}|${r.d1}`) ?? 0 }))
    .map((x) => ({ ...x, topic: x.label, count: x.recent, growth: x.previous ? Math.round(((x.recent - x.previous) / x.previous) * 100) / 100 : null }))
    .sort((a, b) => b.recent - a.recent)
    .slice(0, 10);
  const byDistrict = new Map(district.map((r) => [String(r.d0), r]));
  return {
    range: { from, to },
    totals,
    kpi: {
      on_time_rate: rate(onTime.decided - onTime.late, onTime.decided),
      mediation_success_rate: rate(totals.mediated!, totals.mediated! + totals.terminated!),
      mediation_note: '调解成功率不含异常名录人员的工单',
      odr_first_settlement_rate: rate(totals.odr_settled!, totals.odr_total!),
      satisfaction: totals.satisfaction ? Math.round(totals.satisfaction * 100) / 100 : null,
      overdue: totals.overdue,
    },
    by_kind: kind.map((r) => ({ key: r.d0, count: r.count })),
    by_channel: channel.map((r) => ({ key: r.d0, count: r.count })),
    by_category: category.map((r) => ({ key: r.d0, count: r.count })),
    by_problem: problem.map((r) => ({ key: r.d0, count: r.count })),
    by_age_group: age.map((r) => ({ key: r.d0, count: r.count })),
    by_district: allDistricts().map((d) => ({ key: d.code, name: d.name, count: Number(byDistrict.get(d.code)?.count ?? 0), open: Number(byDistrict.get(d.code)?.open ?? 0) })),
    unresolved_district: Number(byDistrict.get('未定')?.count ?? 0),
    trend: trend.map((r) => ({ date: r.d0, count: r.count })).sort((a, b) => String(a.date).localeCompare(String(b.date))),
    hot_topics: hotTopics,
    hot_businesses: hot.map((h) => ({ ...h, growth: h.previous ? Math.round(((h.recent - h.previous) / h.previous) * 100) / 100 : null })),
    district_names: Object.fromEntries(allDistricts().map((d) => [d.code, districtName(d.code)])),
  };
}
