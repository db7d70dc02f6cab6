/**
 * The figures of the monthly analysis report (月度投诉举报分析报告) for the whole city: totals with month-on-month and
 * year-on-year change, hot categories and problems, rising businesses and platforms, 12345 transfers, ODR settlement,
 * early warnings and how they were handled, the abnormal list (counts only), 一老一小. Reads only; no personal data.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { allDistricts } from '../../dispatch/index.js';
import { analyticsRepo, reportRepo } from '../repository.js';
import { period, shiftMonth, type Period } from '../domain/report-period.js';

type Row = Record<string, string | number>;
export interface Count {
  key: string;
  label?: string;
  count: number;
  prev: number;
}

const n = (v: unknown) => Number(v ?? 0);

export async function monthlyReportData(db: Queryable, month: string, today: string) {
  const cur = period(month);
  const prev = period(shiftMonth(month, -1));
  const yoy = period(shiftMonth(month, -12));
  const year = { from: period(shiftMonth(month, -11)).from, to: cur.to };
  const both = { from: prev.from, to: cur.to };
  const cube = (dims: string[], range: { from: string; to: string }, eq: Record<string, string> = {}) =>
    analyticsRepo.cube(db, dims, { ...range, eq }, 100_000);

  const [
    monthly,
    kinds,
    districts,
    categories,
    problems,
    businesses,
    platforms,
    platformProblems,
    platformShops,
    channels,
    ages,
    oldYoung,
    ageCats,
    ageProblems,
    daily,
    hotline,
    alerts,
    topAlerts,
    abnormal,
    odrEnterprises,
  ] = await Promise.all([
    cube(['month', 'kind'], year),
    cube(['month', 'kind'], yoy),
    cube(['month', 'district'], both),
    cube(['month', 'category'], both),
    cube(['month', 'problem'], both),
    cube(['month', 'business'], both),
    cube(['month', 'platform'], both),
    cube(['platform', 'problem'], cur),
    cube(['platform', 'business'], cur),
    cube(['month', 'channel'], both),
    cube(['month', 'age_group'], both),
    cube(['month', 'old_young'], both),
    cube(['old_young', 'category'], cur),
    cube(['old_young', 'problem'], cur),
    cube(['day'], cur),
    cube(['month', 'on_time'], both, { channel: '12345' }),
    reportRepo.alerts(db, cur.from, cur.to),
    reportRepo.topAlerts(db, cur.from, cur.to),
    reportRepo.abnormal(db, cur.from, cur.to),
    reportRepo.odrEnterprises(db, cur.from, cur.to),
  ]);
  // totals of this month, last month and a year ago (whole, not one-dimensional)
  const [tot, totPrev] = await Promise.all([cube([], cur), cube([], prev)]);
  const t = tot[0] ?? {};
  const tp = totPrev[0] ?? {};

  const pair = (rows: Row[], dim = 'd1', label?: (r: Row) => string): Count[] => {
    const m = new Map<string, Count>();
    for (const r of rows) {
      const key = String(r[dim]);
      const e = m.get(key) ?? { key, count: 0, prev: 0, ...(label ? { label: label(r) } : {}) };
      if (r.d0 === cur.month) e.count += n(r.count);
      else if (r.d0 === prev.month) e.prev += n(r.count);
      if (label && r.d0 === cur.month) e.label = label(r);
      m.set(key, e);
    }
    return [...m.values()].sort((a, b) => b.count - a.count);
  };
  const kindOf = (rows: Row[], m: string) => {
    const o = { tickets: 0, complaint: 0, report: 0, other: 0 };
    for (const r of rows)
      if (r.d0 === m) {
        o.tickets += n(r.count);
        if (r.d1 === 'complaint') o.complaint += n(r.count);
        else if (r.d1 === 'report') o.report += n(r.count);
        else o.other += n(r.count);
      }
    return o;
  };
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) months.push(shiftMonth(month, -i));
  const byCur = (rows: Row[], key: string) => rows.filter((r) => r.d0 === key);
  const top = (rows: Row[], k: number) => rows.slice(0, k).map((r) => ({ key: String(r.d1), count: n(r.count) }));
  const names = new Map(allDistricts().map((d) => [d.code, d.name]));
  const platformRows = pair(platforms as Row[]).filter((p) => p.key !== '（非平台）');
  const curPlatformRows = (platforms as Row[]).filter((r) => r.d0 === cur.month);
  const hot = pair(hotline as Row[]);
  const hotCount = (state: string, which: 'count' | 'prev' = 'count') => hot.find((h) => h.key === state)?.[which] ?? 0;

  return {
    month,
    period: cur,
    prevPeriod: prev,
    yoyPeriod: yoy,
    generatedOn: today,
    totals: {
      cur: {
        ...kindOf(monthly as Row[], cur.month),
        complainants: n(t.complainants),
        amount: n(t.amount),
        open: n(t.open),
        mediated: n(t.mediated),
        terminated: n(t.terminated),
        odrSettled: n(t.odr_settled),
        odrTotal: n(t.odr_total),
        late: n(t.late),
      },
      prev: {
        ...kindOf(monthly as Row[], prev.month),
        complainants: n(tp.complainants),
        amount: n(tp.amount),
        mediated: n(tp.mediated),
        terminated: n(tp.terminated),
        odrSettled: n(tp.odr_settled),
        odrTotal: n(tp.odr_total),
      },
      yoy: kindOf(kinds as Row[], yoy.month),
    },
    monthly: months.map((m) => ({ month: m, ...kindOf(monthly as Row[], m) })),
    daily: (daily as Row[])
      .map((r) => ({ date: String(r.d0), count: n(r.count) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    districts: pair(districts as Row[]).map((d) => ({
      ...d,
      label: d.key === '未定' ? '未定位' : (names.get(d.key) ?? d.key),
    })),
    categories: pair(categories as Row[]).filter((c) => c.key !== '未分类'),
    problems: pair(problems as Row[]).filter((c) => c.key !== '未分类'),
    channels: pair(channels as Row[]),
    // rising: the largest increases among businesses with a meaningful volume this month
    risingBusinesses: pair(businesses as Row[], 'd1', (r) => String(r.business_name ?? r.d1))
      .filter((b) => b.key !== '（无）' && b.count >= 3 && b.count > b.prev)
      .sort((a, b) => b.count - b.prev - (a.count - a.prev) || b.count - a.count)
      .slice(0, 10),
    topBusinesses: pair(businesses as Row[], 'd1', (r) => String(r.business_name ?? r.d1))
      .filter((b) => b.key !== '（无）')
      .slice(0, 10),
    platforms: platformRows.slice(0, 10).map((p) => {
      const r = curPlatformRows.find((x) => x.d1 === p.key) ?? {};
      return {
        ...p,
        mediated: n(r.mediated),
        terminated: n(r.terminated),
        odrSettled: n(r.odr_settled),
        odrTotal: n(r.odr_total),
        problems: top(
          byCur(platformProblems as Row[], p.key).filter((x) => x.d1 !== '未分类'),
          3,
        ),
        shops: (platformShops as Row[])
          .filter((x) => x.d0 === p.key && x.d1 !== '（无）')
          .slice(0, 3)
          .map((x) => ({ name: String(x.business_name ?? x.d1), count: n(x.count) })),
      };
    }),
    hotline: {
      received: hot.reduce((s, h) => s + h.count, 0),
      prev: hot.reduce((s, h) => s + h.prev, 0),
      onTime: hotCount('按期'),
      late: hotCount('超期'),
      pending: hotCount('尚无决定'),
    },
    odr: {
      total: n(t.odr_total),
      settled: n(t.odr_settled),
      prevTotal: n(tp.odr_total),
      prevSettled: n(tp.odr_settled),
      enterprises: odrEnterprises,
    },
    alerts: { rows: alerts, top: topAlerts },
    abnormal: {
      ...abnormal,
      tickets: (await analyticsRepo.cube(db, ['abnormal'], { ...cur, eq: { abnormal: '异常名录' } }))[0]?.count ?? 0,
    },
    ages: {
      groups: pair(ages as Row[]),
      oldYoung: pair(oldYoung as Row[]),
      categories: (g: string) =>
        top(
          byCur(ageCats as Row[], g).filter((x) => x.d1 !== '未分类'),
          6,
        ),
      problems: (g: string) =>
        top(
          byCur(ageProblems as Row[], g).filter((x) => x.d1 !== '未分类'),
          6,
        ),
    },
  };
}

export type MonthlyReportData = Awaited<ReturnType<typeof monthlyReportData>>;
export type { Period };
