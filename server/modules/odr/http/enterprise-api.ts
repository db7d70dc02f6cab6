/**
 * The firm's side of ODR: its API keys (managed from a person's session only), and the bulk API a platform's 联络站
 * calls with a key — list its complaints, settle, decline, attach evidence — arrays in, one result per item out.
 * An API key authenticates as `Authorization: Bearer xzk_…` and acts as the firm in the enterprise role, so every
 * check of the portal applies (only complaints routed to this firm; the mediation text, never the reporter).
 */
import type { EnterpriseMe } from '../../../../shared/enterprise.js';
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { listQueue, type Ctx } from '../../workflow/index.js';
import { BULK_EVIDENCE_MAX, BULK_MAX, DECLINE_REASON_CODES, DECLINE_REASONS } from '../domain/bulk.js';
import { bulkDecline, bulkSettle, type DeclineItem, type SettleItem } from '../commands/bulk-act.js';
import { bulkEvidence, type EvidenceItem } from '../commands/bulk-evidence.js';
import { issueApiKey } from '../commands/issue-api-key.js';
import { revokeApiKey } from '../commands/revoke-api-key.js';
import { odrRepo } from '../repository/enterprises.js';
import { keyRepo } from '../repository/keys.js';
import { firmStats } from '../queries/firm-stats.js';
import { can } from '../../access/index.js';

const idem = z.string().min(1).max(120).optional();
const ticketId = z.string().min(1).max(64);

export function enterpriseApiRoutes(http: Http, ctx: Ctx) {
  const firmOf = (a: { enterpriseKey: string | null }) =>
    a.enterpriseKey ?? fail('forbidden', { zh: '账户未绑定企业', en: 'This account is not bound to an enterprise.' });

  http.get(
    '/api/enterprise/me',
    { config: { auth: can('enterprise.self') }, schema: { tags: ['odr'], summary: 'ODR企业：本企业信息与统计' } },
    async (req): Promise<EnterpriseMe> => {
      const key = firmOf(req.actor!);
      const e = await odrRepo.get(ctx.db, key);
      const s = await odrRepo.stats(ctx.db, key, ctx.now());
      const closed = (s?.settled ?? 0) + (s?.failed ?? 0);
      const to = ctx.today();
      const year =
        (
          await firmStats(ctx.db, {
            from: new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10),
            to,
            keys: [key],
          })
        ).items[0] ?? null;
      const enrol = await odrRepo.enrolment(ctx.db, key);
      return {
        enterprise: e ? { ...e, window_days: enrol?.window_days ?? null, platform: enrol?.platform ?? null } : null,
        stats: s ?? null,
        year,
        first_settlement_rate: closed ? s!.settled / closed : null,
        growth: s && s.prev30 ? (s.last30 - s.prev30) / s.prev30 : null,
        via_api_key: !!req.actor!.apiKeyId,
      };
    },
  );

  // ---- keys: a person of the firm manages them; a key cannot mint or revoke keys ------------------------------------
  http.get(
    '/api/enterprise/keys',
    { config: { auth: can('enterprise.self') }, schema: { tags: ['odr'], summary: '本企业的API密钥（不含密钥本身）' } },
    async (req) => keyRepo.list(ctx.db, firmOf(req.actor!)),
  );
  http.post(
    '/api/enterprise/keys',
    {
      config: { auth: can('enterprise.self') },
      schema: {
        tags: ['odr'],
        summary: '签发本企业API密钥（仅显示一次）',
        body: z.object({ label: z.string().min(1).max(80) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issueApiKey(ctx, req.actor!, firmOf(req.actor!), req.body.label)),
  );
  http.post(
    '/api/enterprise/keys/:kid/revoke',
    {
      config: { auth: can('enterprise.self') },
      schema: { tags: ['odr'], summary: '吊销本企业API密钥', params: z.object({ kid: z.string().max(64) }) },
    },
    async (req) => revokeApiKey(ctx, req.actor!, firmOf(req.actor!), req.params.kid),
  );

  // ---- bulk API ------------------------------------------------------------------------------------------------------
  http.get(
    '/api/enterprise/tickets',
    {
      config: { auth: can('enterprise.self') },
      schema: {
        tags: ['odr'],
        summary: '批量接口：本企业待和解的投诉（脱敏，不含举报内容与举报人）',
        querystring: z.object({
          status: z.enum(['odr', 'all']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      firmOf(req.actor!);
      return listQueue(ctx, req.actor!, {
        status: q.status === 'all' ? undefined : ['odr'],
        limit: q.limit ?? 500,
        offset: q.offset ?? 0,
      });
    },
  );
  http.get(
    '/api/enterprise/decline-reasons',
    { config: { auth: can('enterprise.self') }, schema: { tags: ['odr'], summary: '批量接口：退回原因代码' } },
    async () => DECLINE_REASON_CODES.map((code) => ({ code, label: DECLINE_REASONS[code] })),
  );
  http.post(
    '/api/enterprise/bulk/settle',
    {
      config: { auth: can('enterprise.self') },
      schema: {
        tags: ['odr'],
        summary: `批量和解（每次最多${BULK_MAX}条，逐条返回结果；幂等键防止重复）`,
        body: z.object({
          items: z
            .array(
              z.object({
                ticket_id: ticketId,
                amount: z.number(),
                note: z.string().max(2000).optional(),
                idempotency_key: idem,
              }),
            )
            .min(1)
            .max(BULK_MAX),
        }),
      },
    },
    async (req) => bulkSettle(ctx, req.actor!, req.body.items),
  );
  http.post(
    '/api/enterprise/bulk/decline',
    {
      config: { auth: can('enterprise.self') },
      schema: {
        tags: ['odr'],
        summary: `批量退回行政调解（须附原因代码；每次最多${BULK_MAX}条）`,
        body: z.object({
          items: z
            .array(
              z.object({
                ticket_id: ticketId,
                reason: z.string().max(40),
                note: z.string().max(2000).optional(),
                idempotency_key: idem,
              }),
            )
            .min(1)
            .max(BULK_MAX),
        }),
      },
    },
    async (req) => bulkDecline(ctx, req.actor!, req.body.items),
  );
  http.post(
    '/api/enterprise/bulk/evidence',
    {
      bodyLimit: 16 * 1024 * 1024,
      config: { auth: can('enterprise.self') },
      schema: {
        tags: ['odr'],
        summary: `批量提交申诉证据（每次最多${BULK_EVIDENCE_MAX}个文件，单个≤5 MB，base64）`,
        body: z.object({
          items: z
            .array(
              z.object({
                ticket_id: ticketId,
                filename: z.string().min(1).max(200),
                content_base64: z.string().min(4).max(7_200_000),
                note: z.string().max(2000).optional(),
                idempotency_key: idem,
              }),
            )
            .min(1)
            .max(BULK_EVIDENCE_MAX),
        }),
      },
    },
    async (req) => bulkEvidence(ctx, req.actor!, req.body.items),
  );
}
