import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { createInspection, listInspections, recordInspectionResult } from '../commands/inspections.js';
import { receivePlatformResult } from '../commands/receive-platform-result.js';
import { recordPenalty } from '../commands/record-penalty.js';
import { ticketCases } from '../queries/ticket-cases.js';
import { inspectionRepo } from '../repository.js';
import {
  REFUSAL_TEXT,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifySignature,
  webhookSecretFromEnv,
} from '../domain/signature.js';
import type { PlatformResult } from '../domain/platform.js';
import { can } from '../../access/index.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );
const id64 = z.string().min(1).max(64);
const checklist = z.array(z.object({ item: z.string().max(300), done: z.boolean() })).max(100);
const penaltyBody = z.object({
  decision_no: z.string().min(1).max(100),
  amount: z.number().nonnegative().max(1e11).optional(),
  summary: z.string().min(1).max(2000),
  decided_on: day.optional(),
});
const platformBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inspection.result'),
    result_id: id64,
    inspection_id: id64,
    findings: z.string().min(1).max(5000),
    violation: z.boolean(),
    checklist: checklist.optional(),
    inspector: z.string().max(100).optional(),
  }),
  z.object({
    kind: z.literal('case.decision'),
    result_id: id64,
    inspection_id: id64,
    decision: z.enum(['case_opened', 'not_opened']),
    reason: z.string().max(8).optional(),
    decision_no: z.string().max(100).optional(),
    note: z.string().max(2000).optional(),
  }),
  z.object({ kind: z.literal('case.penalty'), result_id: id64, inspection_id: id64, ...penaltyBody.shape }),
]);

export interface InspectionRouteOptions {
  /** the shared secret of the platform's webhook (default: XIEZHI_REGULATORY_SECRET[_FILE]); null refuses every call */
  webhookSecret?: string | null;
  /** accepted clock skew / replay window in seconds (default 300) */
  windowS?: number;
}

export function inspectionRoutes(http: Http, ctx: Ctx, o: InspectionRouteOptions = {}) {
  const secret =
    o.webhookSecret !== undefined ? o.webhookSecret : webhookSecretFromEnv(process.env, (f) => readFileSync(f, 'utf8'));
  const p = z.object({ id: z.string().max(64) });
  http.post(
    '/api/tickets/:id/inspections',
    {
      config: { auth: can('inspection.write') },
      schema: {
        tags: ['inspection'],
        summary: '一键生成现场检查任务',
        params: p,
        body: z.object({ assignee: z.string().max(100).optional(), note: z.string().max(1000).optional() }).optional(),
      },
    },
    async (req, reply) => {
      const r = await createInspection(ctx, req.actor!, req.params.id, req.body ?? {});
      return reply.status(201).send(r);
    },
  );
  http.get(
    '/api/tickets/:id/inspections',
    {
      config: { auth: can('inspection.read') },
      schema: { tags: ['inspection'], summary: '工单的检查任务', params: p },
    },
    async (req) => listInspections(ctx, req.actor!, req.params.id),
  );
  http.patch(
    '/api/tickets/:id/inspections/:iid',
    {
      config: { auth: can('inspection.write') },
      schema: {
        tags: ['inspection'],
        summary: '录入检查结果（结果回写工单，发现违法即生成案源线索，15个工作日核查）',
        params: z.object({ id: z.string().max(64), iid: z.string().max(64) }),
        body: z.object({
          findings: z.string().min(1).max(5000),
          violation: z.boolean(),
          checklist: checklist.optional(),
        }),
      },
    },
    async (req) => {
      const pr = req.params;
      return recordInspectionResult(ctx, req.actor!, pr.id, pr.iid, req.body);
    },
  );
  http.get(
    '/api/inspections',
    {
      config: { auth: can('inspection.list') },
      schema: {
        tags: ['inspection'],
        summary: '本单位检查任务',
        querystring: z.object({ status: z.enum(['open', 'done']).optional() }),
      },
    },
    async (req) => {
      const unit = req.actor!.role === 'officer' ? req.actor!.unitId : null;
      return inspectionRepo.forUnit(ctx.db, unit, req.query.status ?? null, 200);
    },
  );
  http.get(
    '/api/tickets/:id/cases',
    {
      config: { auth: can('ticket.cases.read') },
      schema: { tags: ['inspection'], summary: '诉转案：工单引出的案源线索及其结果（立案/不予立案/处罚）', params: p },
    },
    async (req) => ticketCases(ctx, req.actor!, req.params.id),
  );
  http.post(
    '/api/cases/:id/penalty',
    {
      config: { auth: can('case.penalty.write') },
      schema: {
        tags: ['inspection'],
        summary: '录入行政处罚决定（决定书文号、罚没金额）',
        params: p,
        body: penaltyBody,
      },
    },
    async (req) => recordPenalty(ctx, req.actor!, req.params.id, req.body),
  );

  // Public but signed: no session, the HMAC over the raw bytes is the credential. The raw body is kept before JSON
  // parsing (a re-serialised object would not match what the platform signed).
  http.post(
    '/api/inspections/results',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['inspection'],
        summary: '一体化监管平台回传检查结果、立案决定、处罚决定（HMAC签名，按结果编号幂等）',
        body: platformBody,
      },
      preParsing: async (req, _reply, payload) => {
        const chunks: Buffer[] = [];
        for await (const c of payload) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
        const raw = Buffer.concat(chunks);
        (req as unknown as { rawBody: Buffer }).rawBody = raw;
        return Readable.from([raw]);
      },
      // the signature is checked before the body is validated: an unsigned caller learns nothing about the schema
      preValidation: async (req) => {
        const h = (n: string) =>
          Array.isArray(req.headers[n]) ? (req.headers[n] as string[])[0] : (req.headers[n] as string | undefined);
        const v = verifySignature({
          secret,
          timestamp: h(TIMESTAMP_HEADER),
          signature: h(SIGNATURE_HEADER),
          body: (req as unknown as { rawBody?: Buffer }).rawBody ?? '',
          nowMs: ctx.now().getTime(),
          windowS: o.windowS,
        });
        if (!v.ok)
          throw new DomainError(
            v.reason === 'not_configured' ? 'forbidden' : 'unauthenticated',
            REFUSAL_TEXT[v.reason],
            { reason: v.reason },
          );
      },
    },
    async (req) => receivePlatformResult(ctx, req.body, (req as unknown as { rawBody: Buffer }).rawBody),
  );
}
