/** The 投诉举报异常名录 API: proposals, review and decisions, notice, appeal, removal, sharing, import, risk panel. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import { audit } from '../../../platform/audit/index.js';
import { can, canReadTicket } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import type { ListAction } from '../../risk/index.js';
import { actOnEntry } from '../commands/act-on-entry.js';
import { proposeEntries } from '../commands/propose-entries.js';
import { getEntry, listEntries, riskOfTicket, shareList } from '../queries/entries.js';
import { abnormalRepo } from '../repository.js';
import { proposeOther, type ProposeOtherInput } from '../commands/propose-other.js';
import { appealByNotice, noticeOf } from '../commands/notice-and-appeal.js';
import { recordProceeding, ticketProceedings } from '../commands/record-proceeding.js';
import { PROCEEDING_KINDS, type ProceedingInput } from '../domain/proceedings.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );

export function abnormalRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/abnormal',
    {
      config: { auth: can('abnormal.list.read') },
      schema: {
        tags: ['abnormal'],
        summary: '异常名录（默认脱敏）',
        querystring: z.object({
          state: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => listEntries(ctx, req.actor!, req.query),
  );

  http.get(
    '/api/abnormal/:id',
    {
      config: { auth: can('abnormal.list.read') },
      schema: {
        tags: ['abnormal'],
        summary: '名录条目：标准、证据、工单、程序记录（明文须说明用途并留痕）',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({
          reveal: z.enum(['true', 'false']).optional(),
          purpose: z.string().max(200).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return getEntry(ctx, req.actor!, req.params.id, { reveal: q.reveal === 'true', purpose: q.purpose });
    },
  );

  http.post(
    '/api/abnormal/:id/actions',
    {
      config: { auth: can('abnormal.act') },
      schema: {
        tags: ['abnormal'],
        summary: '正当程序：审核、列入（须写明依据）、不予列入、一次性告知、申诉、维持、更正、移出',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          action: z.enum(['start_review', 'list', 'reject', 'notify', 'appeal', 'dismiss_appeal', 'correct', 'remove']),
          legal_basis: z.string().max(500).optional(),
          reason: z.string().max(2000).optional(),
          period_days: z.number().int().min(30).max(1095).optional(),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      return actOnEntry(ctx, req.actor!, req.params.id, b.action, b);
    },
  );

  http.post(
    '/api/abnormal/scan',
    {
      config: { auth: can('abnormal.scan') },
      schema: { tags: ['abnormal'], summary: '运行模型，生成列入提议（只提议，不生效）' },
    },
    async () => proposeEntries(ctx),
  );

  http.get(
    '/api/tickets/:id/risk',
    {
      config: { auth: can('ticket.risk.read') },
      schema: {
        tags: ['abnormal'],
        summary: '投诉人风险面板（名录状态、标准与证据、本件处理方式）',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req) => riskOfTicket(ctx, req.actor!, req.params.id, (t) => canReadTicket(req.actor!, t)),
  );

  http.get(
    '/api/tickets/:id/proceedings',
    {
      config: { auth: can('ticket.proceedings.read') },
      schema: {
        tags: ['abnormal'],
        summary: '关联程序：信息公开申请、行政复议、行政诉讼、纪检举报',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req) => ticketProceedings(ctx, req.actor!, req.params.id),
  );

  http.post(
    '/api/tickets/:id/proceedings',
    {
      config: { auth: can('ticket.proceedings.write') },
      schema: {
        tags: ['abnormal'],
        summary: '登记关联程序（类型、提起日期、结果）',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          kind: z.enum(PROCEEDING_KINDS),
          filed_on: day,
          result: z.string().max(500).optional(),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await recordProceeding(ctx, req.actor!, req.params.id, req.body)),
  );

  http.post(
    '/api/tickets/:id/abnormal-proposal',
    {
      config: { auth: can('abnormal.propose') },
      schema: {
        tags: ['abnormal'],
        summary: '以“其他滥用投诉的行为”提议列入（书面证据，引用该投诉人的工单编号）',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ evidence: z.string().min(1).max(2000), ticket_nos: z.array(z.string().max(40)).max(50) }),
      },
    },
    async (req, reply) => reply.status(201).send(await proposeOther(ctx, req.actor!, req.params.id, req.body)),
  );

  http.get(
    '/api/abnormal/:id/notice',
    {
      config: { auth: can('abnormal.notice.read') },
      schema: {
        tags: ['abnormal'],
        summary: '一次性告知书（可打印；含申诉验证码；lang=en 为英文阅读副本）',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ format: z.enum(['html', 'json']).optional(), lang: z.enum(['zh', 'en']).optional() }),
      },
    },
    async (req, reply) => {
      const doc = await noticeOf(ctx, req.actor!, req.params.id, req.query.lang);
      if (req.query.format === 'json') return doc;
      return reply.type('text/html; charset=utf-8').send(doc.html);
    },
  );

  http.post(
    '/api/public/abnormal-appeals',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '名录申诉：凭一次性告知书编号和验证码',
        body: z.object({
          notice_no: z.string().min(1).max(40),
          code: z.string().min(1).max(10),
          reason: z.string().min(5).max(2000),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await appealByNotice(ctx, req.body)),
  );

  http.get(
    '/api/partner/abnormal',
    {
      config: { auth: can('abnormal.shared.read') },
      schema: {
        tags: ['abnormal'],
        summary: '向协作部门共享名录（默认脱敏，每次访问记录用途）',
        querystring: z.object({ purpose: z.string().min(2).max(200), unmasked: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req) => {
      const q = req.query;
      return shareList(ctx, req.actor!, { purpose: q.purpose, unmasked: q.unmasked === 'true' });
    },
  );

  http.post(
    '/api/abnormal/import',
    {
      config: { auth: can('abnormal.import') },
      schema: {
        tags: ['abnormal'],
        summary: '导入其他区/部门的名录（仅按密钥哈希匹配）',
        body: z.object({
          source: z.string().min(1).max(100),
          entries: z
            .array(z.object({ ref: z.string().max(100), keys: z.array(z.string().max(200)).min(1).max(10) }))
            .min(1)
            .max(10_000),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      for (const k of b.entries.flatMap((e) => e.keys))
        if (!/^(id_number|phone):[A-Za-z0-9_-]{8,}$/.test(k))
          return fail(
            'invalid_input',
            `keys must be keyed hashes (id_number:… / phone:…), not values: ${k.slice(0, 20)}`,
          );
      let matched = 0;
      for (const e of b.entries) {
        await abnormalRepo.insertImport(ctx.db, {
          source: b.source,
          entry_ref: e.ref,
          keys: e.keys,
          by: req.actor!.id,
        });
        matched += (
          await abnormalRepo.matchKeys(
            ctx.db,
            e.keys.map((k) => k.split(':')[1]!),
          )
        ).length;
      }
      await audit(ctx.db, {
        actorId: req.actor!.id,
        actorRole: req.actor!.role,
        action: 'abnormal.import',
        subjectType: 'abnormal_list',
        subjectId: b.source,
        detail: { entries: b.entries.length, matched },
      });
      return { imported: b.entries.length, matched_local_persons: matched };
    },
  );
}
