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

const STAFF_READ = ['operator', 'officer', 'supervisor', 'analyst', 'admin'] as const;
const key = z.object({ key: z.string().min(1).max(100).regex(/^[a-z0-9_.]+$/, '模板编号只含小写字母、数字、下划线和点') });

export function knowledgeRoutes(http: Http, ctx: Ctx) {
  http.get('/api/knowledge/templates', {
    config: { auth: [...STAFF_READ] },
    schema: { tags: ['knowledge'], summary: '答复模板（每个模板的最新版本）', querystring: z.object({ use: z.enum(USES).optional(), category: z.string().max(60).optional() }) },
  }, async (req) => ({ items: await listTemplates(ctx.db, req.query as { use?: (typeof USES)[number]; category?: string }) }));

  http.get('/api/knowledge/templates/:key', { config: { auth: [...STAFF_READ] }, schema: { tags: ['knowledge'], summary: '答复模板及其全部历史版本', params: key } },
    async (req) => templateWithHistory(ctx.db, (req.params as { key: string }).key));

  http.put('/api/knowledge/templates/:key', {
    config: { auth: ['supervisor', 'admin'] },
    schema: {
      tags: ['knowledge'], summary: '编辑答复模板（保存为新版本，旧版本保留）', params: key,
      body: z.object({ title: z.string().min(1).max(200), body: z.string().min(1).max(20000), note: z.string().max(500).optional(), base_version: z.number().int().min(1) }),
    },
  }, async (req) => {
    const b = req.body as TemplateEdit;
    if (!req.actor) return fail('unauthenticated', '请先登录');
    return editTemplate(ctx.db, req.actor, (req.params as { key: string }).key, b, ctx.now());
  });
}
