/** Officer assistance: pre-fill, similar cases, label corrections (training data), model versions. */
import { z } from 'zod';
import { existsSync } from 'node:fs';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { audit } from '../../../platform/audit/index.js';
import { can, canReadTicket, similarCaseView, textView } from '../../access/index.js';
import { originalText, ticketRepo, type Ctx } from '../../workflow/index.js';
import { ensureRegistry, loadModel, prefill } from '../../text/index.js';
import { correctLabels } from '../commands/correct-labels.js';
import { assistRepo } from '../repository.js';
import { enrichTicket, DEFAULT_LABELS, activeModel } from '../enricher.js';
import { registerModel } from '../commands/register-model.js';
import { activateModelVersion } from '../commands/activate-model.js';
import { compareWithActive } from '../queries/compare-models.js';
import type { SimilarService } from '../similar-service.js';

export function assistRoutes(http: Http, ctx: Ctx, similar: SimilarService) {
  http.post(
    '/api/prefill',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['assist'],
        summary: '智能预填：从自由文本提取字段（含位置与置信度）',
        body: z.object({ text: z.string().max(100_000), title: z.string().max(500).optional() }),
      },
    },
    async (req) => {
      const b = req.body;
      await ensureRegistry(ctx.db); // businesses already in the bureau's tickets are found by name
      const e = enrichTicket({ id: 'prefill', received_at: ctx.today(), text: b.text, title: b.title });
      return {
        prefill: b.text.trim() ? prefill(b.text, b.title, { refDate: ctx.today() }) : {},
        predicted: e.predicted ?? {},
      };
    },
  );

  http.get(
    '/api/tickets/:id/similar',
    {
      config: { auth: can('ticket.assist.read') },
      schema: {
        tags: ['assist'],
        summary: '类案推送：相似历史工单及其办理结果和依据',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ k: z.coerce.number().int().min(1).max(50).optional() }),
      },
    },
    async (req) => {
      const t = await ticketRepo.get(ctx.db, req.params.id);
      if (!t || !canReadTicket(req.actor!, t))
        return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
      const k = req.query.k ?? 10;
      const actor = req.actor!;
      // the index holds redacted text only; a case outside the viewer's jurisdiction is shown as an excerpt with its
      // outcome and legal basis — no number, no unit, nothing to open — and each such view is audited
      const hits = await similar.similarTo(t, k);
      const outside = hits.filter((h) => similarCaseView(actor, h) === 'excerpt');
      if (outside.length) {
        await ctx.db.tx(async (q) => {
          for (const h of outside) {
            await audit(q, {
              actorId: actor.id,
              actorRole: actor.role,
              unitId: actor.unitId,
              action: 'similar.view',
              subjectType: 'ticket',
              subjectId: h.id,
              purpose: '类案参考（辖区外，脱敏摘要）',
              detail: { for_ticket: t.id },
            });
          }
        });
      }
      const items = hits.map((h) =>
        similarCaseView(actor, h) === 'full'
          ? { ...h, scope: 'own' as const }
          : {
              scope: 'outside' as const,
              kind: h.kind,
              title: h.title,
              excerpt: h.excerpt,
              received_date: h.received_date,
              status: h.status,
              outcome: h.outcome,
              legal_basis: h.legal_basis,
              closed_at: h.closed_at,
              score: h.score,
              why: h.why,
              shared_keywords: h.shared_keywords,
              same_business: h.same_business,
              near_identical: h.near_identical,
              respondent_name: h.respondent_name,
            },
      );
      return { ready: similar.ready, indexed: similar.index.size, items };
    },
  );

  http.get(
    '/api/tickets/:id/assist',
    {
      config: { auth: can('ticket.assist.read') },
      schema: {
        tags: ['assist'],
        summary: '工单的智能预填字段与分类建议（含置信度，低于阈值标记“不确定”）',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req) => {
      const t = await ticketRepo.get(ctx.db, req.params.id);
      if (!t || !canReadTicket(req.actor!, t))
        return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
      // the handler's pre-fill comes from the original text (phones, ID numbers as written); everyone else's from the
      // redacted one. Opening the original here is the same view as the detail's and audited as such
      const original = textView(req.actor!, t, 'handling').text === 'original';
      const text = original ? originalText(t, ctx.sealer) : t;
      if (original && t.text_enc)
        await audit(ctx.db, {
          actorId: req.actor!.id,
          actorRole: req.actor!.role,
          unitId: req.actor!.unitId,
          action: 'personal_data.view',
          subjectType: 'ticket',
          subjectId: t.id,
          purpose: '智能预填',
          detail: { text: 'original' },
        });
      const e = enrichTicket({
        id: t.id,
        received_at: String(t.received_date),
        title: text.title ?? undefined,
        text: text.body ?? undefined,
        kind: t.kind,
      });
      return {
        prefill: text.prefill ?? e.prefill ?? {},
        predicted: e.predicted ?? {},
        labels: t.labels ?? {},
        text_version: original ? 'original' : 'redacted',
      };
    },
  );

  http.patch(
    '/api/tickets/:id/labels',
    {
      config: { auth: can('ticket.labels.write') },
      schema: {
        tags: ['assist'],
        summary: '更正分类/预填字段（记为训练样本）',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ labels: z.record(z.string().max(40), z.string().max(200)) }),
      },
    },
    async (req) => {
      return correctLabels(ctx, req.actor!, req.params.id, req.body.labels);
    },
  );

  http.get(
    '/api/models',
    {
      config: { auth: can('models.read') },
      schema: { tags: ['assist'], summary: '模型版本（含在本局留出数据上的评估）' },
    },
    async () => {
      const registered = await assistRepo.listModels(ctx.db);
      const active = DEFAULT_LABELS.map((label) => {
        const m = activeModel(label);
        const row = registered.find((r) => r.label === label && r.active);
        return m
          ? {
              label,
              id: row?.id ?? `builtin:${label}`,
              version: m.version,
              method: m.method,
              trained_at: m.trained_at,
              training_size: m.training_size,
              classes: m.classes.length,
              metrics: { accuracy: m.metrics.accuracy, macro_f1: m.metrics.macro_f1 },
              threshold: m.threshold,
            }
          : { label, id: null, version: null };
      });
      const corrections = await assistRepo.corrections(ctx.db, undefined, 1);
      return { active, registered, has_corrections: corrections.length > 0 };
    },
  );

  http.post(
    '/api/models',
    {
      config: { auth: can('models.manage') },
      schema: {
        tags: ['assist'],
        summary: '登记模型文件（xiezhi train 的输出），先在本局留出工单上评估',
        body: z.object({ file: z.string().max(500), label: z.string().max(40).optional() }),
      },
    },
    async (req) => {
      const b = req.body;
      if (!existsSync(b.file)) return fail('invalid_input', `model file not found: ${b.file}`);
      const m = loadModel(b.file);
      if (b.label && m.label !== b.label) return fail('invalid_input', `model is for label ${m.label}, not ${b.label}`);
      const r = await registerModel(ctx, req.actor!.id, m, { file: b.file, training: { source: `file ${b.file}` } });
      await audit(ctx.db, {
        actorId: req.actor!.id,
        actorRole: req.actor!.role,
        action: 'model.register',
        subjectType: 'model',
        subjectId: r.id,
        detail: { label: r.label, macro_f1: r.evaluation.macro_f1 },
      });
      return r;
    },
  );

  http.get(
    '/api/models/:id/compare',
    {
      config: { auth: can('models.manage') },
      schema: {
        tags: ['assist'],
        summary: '候选模型与当前模型在同一留出数据上的宏F1及各类F1',
        params: z.object({ id: z.string().max(120) }),
      },
    },
    async (req) => {
      return compareWithActive(ctx, req.params.id);
    },
  );

  http.post(
    '/api/models/:id/activate',
    {
      config: { auth: can('models.manage') },
      schema: {
        tags: ['assist'],
        summary: '切换模型版本（比当前模型差时需 override）',
        params: z.object({ id: z.string().max(120) }),
        body: z.object({ override: z.boolean().optional() }).optional(),
      },
    },
    async (req) => {
      return activateModelVersion(ctx, req.actor!, req.params.id, { override: req.body?.override });
    },
  );
}
