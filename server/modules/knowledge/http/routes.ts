/**
 * /api/knowledge…: reply templates (staff read; supervisors and admins edit), the 避坑指南 (anyone: it is written for
 * businesses and the public), the legal-basis library (anyone: public law texts).
 */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { USES } from '../domain/templates.js';
import { editTemplate, type TemplateEdit } from '../commands/edit-template.js';
import { listTemplates, templateWithHistory } from '../queries/templates.js';
import { draftForTicket } from '../queries/draft.js';
import { listGuide } from '../queries/guide.js';
import { lawArticle, listLaws } from '../queries/laws.js';
import { can } from '../../access/index.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    '不是有效日期',
  );
const text = (n: number) => z.string().max(n);
const key = z.object({
  key: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9_.]+$/, '模板编号只含小写字母、数字、下划线和点'),
});

export function knowledgeRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/knowledge/templates',
    {
      config: { auth: can('knowledge.read') },
      schema: {
        tags: ['knowledge'],
        summary: '答复模板（每个模板的最新版本）',
        querystring: z.object({ use: z.enum(USES).optional(), category: z.string().max(60).optional() }),
      },
    },
    async (req) => ({ items: await listTemplates(ctx.db, req.query) }),
  );

  http.get(
    '/api/knowledge/templates/:key',
    {
      config: { auth: can('knowledge.read') },
      schema: { tags: ['knowledge'], summary: '答复模板及其全部历史版本', params: key },
    },
    async (req) => templateWithHistory(ctx.db, req.params.key),
  );

  http.put(
    '/api/knowledge/templates/:key',
    {
      config: { auth: can('knowledge.write') },
      schema: {
        tags: ['knowledge'],
        summary: '编辑答复模板（保存为新版本，旧版本保留）',
        params: key,
        body: z.object({
          title: z.string().min(1).max(200),
          body: z.string().min(1).max(20000),
          note: z.string().max(500).optional(),
          base_version: z.number().int().min(1),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      if (!req.actor) return fail('unauthenticated', { zh: '请先登录', en: 'Please log in first.' });
      return editTemplate(ctx.db, req.actor, req.params.key, b, ctx.now());
    },
  );

  http.get(
    '/api/knowledge/templates/:key/draft',
    {
      config: { auth: can('knowledge.read') },
      schema: {
        tags: ['knowledge'],
        summary: '按模板为工单生成答复草稿（占位符由工单填充）',
        params: key,
        querystring: z.object({
          ticket: z.string().min(1).max(64),
          outcome: text(2000).optional(),
          reason: text(2000).optional(),
        }),
      },
    },
    async (req) => {
      const qs = req.query;
      return draftForTicket(ctx, req.actor!, req.params.key, qs.ticket, { outcome: qs.outcome, reason: qs.reason });
    },
  );

  http.get(
    '/api/knowledge/guide',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['knowledge'],
        summary: '避坑指南（经营者合规指引）：按类别筛选、全文检索',
        querystring: z.object({
          q: text(200).optional(),
          category: text(60).optional(),
          problem: text(30).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
      },
    },
    async (req) => listGuide(ctx.db, req.query),
  );

  http.get(
    '/api/knowledge/laws',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['knowledge'],
        summary: '法律依据库：检索（可限定某日有效）',
        querystring: z.object({ q: text(200).optional(), on: day.optional() }),
      },
    },
    async (req) => listLaws(ctx.db, req.query),
  );

  http.get(
    '/api/knowledge/laws/article',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['knowledge'],
        summary: '按法律名称与条号查询条文（可指定施行日期）',
        querystring: z.object({
          law: z.string().min(1).max(100),
          article: z.string().min(1).max(20),
          on: day.optional(),
        }),
      },
    },
    async (req) => {
      const qs = req.query;
      return lawArticle(ctx.db, qs.law, qs.article, qs.on);
    },
  );
}
