/** Login, logout, the current user, the organisation. */
import { z } from 'zod';
import { audit, auditCsv, auditSearch, verifyAuditChain } from '../../../platform/audit/index.js';
import { SESSION_COOKIE, sessionCookie, type Http } from '../../../platform/http/index.js';
import type { Db } from '../../../platform/db/index.js';
import { login, logout } from '../commands/login.js';
import { accessRepo } from '../repository.js';
import { ROLE_LABELS } from '../../../../shared/domain.js';
import { can } from '../domain/catalog.js';

/** a calendar date (Asia/Shanghai; `to` includes the whole day) or an ISO instant, refused with its field named */
const when = (field: string) =>
  z
    .string()
    .max(40)
    .refine(
      (v) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
          const d = new Date(`${v}T00:00:00+08:00`);
          return !Number.isNaN(d.getTime()) && new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) === v;
        }
        return /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
      },
      { message: `${field}: not a valid date (YYYY-MM-DD) or time (ISO 8601)` },
    );
const auditQuery = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  subject_type: z.string().max(40).optional(),
  subject_id: z.string().max(200).optional(),
  from: when('from').optional(),
  to: when('to').optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});
function shanghaiInstant(v: string, endOfDay: boolean): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(v);
  const d = new Date(`${v}T00:00:00+08:00`);
  return endOfDay ? new Date(d.getTime() + 86_400_000) : d;
}

export function accessRoutes(http: Http, db: Db) {
  http.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const r = await login(db, username, password, { address: req.ip });
      reply.setCookie(SESSION_COOKIE, r.token, sessionCookie(req));
      return { token: r.token, user: { ...r.actor, role_label: ROLE_LABELS[r.actor.role] } };
    },
  );

  http.post(
    '/api/auth/logout',
    { config: { auth: 'any' }, schema: { tags: ['auth'], summary: '退出' } },
    async (req, reply) => {
      const h = req.headers.authorization;
      const token = h?.startsWith('Bearer ') ? h.slice(7) : req.cookies[SESSION_COOKIE];
      if (token) await logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { ...sessionCookie(req), maxAge: undefined });
      return { ok: true };
    },
  );

  http.get('/api/me', { config: { auth: 'any' }, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    const a = req.actor!;
    const unit = a.unitId ? await accessRepo.getUnit(db, a.unitId) : undefined;
    return { ...a, role_label: ROLE_LABELS[a.role], unit_name: unit?.name ?? null };
  });

  // the admin's audit search (issue 11 §3): by actor, action, subject and time; with no filter the latest page
  http.get(
    '/api/admin/audit',
    {
      config: { auth: can('admin.audit') },
      schema: {
        tags: ['organisation'],
        summary: '审计日志检索：按操作人、操作、对象（含导出/共享所涉记录）与时间段；不带条件时返回最新一页',
        querystring: auditQuery,
      },
    },
    async (req) => {
      const q = req.query;
      return auditSearch(db, {
        actor: q.actor,
        action: q.action,
        subjectType: q.subject_type,
        subjectId: q.subject_id,
        limit: q.limit ?? 50,
        before: q.before,
        from: q.from ? shanghaiInstant(q.from, false) : undefined,
        to: q.to ? shanghaiInstant(q.to, true) : undefined,
      });
    },
  );

  // the same search as CSV, every matching entry (no cap); taking it is itself audited with the stated purpose
  http.get(
    '/api/admin/audit/export.csv',
    {
      config: { auth: can('admin.audit') },
      schema: {
        tags: ['organisation'],
        summary: '审计日志导出（CSV，全部匹配记录；须说明用途，导出本身留痕）',
        querystring: auditQuery
          .omit({ limit: true, before: true })
          .extend({ purpose: z.string().trim().min(2, 'purpose: 须说明用途（至少 2 个字）').max(200) }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const f = {
        actor: q.actor,
        action: q.action,
        subjectType: q.subject_type,
        subjectId: q.subject_id,
        from: q.from ? shanghaiInstant(q.from, false) : undefined,
        to: q.to ? shanghaiInstant(q.to, true) : undefined,
      };
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="xiezhi-audit.csv"');
      const { Readable } = await import('node:stream');
      return reply.send(Readable.from(auditCsv(db, req.actor!, f, q.purpose)));
    },
  );

  http.get(
    '/api/admin/audit/verify',
    {
      config: { auth: can('admin.audit') },
      schema: { tags: ['organisation'], summary: '审计链校验：逐条重算哈希，报告第一处断链' },
    },
    async () => verifyAuditChain(db),
  );

  http.get(
    '/api/units',
    { config: { auth: 'any' }, schema: { tags: ['organisation'], summary: '单位（市局、区局、市场监管所）' } },
    async () => accessRepo.listUnits(db),
  );
}
