/** Evidence files: upload (base64 JSON, ≤ 5 MB), list with check flags, download. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { can, canReadTicket, SYSTEM } from '../../access/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { trackTicket } from '../../intake/index.js';
import { attach } from '../commands/attach.js';
import { attachmentRepo } from '../repository.js';

const upload = z.object({
  filename: z.string().min(1).max(200),
  content_base64: z.string().min(4).max(7_200_000),
  note: z.string().max(2000).optional(),
});

export function attachmentRoutes(http: Http, ctx: Ctx) {
  http.post(
    '/api/tickets/:id/attachments',
    {
      bodyLimit: 8 * 1024 * 1024,
      config: { auth: can('evidence.upload') },
      schema: {
        tags: ['evidence'],
        summary: '上传证据（企业上传即为商家救济申诉证据）；图片自动核验AI生成标识、拍摄时间、跨诉求复用',
        params: z.object({ id: z.string().max(64) }),
        body: upload,
      },
    },
    async (req, reply) => {
      const b = req.body;
      const purpose = req.actor!.role === 'enterprise' ? 'rebuttal' : 'evidence';
      return reply.status(201).send(
        await attach(ctx, req.actor!, req.params.id, {
          filename: b.filename,
          content: Buffer.from(b.content_base64, 'base64'),
          note: b.note,
          purpose,
        }),
      );
    },
  );

  http.post(
    '/api/public/tickets/:no/attachments',
    {
      bodyLimit: 8 * 1024 * 1024,
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '公众补充证据（凭工单号和查询码）',
        params: z.object({ no: z.string().max(40) }),
        body: upload.extend({ code: z.string().max(20) }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const t = await trackTicket(ctx, req.params.no, b.code);
      const actor = { ...SYSTEM, id: 'public', username: 'public', role: 'public' as const, displayName: '公众' };
      return reply.status(201).send(
        await attach(ctx, actor, t.id, {
          filename: b.filename,
          content: Buffer.from(b.content_base64, 'base64'),
          note: b.note,
          purpose: 'evidence',
        }),
      );
    },
  );

  http.get(
    '/api/tickets/:id/attachments',
    {
      config: { auth: can('evidence.list') },
      schema: {
        tags: ['evidence'],
        summary: '证据清单与核验提示（仅供参考，不自动驳回）',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req) => {
      const t = await ticketRepo.get(ctx.db, req.params.id);
      if (!t || !canReadTicket(req.actor!, t))
        return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
      // a business sees only what it submitted itself, never the consumer's files
      return attachmentRepo.forTicket(ctx.db, t.id, req.actor!.role === 'enterprise' ? 'rebuttal' : undefined);
    },
  );

  http.get(
    '/api/tickets/:id/attachments/:aid',
    {
      config: { auth: can('evidence.download') },
      schema: {
        tags: ['evidence'],
        summary: '下载证据文件',
        params: z.object({ id: z.string().max(64), aid: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const p = req.params;
      const t = await ticketRepo.get(ctx.db, p.id);
      if (!t || !canReadTicket(req.actor!, t))
        return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
      const a = await attachmentRepo.content(ctx.db, ctx.sealer, t.id, p.aid);
      if (!a) return fail('not_found', { zh: '文件不存在', en: 'No such file.' });
      return reply
        .type(a.mime ?? 'application/octet-stream')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .send(a.content);
    },
  );
}
