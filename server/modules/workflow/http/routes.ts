/** Thin handlers: the queue, ticket detail, workflow actions, transfers, documents, rule sets. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import type { Ctx } from '../context.js';
import { listQueue } from '../queries/list-queue.js';
import { getDocument, getTicket } from '../queries/get-ticket.js';
import { performAction } from '../commands/perform-action.js';
import { transferTicket } from '../commands/transfer-ticket.js';
import { RULE_SETS } from '../domain/rules.js';
import { actionBody, idParams, queueQuery, transferBody } from './schemas.js';
import { can } from '../../access/index.js';

export function workflowRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/tickets',
    {
      config: { auth: can('ticket.read') },
      schema: { tags: ['tickets'], summary: '工单队列（按法定期限排序）', querystring: queueQuery },
    },
    async (req) => {
      const q = req.query;
      return listQueue(ctx, req.actor!, {
        ...q,
        status: q.status?.split(',').filter(Boolean),
        open: q.open === undefined ? undefined : q.open === 'true',
      });
    },
  );

  http.get(
    '/api/tickets/:id',
    {
      config: { auth: can('ticket.read') },
      schema: {
        tags: ['tickets'],
        summary: '工单详情（含时间线、文书、可执行操作）',
        params: idParams,
        querystring: z.object({
          reveal: z.enum(['true', 'false']).optional(),
          purpose: z.string().max(100).optional(),
        }),
      },
    },
    async (req) => {
      const { id } = req.params;
      const q = req.query;
      return getTicket(ctx, req.actor!, id, { reveal: q.reveal !== 'false', purpose: q.purpose });
    },
  );

  http.post(
    '/api/tickets/:id/actions',
    {
      config: { auth: can('ticket.act') },
      schema: {
        tags: ['workflow'],
        summary: '执行流程操作（受理、不予受理、调解、终止、核查、立案、告知…）',
        params: idParams,
        body: actionBody,
      },
    },
    async (req) => {
      const { id } = req.params;
      return performAction(ctx, { ticketId: id, actor: req.actor!, input: req.body });
    },
  );

  http.post(
    '/api/tickets/:id/transfer',
    {
      config: { auth: can('ticket.transfer') },
      schema: { tags: ['workflow'], summary: '转办/退回（须说明理由）', params: idParams, body: transferBody },
    },
    async (req) => {
      const { id } = req.params;
      const b = req.body;
      return transferTicket(ctx, { ticketId: id, actor: req.actor!, toUnit: b.to_unit, reason: b.reason });
    },
  );

  http.get(
    '/api/tickets/:id/documents/:doc',
    {
      config: { auth: can('ticket.read') },
      schema: {
        tags: ['workflow'],
        summary: '文书（可打印HTML；lang=en 为英文阅读副本，以中文文书为准）',
        params: z.object({ id: z.string(), doc: z.string() }),
        querystring: z.object({ lang: z.enum(['zh', 'en']).optional() }),
      },
    },
    async (req, reply) => {
      const { id, doc } = req.params;
      const d = await getDocument(ctx, req.actor!, id, doc, req.query.lang);
      return reply.type('text/html; charset=utf-8').send(d.html);
    },
  );

  http.get(
    '/api/rules',
    { config: { auth: 'any' }, schema: { tags: ['workflow'], summary: '规则集（按收件日期适用）' } },
    async () => RULE_SETS,
  );
}
