/**
 * The cockpit's figures as GET /api/analytics/overview sends them (server/modules/analytics/queries/overview.ts builds
 * them; the route is typed with this, the cockpit reads it). Field names are the server's.
 */

/** One bar, ring slice or map tile: a dimension's value, its count and, where the breakdown has it, the open ones. */
export interface OverviewKV {
  key: string;
  count: number;
  name?: string;
  open?: number;
}

export interface OverviewTotals {
  tickets: number;
  complaints: number;
  reports: number;
  consultations: number;
  open: number;
  overdue: number;
  today: number;
  mediated: number;
  terminated: number;
  abnormal_tickets: number;
  odr_settled: number;
  odr_total: number;
  satisfaction: number | null;
}

export interface OverviewHotTopic {
  category: string;
  problem: string;
  /** category·problem */
  label: string;
  topic: string;
  count: number;
  recent: number;
  previous: number;
  growth: number | null;
}

export interface OverviewHotBusiness {
  key: string;
  /** null where no ticket of the business recorded its name */
  name: string | null;
  recent: number;
  previous: number;
  complainants: number;
  /** last 30 days against the 30 before (0.5 = +50%); null when there were none before */
  growth: number | null;
}

export interface Overview {
  range: { from: string; to: string };
  totals: OverviewTotals;
  kpi: {
    on_time_rate: number | null;
    mediation_success_rate: number | null;
    /** 调解成功率不含异常名录人员的工单 */
    mediation_note: string;
    odr_first_settlement_rate: number | null;
    satisfaction: number | null;
    overdue: number;
  };
  by_kind: OverviewKV[];
  by_channel: OverviewKV[];
  by_category: OverviewKV[];
  by_problem: OverviewKV[];
  by_age_group: OverviewKV[];
  by_district: OverviewKV[];
  unresolved_district: number;
  /** tickets with no Shanghai district: the 未定位 tile (drill-down district:未定) */
  unlocated: OverviewKV;
  /** the last 90 days, one point a day (YYYY-MM-DD) */
  trend: { date: string; count: number }[];
  hot_topics: OverviewHotTopic[];
  hot_businesses: OverviewHotBusiness[];
  /** district code → name (a code without a known name maps to undefined) */
  district_names: Record<string, string | undefined>;
}
