import { z } from 'zod';
import { isoDate, type Http } from '../../../platform/http/index.js';
import { builtinCalendarData, calendar } from '../../../platform/calendar/index.js';
import { calendarNotice } from '../queries/notice.js';
import { calendarRepo } from '../repository.js';
import type { Ctx } from '../../workflow/index.js';
import { updateYear, yearSchema } from '../commands/update-year.js';
import { can } from '../../access/index.js';

export function calendarRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/calendar',
    {
      config: { auth: 'any' },
      schema: {
        tags: ['calendar'],
        summary: '工作日历（节假日与调休）及缺失年份提示',
        querystring: z.object({ from: isoDate.optional(), days: z.coerce.number().int().min(1).max(400).optional() }),
      },
    },
    async (req) => {
      const cal = calendar();
      const q = req.query;
      const from = q.from ?? ctx.today();
      const days: { date: string; workday: boolean; holiday?: string }[] = [];
      for (let i = 0; i < (q.days ?? 0); i++) {
        const d = new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10);
        days.push({
          date: d,
          workday: cal.isWorkday(d),
          ...(cal.holidayName(d) ? { holiday: cal.holidayName(d) } : {}),
        });
      }
      return {
        version: cal.version,
        covered_years: cal.coveredYears(),
        warning: cal.missingScheduleWarning(ctx.today()),
        days,
      };
    },
  );
  http.get(
    '/api/calendar/notice',
    {
      config: { auth: can('calendar.notice.read') },
      schema: { tags: ['calendar'], summary: '工作台提示：某年放假安排缺失且在办期限落在该年' },
    },
    async (req) => calendarNotice(ctx, req.actor!),
  );
  http.get(
    '/api/admin/calendar/:year',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['calendar'],
        summary: '某年放假安排（已录入的修正或随程序提供的安排）',
        params: z.object({ year: z.coerce.number().int().min(2000, 'year: 2000–2100').max(2100, 'year: 2000–2100') }),
      },
    },
    async (req) => {
      const year = req.params.year;
      const stored = (await calendarRepo.years(ctx.db)).find((r) => r.year === year);
      const data = stored?.data ?? builtinCalendarData.years[String(year)];
      return {
        year,
        source: stored ? 'admin' : data ? 'builtin' : 'missing',
        source_label: stored ? '管理员录入' : data ? '随程序提供' : '尚未录入',
        off: data?.off ?? [],
        work: data?.work ?? [],
        covered_years: calendar().coveredYears(),
      };
    },
  );
  http.put(
    '/api/admin/calendar/:year',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['calendar'],
        summary: '录入/修正某年放假安排',
        params: z.object({ year: z.coerce.number().int() }),
        body: yearSchema,
      },
    },
    async (req) => {
      return updateYear(ctx, req.actor!, req.params.year, req.body);
    },
  );
}
