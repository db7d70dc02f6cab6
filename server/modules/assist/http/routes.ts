/** Officer assistance: pre-fill, similar cases, label corrections (training data), model versions. */
import { z } from 'zod';
import { existsSync } from 'node:fs';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { audit } from '../../../platform/audit/index.js';
import { canReadTicket, similarCaseView, textView } from '../../access/index.js';
import { originalText, ticketRepo, type Ctx } from '../../workflow/index.js';
import { prefill } from '../../text/index.js';
import { correctLabels } from '../commands/correct-labels.js';
import { assistRepo } from '../repository.js';
import { enrichTicket, useModel, DEFAULT_LABELS, activeModel } from '../enricher.js';
import type { SimilarService } from '../similar-service.js';

export function assistRoutes(http: Http, ctx: Ctx, similar: SimilarService) {
  http.post('/api/prefill', { config: { auth: 'public' }, schema: { tags: ['assist'], summary: '智能预填：从自由文本提取字段（含位置与置信度）', body: z.object({ text: z.string().max(100_000), title: z.string().max(500).optional() }) } }, async (req) => {
    const b = req.body as { text: string; title?: string };
    const e = enrichTicket({ id: 'prefill', received_at: ctx.today(), text: b.text, title: b.title });
    return { prefill: b.text.trim() ? prefill(b.text, b.title, { refDate: ctx.today() }) : {}, predicted: e.predicted ?? {} };
  });

  http.get('/api/tickets/:id/similar', { config: { auth: ['operator', 'officer', 'supervisor', 'analyst', 'admin'] }, schema: { tags: ['assist'], summary: '类案推送：相似历史工单及其办理结果和依据', params: z.object({ id: z.string().max(64) }), querystring: z.object({ k: z.coerce.number().int().min(1).max(50).optional() }) } }, async (req) => {
    const t = await ticketRepo.get(ctx.db, (req.params as { id: string }).id);
    if (!t || !canReadTicket(req.actor!, t)) return fail('not_found', '工单不存在或无权访问');
    const k = (req.query as { k?: number }).k ?? 10;
    const actor = req.actor!;
    // the index holds redacted text only; a case outside the viewer's jurisdiction is shown as an excerpt with its
    // outcome and legal basis — no number, no unit, nothing to open — and each such view is audited
    const hits = await similar.similarTo(t, k);
    const outside = hits.filter((h) => similarCaseView(actor, h) === 'excerpt');
    if (outside.length) {
      await ctx.db.tx(async (q) => {
        for (const h of outside) {
          await audit(q, { actorId: actor.id, actorRole: actor.role, unitId: actor.unitId, action: 'similar.view', subjectType: 'ticket', subjectId: h.id, purpose: '类案参考（辖区外，脱敏摘要）', detail: { for_ticket: t.id } });
        }
      });
    }
    const items = hits.map((h) => (similarCaseView(actor, h) === 'full'
      ? { ...h, scope: 'own' as const }
      : { scope: 'outside' as const, kind: h.kind, title: h.title, excerpt: h.excerpt, received_date: h.received_date, status: h.status, outcome: h.outcome, legal_basis: h.legal_basis, closed_at: h.closed_at, score: h.score, why: h.why, shared_keywords: h.shared_keywords, same_business: h.same_business, near_identical: h.near_identical, respondent_name: h.respondent_name }));
    return { ready: similar.ready, indexed: similar.index.size, items };
  });

  http.get('/api/tickets/:id/assist', { config: { auth: ['operator', 'officer', 'supervisor', 'analyst', 'admin'] }, schema: { tags: ['assist'], summary: '工单的智能预填字段与分类建议（含置信度，低于阈值标记“不确定”）', params: z.object({ id: z.string().max(64) }) } }, async (req) => {
    const t = await ticketRepo.get(ctx.db, (req.params as { id: string }).id);
    if (!t || !canReadTicket(req.actor!, t)) return fail('not_found', '工单不存在或无权访问');
    // the handler's pre-fill comes from the original text (phones, ID numbers as written); everyone else's from the
    // redacted one. Opening the original here is the same view as the detail's and audited as such
    const original = textView(req.actor!, t, 'handling').text === 'original';
    const text = original ? originalText(t, ctx.sealer) : t;
    if (original && t.text_enc) await audit(ctx.db, { actorId: req.actor!.id, actorRole: req.actor!.role, unitId: req.actor!.unitId, action: 'personal_data.view', subjectType: 'ticket', subjectId: t.id, purpose: '智能预填', detail: { text: 'original' } });
    const e = enrichTicket({ id: t.id, received_at: String(t.received_date), title: text.title ?? undefined, text: text.body ?? undefined, kind: t.kind });
    return { prefill: text.prefill ?? e.prefill ?? {}, predicted: e.predicted ?? {}, labels: t.labels ?? {}, text_version: original ? 'original' : 'redacted' };
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
