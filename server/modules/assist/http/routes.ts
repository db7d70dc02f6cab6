/** Officer assistance: pre-fill, similar cases, label corrections (training data), model versions. */
import { z } from 'zod';
import { existsSync } from 'node:fs';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { audit } from '../../../platform/audit/index.js';
import { canReadTicket } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { ensureRegistry, prefill } from '../../text/index.js';
import { correctLabels } from '../commands/correct-labels.js';
import { assistRepo } from '../repository.js';
import { enrichTicket, useModel, DEFAULT_LABELS, activeModel } from '../enricher.js';
import type { SimilarService } from '../similar-service.js';

export function assistRoutes(http: Http, ctx: Ctx, similar: SimilarService) {
  http.post('/api/prefill', { config: { auth: 'public' }, schema: { tags: ['assist'], summary: '智能预填：从自由文本提取字段（含位置与置信度）', body: z.object({ text: z.string().max(100_000), title: z.string().max(500).optional() }) } }, async (req) => {
    const b = req.body as { text: string; title?: string };
    await ensureRegistry(ctx.db); // businesses already in the bureau's tickets are found by name
    const e = enrichTicket({ id: 'prefill', received_at: ctx.today(), text: b.text, title: b.title });
    return { prefill: b.text.trim() ? prefill(b.text, b.title, { refDate: ctx.today() }) : {}, predicted: e.predicted ?? {} };
  });

  http.get('/api/tickets/:id/similar', { config: { auth: ['operator', 'officer', 'supervisor', 'analyst', 'admin'] }, schema: { tags: ['assist'], summary: '类案推送：相似历史工单及其办理结果和依据', params: z.object({ id: z.string().max(64) }), querystring: z.object({ k: z.coerce.number().int().min(1).max(50).optional() }) } }, async (req) => {
    const t = await ticketRepo.get(ctx.db, (req.params as { id: string }).id);
    if (!t || !canReadTicket(req.actor!, t)) return fail('not_found', '工单不存在或无权访问');
    const k = (req.query as { k?: number }).k ?? 10;
    const items = await similar.similarTo(t, k);
    return { ready: similar.ready, indexed: similar.index.size, items };
  });

  http.get('/api/tickets/:id/assist', { config: { auth: ['operator', 'officer', 'supervisor', 'analyst', 'admin'] }, schema: { tags: ['assist'], summary: '工单的智能预填字段与分类建议（含置信度，低于阈值标记“不确定”）', params: z.object({ id: z.string().max(64) }) } }, async (req) => {
    const t = await ticketRepo.get(ctx.db, (req.params as { id: string }).id);
    if (!t || !canReadTicket(req.actor!, t)) return fail('not_found', '工单不存在或无权访问');
    const e = enrichTicket({ id: t.id, received_at: String(t.received_date), title: t.title ?? undefined, text: t.body ?? undefined, kind: t.kind });
    return { prefill: t.prefill ?? e.prefill ?? {}, predicted: e.predicted ?? {}, labels: t.labels ?? {} };
  });

  http.patch('/api/tickets/:id/labels', { config: { auth: ['operator', 'officer', 'supervisor', 'admin'] }, schema: { tags: ['assist'], summary: '更正分类/预填字段（记为训练样本）', params: z.object({ id: z.string().max(64) }), body: z.object({ labels: z.record(z.string().max(40), z.string().max(200)) }) } }, async (req) => {
    return correctLabels(ctx, req.actor!, (req.params as { id: string }).id, (req.body as { labels: Record<string, string> }).labels);
  });

  http.get('/api/models', { config: { auth: ['analyst', 'admin'] }, schema: { tags: ['assist'], summary: '模型版本（含评估指标）' } }, async () => {
    const registered = await assistRepo.listModels(ctx.db);
    const builtin = DEFAULT_LABELS.map((label) => {
      const m = activeModel(label);
      return m ? { label, version: m.version, method: m.method, trained_at: m.trained_at, training_size: m.training_size, classes: m.classes.length, metrics: { accuracy: m.metrics.accuracy, macro_f1: m.metrics.macro_f1 }, threshold: m.threshold } : { label, version: null };
    });
    const corrections = await assistRepo.corrections(ctx.db, undefined, 1);
    return { active: builtin, registered, has_corrections: corrections.length > 0 };
  });

  http.post('/api/models', { config: { auth: ['admin'] }, schema: { tags: ['assist'], summary: '登记模型文件（xiezhi train 的输出）', body: z.object({ id: z.string().max(80), label: z.string().max(40), file: z.string().max(500) }) } }, async (req) => {
    const b = req.body as { id: string; label: string; file: string };
    if (!existsSync(b.file)) return fail('invalid_input', `model file not found: ${b.file}`);
    const m = useModel(`__check_${b.label}`, b.file);
    if (m.label !== b.label) return fail('invalid_input', `model is for label ${m.label}, not ${b.label}`);
    await assistRepo.registerModel(ctx.db, { id: b.id, label: b.label, file: b.file, metrics: m.metrics, active: false });
    return { id: b.id, label: b.label, metrics: { accuracy: m.metrics.accuracy, macro_f1: m.metrics.macro_f1 } };
  });

  http.post('/api/models/:id/activate', { config: { auth: ['admin'] }, schema: { tags: ['assist'], summary: '切换模型版本', params: z.object({ id: z.string().max(80) }) } }, async (req) => {
    const m = await assistRepo.activateModel(ctx.db, (req.params as { id: string }).id);
    if (!m) return fail('not_found', 'model version not found');
    useModel(m.label, m.file);
    await audit(ctx.db, { actorId: req.actor!.id, actorRole: req.actor!.role, action: 'model.activate', subjectType: 'model', subjectId: (req.params as { id: string }).id });
    return { ok: true, label: m.label };
  });
}
