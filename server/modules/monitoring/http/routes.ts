/** Thin handlers of the monitoring loop under /api/monitoring. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import type { Ctx } from '../../workflow/index.js';
import { issueInstruction, type IssueInput } from '../commands/issue-instruction.js';
import { takeStep, type StepInput } from '../commands/take-step.js';
import { getItem, listBodies, listItems } from '../queries/items.js';
import { STATES } from '../domain/loop.js';
import { can } from '../../access/index.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );
const text = (max: number) => z.string().min(1).max(max);
const finding = z.object({
  platform: text(100),
  account: z.string().max(200).optional(),
  url: z.string().max(500).optional(),
  description: text(2000),
  district_code: z.string().max(12).optional(),
});
const district = z.string().min(1).max(12);
const stepBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('receive'), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('report_findings'), summary: text(5000), findings: z.array(finding).max(500) }),
  z.object({ action: z.literal('return_findings'), reason: text(2000) }),
  z.object({
    action: z.literal('dispatch'),
    tasks: z
      .array(
        z.object({
          district_code: district,
          instruction: text(2000),
          finding_refs: z.array(z.number().int().min(0)).max(500).optional(),
          due_date: day.optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
  z.object({ action: z.literal('accept_task'), district_code: district, note: z.string().max(1000).optional() }),
  z.object({
    action: z.literal('report_handling'),
    district_code: district,
    handling: text(5000),
    cases_opened: z.number().int().min(0).max(100000),
    accounts_handled: z.number().int().min(0).max(1000000),
  }),
  z.object({ action: z.literal('close'), summary: text(5000) }),
]);
const issueBody = z.object({
  title: text(200),
  topic: text(200),
  requirements: text(5000),
  keywords: z.array(z.string().max(50)).max(30).optional(),
  body_user_id: text(64),
  due_date: day.optional(),
});

export function monitoringRoutes(http: Http, ctx: Ctx) {
  const p = z.object({ id: z.string().max(64) });
  http.get(
    '/api/monitoring',
    {
      config: { auth: can('monitoring.read') },
      schema: {
        tags: ['monitoring'],
        summary: '监测事项（按参与方范围）',
        querystring: z.object({ state: z.enum(STATES).optional() }),
      },
    },
    async (req) => listItems(ctx, req.actor!, req.query.state ?? null),
  );
  http.post(
    '/api/monitoring',
    {
      config: { auth: can('monitoring.issue') },
      schema: { tags: ['monitoring'], summary: '市局发起监测指令', body: issueBody },
    },
    async (req, reply) => reply.status(201).send(await issueInstruction(ctx, req.actor!, req.body)),
  );
  http.get(
    '/api/monitoring/bodies',
    { config: { auth: can('monitoring.issue') }, schema: { tags: ['monitoring'], summary: '已登记的监测机构' } },
    async () => listBodies(ctx),
  );
  http.get(
    '/api/monitoring/:id',
    {
      config: { auth: can('monitoring.read') },
      schema: { tags: ['monitoring'], summary: '监测事项详情（全链条步骤、各区局处置、可执行操作）', params: p },
    },
    async (req) => getItem(ctx, req.actor!, req.params.id),
  );
  http.post(
    '/api/monitoring/:id/actions',
    {
      config: { auth: can('monitoring.act') },
      schema: {
        tags: ['monitoring'],
        summary: '监测闭环操作：接收、反馈结果、退回、分派、区局接收、反馈处置结果、办结',
        params: p,
        body: stepBody,
      },
    },
    async (req) => takeStep(ctx, req.actor!, req.params.id, req.body),
  );
}
