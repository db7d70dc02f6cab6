/**
 * The analysis cube's dimensions as a whitelist: name → SQL expression over `tickets t` and a Chinese label.
 * Only these expressions ever reach SQL, so user-chosen dimensions cannot inject anything.
 */
import { scopeSql, type Scope } from '../../access/index.js';

/** `hidden`: kept for filters and old links, not offered as a separate axis (`unit` and `station` are one column). */
export interface Dimension {
  sql: string;
  label: string;
  hidden?: boolean;
}

export const DIMENSIONS: Record<string, Dimension> = {
  day: { sql: `t.received_date::text`, label: '日期' },
  week: { sql: `to_char(date_trunc('week', t.received_date), 'YYYY-MM-DD')`, label: '周' },
  month: { sql: `to_char(t.received_date, 'YYYY-MM')`, label: '月份' },
  district: { sql: `COALESCE(t.district_code, '未定')`, label: '区' },
  street: { sql: `COALESCE(t.street_code, '未定')`, label: '街镇' },
  unit: { sql: `t.unit_id`, label: '承办单位', hidden: true },
  station: { sql: `COALESCE(t.unit_id, '未定')`, label: '市场监管所（承办单位）' },
  category: { sql: `COALESCE(t.category, '未分类')`, label: '商品/服务类别' },
  problem: { sql: `COALESCE(t.problem, '未分类')`, label: '问题类型' },
  channel: { sql: `COALESCE(t.channel, '未知')`, label: '渠道' },
  kind: { sql: `t.kind`, label: '类型' },
  status: { sql: `t.status`, label: '状态' },
  business: { sql: `COALESCE(t.respondent_key, '（无）')`, label: '经营者' },
  platform: { sql: `COALESCE(t.platform, '（非平台）')`, label: '平台' },
  age_group: { sql: `COALESCE(t.age_group, '未知')`, label: '年龄段' },
  // 一老一小: the complainant's age (from the ID number) or whom the complaint is about — minors rarely file
  // themselves, a parent files about the child's toy, milk powder or course, so the text's subject counts too
  old_young: {
    sql: `CASE WHEN t.age_group = '60岁以上' OR t.title ~ '(老人|老年|养老)' THEN '涉老年人'
               WHEN t.age_group = '未成年' OR (COALESCE(t.title, '') || left(COALESCE(t.body, ''), 300)) ~ '(儿童|孩子|小孩|宝宝|婴儿|幼儿|童装|童鞋|玩具|奶粉|早教|托育|少儿|未成年|学生)' THEN '涉未成年人'
               ELSE '其他' END`,
    label: '一老一小',
  },
  abnormal: { sql: `CASE WHEN t.abnormal THEN '异常名录' ELSE '一般' END`, label: '异常名录' },
  outcome: { sql: `COALESCE(t.outcome, '办理中')`, label: '办理结果' },
  // a ticket is late once any statutory decision on it was taken after its deadline (decisions/late_decisions are
  // counted by the workflow as it goes, so no event scan is needed)
  on_time: {
    sql: `CASE WHEN t.late_decisions > 0 THEN '超期' WHEN t.decisions > 0 THEN '按期' ELSE '尚无决定' END`,
    label: '按期办理',
  },
};

export interface CubeFilter {
  from?: string;
  to?: string;
  /** dimension name → value (exact match on the dimension expression) */
  eq?: Record<string, string>;
  /** the viewer's jurisdiction (catalog `analytics.read`), translated by access's `scopeSql` like the queue's */
  scope?: Scope;
}

/** WHERE clause for filters; returns SQL and the params it appended. */
export function filterSql(f: CubeFilter, params: unknown[]): string {
  const w: string[] = [f.scope ? scopeSql(f.scope, params) : 'TRUE'];
  if (f.from) {
    params.push(f.from);
    w.push(`t.received_date >= $${params.length}::date`);
  }
  if (f.to) {
    params.push(f.to);
    w.push(`t.received_date <= $${params.length}::date`);
  }
  for (const [dim, v] of Object.entries(f.eq ?? {})) {
    const d = DIMENSIONS[dim];
    if (!d) continue;
    params.push(v);
    w.push(`${d.sql} = $${params.length}`);
  }
  return w.join(' AND ');
}

/** Rate with a guard for empty denominators. */
export const rate = (num: number, den: number): number | null =>
  den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null;
