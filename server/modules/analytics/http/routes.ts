/** Cockpit, cube, drill-down and public per-business disclosure; exports in ./export.ts, the monthly report in ./report.ts. */
import { z } from 'zod';
import { isoDate, type Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { DIMENSIONS, type CubeFilter } from '../domain/dimensions.js';
import { analyticsRepo } from '../repository.js';
import { overview, scopeFilter } from '../queries/overview.js';
import type { Overview } from '../../../../shared/overview.js';
import { valueLabel } from '../domain/labels.js';
import { exportRoutes } from './export.js';
import { reader } from './reader.js';
import { reportRoutes } from './report.js';
import { disclosureMinimum } from '../domain/disclosure.js';
import { can } from '../../access/index.js';

const filters = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  f: z
    .string()
    .max(2000)
    .optional()
    .describe('filters as dim:value pairs separated by ";" e.g. district:310117;category:食品类'),
});
type Filters = z.infer<typeof filters>;

function toFilter(q: Filters): CubeFilter {
  const eq: Record<string, string> = {};
  for (const part of (q.f ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i <= 0) continue;
    const k = part.slice(0, i);
    if (!DIMENSIONS[k]) fail('invalid_input', `unknown dimension ${k} (known: ${Object.keys(DIMENSIONS).join(', ')})`);
    eq[k] = part.slice(i + 1);
  }
  return { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), eq };
}

export function analyticsRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/analytics/overview',
    {
      config: { auth: can('analytics.read') },
      schema: { tags: ['analytics'], summary: '驾驶舱总览', querystring: filters },
    },
    // the wire shape the cockpit reads (shared/overview.ts). The trend's points come from the cube, whose rows are
    // typed loosely (Record<string, string | number>; day is received_date::text, count ::int): checked once
    // overview.ts types them
    async (req) => (await overview(ctx, req.actor!, toFilter(req.query))) satisfies Omit<Overview, 'trend'>,
  );

  http.get(
    '/api/analytics/dimensions',
    { config: { auth: can('analytics.read') }, schema: { tags: ['analytics'], summary: '多维分析的维度' } },
    async () =>
      Object.entries(DIMENSIONS)
        .filter(([, d]) => !d.hidden)
        .map(([key, d]) => ({ key, label: d.label })),
  );

  http.get(
    '/api/analytics/cube',
    {
      config: { auth: can('analytics.read') },
      schema: {
        tags: ['analytics'],
        summary: '多维分析（任意维度组合，下钻）',
        querystring: filters.extend({ dims: z.string().max(200) }),
      },
    },
    async (req) => {
      const q = req.query;
      const dims = q.dims.split(',').filter(Boolean);
      if (!dims.length || dims.length > 4) return fail('invalid_input', 'dims: 1 to 4 dimensions');
      for (const d of dims) if (!DIMENSIONS[d]) return fail('invalid_input', `unknown dimension ${d}`);
      const rows = await analyticsRepo.cube(reader(ctx, req.actor!.id), dims, scopeFilter(req.actor!, toFilter(q)));
      // each value travels with its Chinese label (district names, station names, statuses…): no screen shows a code
      return {
        dims,
        rows: rows.map((r) => ({
          ...Object.fromEntries(dims.map((d, i) => [d, r[`d${i}`]])),
          labels: Object.fromEntries(
            dims.map((d, i) => [
              d,
              d === 'business' && r.business_name ? String(r.business_name) : valueLabel(d, r[`d${i}`]),
            ]),
          ),
          count: r.count,
          complainants: r.complainants,
          open: r.open,
          mediated: r.mediated,
          terminated: r.terminated,
          odr_settled: r.odr_settled,
          odr_total: r.odr_total,
          late: r.late,
          amount: r.amount,
        })),
      };
    },
  );

  http.get(
    '/api/analytics/tickets',
    {
      config: { auth: can('analytics.read') },
      schema: {
        tags: ['analytics'],
        summary: '下钻到工单（个人信息已脱敏）',
        querystring: filters.extend({
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const r = await analyticsRepo.drill(
        reader(ctx, req.actor!.id),
        scopeFilter(req.actor!, toFilter(q)),
        q.limit ?? 50,
        q.offset ?? 0,
      );
      return { total: r.total, items: r.rows };
    },
  );

  exportRoutes(http, ctx, toFilter);
  reportRoutes(http, ctx);

  http.get(
    '/api/public/disclosure',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary:
          '经营者投诉信息公示：投诉量、增长率、调解成功率、ODR首次和解率（仅公示投诉量达到门槛的经营者，不含任何个人信息）',
        querystring: z.object({
          business: z.string().trim().min(2).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const today = ctx.today();
      const day = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
      const min = disclosureMinimum();
      const from = day(364);
      const prevFrom = day(729);
      const r = await analyticsRepo.disclosure(reader(ctx), {
        name: q.business,
        from,
        to: today,
        prevFrom,
        min,
        limit: q.limit,
        offset: q.offset,
      });
      const rate = (a: unknown, b: unknown, digits = 1000) =>
        Number(b) ? Math.round((Number(a) / Number(b)) * digits) / digits : null;
      return {
        min_complaints: min,
        period: { from, to: today },
        previous_period: { from: prevFrom, to: day(365) },
        total: r.total,
        items: r.rows.map((x) => ({
          name: x.name,
          credit_code: x.credit_code,
          complaints: x.complaints,
          previous: x.previous,
          growth: Number(x.previous)
            ? Math.round(((Number(x.complaints) - Number(x.previous)) / Number(x.previous)) * 1000) / 1000
            : null,
          mediation_success_rate: rate(x.mediated, x.mediation_closed),
          mediations_ended: x.mediation_closed,
          odr_first_settlement_rate: rate(x.odr_settled, x.odr_closed),
          odr_closed: x.odr_closed,
        })),
      };
    },
  );
}
