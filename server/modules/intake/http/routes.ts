/** Intake endpoints: staff filing (hotline), the public portal (12345 transfers: modules/twelve345). */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { audit } from '../../../platform/audit/index.js';
import { can, SYSTEM } from '../../access/index.js';
import { englishCopy, ticketRepo } from '../../workflow/index.js';
import { fileTicket } from '../commands/file-ticket.js';
import { trackTicket, rateTicket } from '../queries/track-ticket.js';
import type { IntakeCtx } from '../commands/ingest-tickets.js';

const person = z
  .object({
    name: z.string().max(100).optional(),
    phone: z.string().max(40).optional(),
    id_number: z.string().max(40).optional(),
    address: z.string().max(300).optional(),
  })
  .optional();
const respondent = z
  .object({
    name: z.string().max(200).optional(),
    address: z.string().max(300).optional(),
    credit_code: z.string().max(40).optional(),
    platform: z.string().max(60).optional(),
  })
  .optional();
export const fileBody = z.object({
  kind: z.enum(['complaint', 'report', 'consultation', 'suggestion', 'help', 'unknown']).optional(),
  channel: z.string().max(20).optional(),
  title: z.string().max(500).optional(),
  text: z.string().max(100_000),
  complainant: person,
  respondent,
  location: z.string().max(300).optional(),
  amount: z.number().nonnegative().max(1e10).optional(),
  consent_odr: z.boolean().optional(),
  client_key: z.string().max(100).optional(),
});

export function intakeRoutes(http: Http, ctx: IntakeCtx) {
  http.post(
    '/api/tickets',
    {
      config: { auth: can('ticket.file') },
      schema: { tags: ['intake'], summary: '登记工单（热线/窗口）', body: fileBody },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await fileTicket(ctx, req.actor!, { ...b, channel: b.channel ?? 'phone' });
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  http.post(
    '/api/public/tickets',
    { config: { auth: 'public' }, schema: { tags: ['public'], summary: '公众提交投诉/举报/咨询', body: fileBody } },
    async (req, reply) => {
      const b = req.body;
      const actor = req.actor ?? {
        ...SYSTEM,
        id: 'public',
        username: 'public',
        role: 'public' as const,
        displayName: '公众',
      };
      const r = await fileTicket(ctx, actor, { ...b, channel: 'web' }, 'web');
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  const track = z.object({ code: z.string().min(4).max(20) });
  http.get(
    '/api/public/tickets/:no',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '凭工单号和查询码查询进度',
        params: z.object({ no: z.string().max(40) }),
        querystring: track,
      },
    },
    async (req) => {
      return trackTicket(ctx, req.params.no, req.query.code);
    },
  );

  http.get(
    '/api/public/tickets/:no/documents/:doc',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '查看决定文书（lang=en 为英文阅读副本，以中文文书为准）',
        params: z.object({ no: z.string().max(40), doc: z.string().max(64) }),
        querystring: track.extend({ lang: z.enum(['zh', 'en']).optional() }),
      },
    },
    async (req, reply) => {
      const p = req.params;
      const t = await trackTicket(ctx, p.no, req.query.code);
      const d = await ticketRepo.document(ctx.db, ctx.sealer, t.id, p.doc);
      if (!d) return reply.status(404).send({ error: 'not_found', message: '文书不存在' });
      const en = req.query.lang === 'en' ? englishCopy(d.kind, d.html) : undefined;
      if (en === null)
        return reply.status(409).send({ error: 'conflict', message: '该文书为旧版式，没有英文阅读副本' });
      // the filer's own copy (addressed to them); the view is audited like any other document view
      await audit(ctx.db, {
        actorId: 'public',
        actorRole: 'public',
        action: 'document.view',
        subjectType: 'ticket',
        subjectId: t.id,
        purpose: '公众查询',
        detail: { document: d.id, kind: d.kind, copy: 'official', ...(en ? { lang: 'en' } : {}) },
      });
      return reply.type('text/html; charset=utf-8').send(en ? en.html : d.html);
    },
  );

  http.post(
    '/api/public/tickets/:no/rating',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '评价办理结果',
        params: z.object({ no: z.string().max(40) }),
        body: z.object({
          code: z.string().max(20),
          satisfaction: z.number().int().min(1).max(5),
          comment: z.string().max(500).optional(),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      return rateTicket(ctx, req.params.no, b.code, b.satisfaction, b.comment);
    },
  );
}
