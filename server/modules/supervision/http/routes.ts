import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import type { Ctx } from '../../workflow/index.js';
import { MODES, REASONS } from '../domain/supervision.js';
import { openSupervision } from '../commands/open-supervision.js';
import { answerSupervision } from '../commands/answer-supervision.js';
import { closeSupervision } from '../commands/close-supervision.js';
import { listSupervisions, supervisionStats, ticketSupervisions } from '../queries/list-supervisions.js';
import { can } from '../../access/index.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );

export function supervisionRoutes(http: Http, ctx: Ctx) {
  const p = z.object({ id: z.string().max(64) });
  http.post(
    '/api/tickets/:id/supervisions',
    {
      config: { auth: can('supervision.open') },
      schema: {
        tags: ['supervision'],
        summary: '督办：对超期或敏感工单开启督办（电话、网上、现场）',
        params: p,
        body: z.object({
          mode: z.enum(MODES),
          reason: z.enum(REASONS),
          required: z.string().min(1).max(2000),
          due_date: day.optional(),
        }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      return reply.status(201).send(await openSupervision(ctx, req.actor!, req.params.id, b));
    },
  );
  http.get(
    '/api/tickets/:id/supervisions',
    {
      config: { auth: can('ticket.supervisions.read') },
      schema: { tags: ['supervision'], summary: '工单的督办记录', params: p },
    },
    async (req) => ticketSupervisions(ctx, req.actor!, req.params.id),
  );
  http.get(
    '/api/supervisions',
    {
      config: { auth: can('supervision.list') },
      schema: {
        tags: ['supervision'],
        summary: '本辖区督办事项',
        querystring: z.object({ state: z.enum(['open', 'answered', 'closed']).optional() }),
      },
    },
    async (req) => listSupervisions(ctx, req.actor!, req.query.state ?? null),
  );
  http.get(
    '/api/supervisions/stats',
    { config: { auth: can('supervision.stats') }, schema: { tags: ['supervision'], summary: '各承办单位督办统计' } },
    async (req) => supervisionStats(ctx, req.actor!),
  );
  http.post(
    '/api/supervisions/:id/answer',
    {
      config: { auth: can('supervision.answer') },
      schema: {
        tags: ['supervision'],
        summary: '承办单位回复督办',
        params: p,
        body: z.object({ response: z.string().min(1).max(5000) }),
      },
    },
    async (req) => answerSupervision(ctx, req.actor!, req.params.id, req.body.response),
  );
  http.post(
    '/api/supervisions/:id/close',
    {
      config: { auth: can('supervision.close') },
      schema: {
        tags: ['supervision'],
        summary: '督办办结（填写结论）',
        params: p,
        body: z.object({
          finding: z.string().min(1).max(5000),
          rating: z.enum(['satisfactory', 'unsatisfactory']).optional(),
        }),
      },
    },
    async (req) => closeSupervision(ctx, req.actor!, req.params.id, req.body),
  );
}
