/**
 * The workbench notice (issue 15 §1): shown when a year's holiday schedule is missing AND one of the deadlines the
 * viewer works (their station, their district, …) falls in that year — such deadlines were counted Monday to Friday
 * and may be wrong by the holidays. Nothing to say otherwise, so the banner never cries wolf.
 */
import { queueScope, type Actor } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';

export interface CalendarNotice {
  missing_years: number[];
  deadlines: number;
  first_due: string | null;
  message: string | null;
}

export async function calendarNotice(ctx: Ctx, actor: Actor): Promise<CalendarNotice> {
  const cal = ctx.cal();
  const rows = (await ticketRepo.dueByYear(ctx.db, queueScope(actor), ctx.today())).filter((r) => !cal.covers(r.year));
  if (!rows.length) return { missing_years: [], deadlines: 0, first_due: null, message: null };
  const years = rows.map((r) => r.year);
  const n = rows.reduce((s, r) => s + r.n, 0);
  const first = rows[0]!.first;
  return {
    missing_years: years,
    deadlines: n,
    first_due: first,
    message: `${years.join('、')} 年放假安排尚未录入：在办的 ${n} 件工单期限落在该年（最早 ${first}），暂按周一至周五计算，可能与法定工作日不符。请管理员录入该年放假安排。`,
  };
}
