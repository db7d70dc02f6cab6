/**
 * ODR HTTP API. Staff side: the register and enrolment (apply, approve, reject, withdraw, window, contact), the firm's
 * accounts and API keys, per-firm statistics. Firm side (enterprise-api.ts): its profile, keys and the bulk API.
 */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { odrRepo } from '../repository/enterprises.js';
import { ENROL_STATES, WINDOW_MAX, WINDOW_MIN, type EnrolDecision } from '../domain/enrolment.js';
import { applyEnrolment, type ApplyInput } from '../commands/apply-enrolment.js';
import { decideOnEnrolment } from '../commands/decide-enrolment.js';
import { updateEnrolment } from '../commands/update-enrolment.js';
import { createFirmAccount } from '../commands/create-account.js';
import { setFirmAccountActive } from '../commands/set-account-active.js';
import { issueApiKey } from '../commands/issue-api-key.js';
import { revokeApiKey } from '../commands/revoke-api-key.js';
import { getEnterprise, listEnterprises } from '../queries/list-enterprises.js';
import { firmStats } from '../queries/firm-stats.js';
import { enterpriseApiRoutes } from './enterprise-api.js';
import { can } from '../../access/index.js';

const contact = z.object({
  name: z.string().min(1).max(60),
  phone: z.string().min(5).max(30),
  email: z.string().max(120).optional(),
});
const windowDays = z.number().int().min(WINDOW_MIN).max(WINDOW_MAX).nullable().optional();
const application = z.object({
  name: z.string().min(2).max(200),
  credit_code: z.string().max(18).nullable().optional(),
  platform: z.string().max(200).nullable().optional(),
  contact,
  window_days: windowDays,
});
const keyParam = z.object({ key: z.string().min(1).max(200) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export function odrRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/odr/enrolment',
    {
      config: { auth: can('odr.enrolment.read') },
      schema: {
        tags: ['odr'],
        summary: '查询被投诉人（或其平台）是否为ODR企业',
        querystring: z.object({
          respondent_key: z.string().max(200).optional(),
          platform: z.string().max(60).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return (await odrRepo.odrFor(ctx.db, q.respondent_key ?? null, q.platform ?? null)) ?? null;
    },
  );

  // ---- enrolment -------------------------------------------------------------------------------------------------
  http.post(
    '/api/odr/applications',
    {
      config: { auth: 'public' },
      schema: { tags: ['odr'], summary: 'ODR入驻申请（企业自行提交，待市场监管部门审核）', body: application },
    },
    async (req, reply) => reply.status(201).send(await applyEnrolment(ctx, null, req.body)),
  );
  http.get(
    '/api/odr/enterprises',
    {
      config: { auth: can('odr.directory.read') },
      schema: {
        tags: ['odr'],
        summary: 'ODR企业名录与入驻申请',
        querystring: z.object({
          state: z.enum(ENROL_STATES).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => listEnterprises(ctx, req.query),
  );
  http.post(
    '/api/odr/enterprises',
    {
      config: { auth: can('odr.enrol_on_behalf') },
      schema: { tags: ['odr'], summary: '代企业提交ODR入驻申请（工作人员）', body: application },
    },
    async (req, reply) => reply.status(201).send(await applyEnrolment(ctx, req.actor!, req.body)),
  );
  http.get(
    '/api/odr/enterprises/:key',
    {
      config: { auth: can('odr.manage') },
      schema: { tags: ['odr'], summary: 'ODR企业详情（联系人、账户、API密钥；查看联系人留痕）', params: keyParam },
    },
    async (req) => getEnterprise(ctx, req.actor!, req.params.key),
  );
  http.patch(
    '/api/odr/enterprises/:key',
    {
      config: { auth: can('odr.manage') },
      schema: {
        tags: ['odr'],
        summary: '修改ODR企业的和解期限、所属平台或联系人',
        params: keyParam,
        body: z.object({
          window_days: windowDays,
          platform: z.string().max(200).nullable().optional(),
          contact: contact.optional(),
        }),
      },
    },
    async (req) => updateEnrolment(ctx, req.actor!, req.params.key, req.body),
  );
  const decision = (d: EnrolDecision, summary: string) =>
    http.post(
      `/api/odr/enterprises/:key/${d}`,
      {
        config: { auth: can('odr.manage') },
        schema: {
          tags: ['odr'],
          summary,
          params: keyParam,
          body: z.object({ note: z.string().max(1000).optional(), window_days: windowDays }),
        },
      },
      async (req) => decideOnEnrolment(ctx, req.actor!, req.params.key, d, req.body ?? {}),
    );
  decision('approve', '批准ODR入驻（可设定和解期限，工作日）');
  decision('reject', '驳回ODR入驻申请（须填写原因）');
  decision('withdraw', 'ODR企业退出（须填写原因；其API密钥随之失效）');

  // ---- the firm's accounts and keys (admin) ----------------------------------------------------------------------
  http.post(
    '/api/odr/enterprises/:key/accounts',
    {
      config: { auth: can('odr.manage') },
      schema: {
        tags: ['odr'],
        summary: '为ODR企业创建账户（管理员设定初始密码）',
        params: keyParam,
        body: z.object({
          username: z.string().min(3).max(40),
          display_name: z.string().min(1).max(60),
          password: z.string().min(1).max(200),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createFirmAccount(ctx, req.actor!, req.params.key, req.body)),
  );
  http.post(
    '/api/odr/enterprises/:key/accounts/:id/active',
    {
      config: { auth: can('odr.manage') },
      schema: {
        tags: ['odr'],
        summary: '停用或启用ODR企业账户（停用即注销其会话）',
        params: keyParam.extend({ id: z.string().max(64) }),
        body: z.object({ active: z.boolean() }),
      },
    },
    async (req) => {
      const p = req.params;
      return setFirmAccountActive(ctx, req.actor!, p.key, p.id, req.body.active);
    },
  );
  http.post(
    '/api/odr/enterprises/:key/keys',
    {
      config: { auth: can('odr.manage') },
      schema: {
        tags: ['odr'],
        summary: '为ODR企业签发API密钥（仅显示一次）',
        params: keyParam,
        body: z.object({ label: z.string().min(1).max(80) }),
      },
    },
    async (req, reply) => reply.status(201).send(await issueApiKey(ctx, req.actor!, req.params.key, req.body.label)),
  );
  http.post(
    '/api/odr/enterprises/:key/keys/:kid/revoke',
    {
      config: { auth: can('odr.manage') },
      schema: { tags: ['odr'], summary: '吊销ODR企业的API密钥', params: keyParam.extend({ kid: z.string().max(64) }) },
    },
    async (req) => {
      const p = req.params;
      return revokeApiKey(ctx, req.actor!, p.key, p.kid);
    },
  );

  // ---- statistics --------------------------------------------------------------------------------------------------
  http.get(
    '/api/odr/stats',
    {
      config: { auth: can('odr.directory.read') },
      schema: {
        tags: ['odr'],
        summary: '各ODR企业统计：件数、和解、首次和解率、平均和解天数',
        querystring: z.object({ from: day.optional(), to: day.optional(), key: z.string().max(200).optional() }),
      },
    },
    async (req) => {
      const q = req.query;
      const to = q.to ?? ctx.today();
      const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
      if (from > to)
        return fail('invalid_input', {
          zh: '开始日期不能晚于结束日期',
          en: 'The start date cannot be after the end date.',
        });
      return firmStats(ctx.db, { from, to, keys: q.key ? [q.key] : undefined });
    },
  );

  enterpriseApiRoutes(http, ctx);
}
