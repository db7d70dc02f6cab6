import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import type { Ctx } from '../../workflow/index.js';
import { createInspection, listInspections, recordInspectionResult } from '../commands/inspections.js';
import { inspectionRepo } from '../repository.js';

export function inspectionRoutes(http: Http, ctx: Ctx) {
  const p = z.object({ id: z.string().max(64) });
  http.post('/api/tickets/:id/inspections', { config: { auth: ['officer', 'supervisor', 'admin'] }, schema: { tags: ['inspection'], summary: '一键生成现场检查任务', params: p, body: z.object({ assignee: z.string().max(100).optional(), note: z.string().max(1000).optional() }).optional() } }, async (req, reply) => {
    const r = await createInspection(ctx, req.actor!, (req.params as { id: string }).id, (req.body ?? {}) as { assignee?: string; note?: string });
    return reply.status(201).send(r);
  });
  http.get('/api/tickets/:id/inspections', { config: { auth: ['officer', 'supervisor', 'analyst', 'admin', 'operator'] }, schema: { tags: ['inspection'], summary: '工单的检查任务', params: p } }, async (req) => listInspections(ctx, req.actor!, (req.params as { id: string }).id));
  http.patch('/api/tickets/:id/inspections/:iid', { config: { auth: ['officer', 'supervisor', 'admin'] }, schema: { tags: ['inspection'], summary: '录入检查结果（结果回写工单，发现违法即转为案源线索）', params: z.object({ id: z.string().max(64), iid: z.string().max(64) }), body: z.object({ findings: z.string().min(1).max(5000), violation: z.boolean(), checklist: z.array(z.object({ item: z.string().max(300), done: z.boolean() })).max(100).optional() }) } }, async (req) => {
    const pr = req.params as { id: string; iid: string };
    return recordInspectionResult(ctx, req.actor!, pr.id, pr.iid, req.body as { findings: string; violation: boolean; checklist?: { item: string; done: boolean }[] });
  });
  http.get('/api/inspections', { config: { auth: ['officer', 'supervisor', 'admin'] }, schema: { tags: ['inspection'], summary: '本单位检查任务', querystring: z.object({ status: z.enum(['open', 'done']).optional() }) } }, async (req) => {
    const unit = req.actor!.role === 'officer' ? req.actor!.unitId : null;
    return inspectionRepo.forUnit(ctx.db, unit, (req.query as { status?: string }).status ?? null, 200);
  });
}
