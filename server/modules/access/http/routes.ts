/** Login, logout, the current user, the organisation. */
import { z } from 'zod';
import { auditTrail } from '../../../platform/audit/index.js';
import { SESSION_COOKIE, sessionCookie, type Http } from '../../../platform/http/index.js';
import type { Db } from '../../../platform/db/index.js';
import { login, logout } from '../commands/login.js';
import { accessRepo } from '../repository.js';
import { ROLE_LABELS } from '../../../../shared/domain.js';

export function accessRoutes(http: Http, db: Db) {
  http.post('/api/auth/login', {
    config: { auth: 'public' },
    schema: { tags: ['auth'], summary: '登录', body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }) },
  }, async (req, reply) => {
    const { username, password } = req.body as { username: string; password: string };
    const r = await login(db, username, password, { address: req.ip });
    reply.setCookie(SESSION_COOKIE, r.token, sessionCookie(req));
    return { token: r.token, user: { ...r.actor, role_label: ROLE_LABELS[r.actor.role] } };
  });

  http.post('/api/auth/logout', { config: { auth: 'any' }, schema: { tags: ['auth'], summary: '退出' } }, async (req, reply) => {
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7) : req.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { ...sessionCookie(req), maxAge: undefined });
    return { ok: true };
  });

  http.get('/api/me', { config: { auth: 'any' }, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    const a = req.actor!;
    const unit = a.unitId ? await accessRepo.getUnit(db, a.unitId) : undefined;
    return { ...a, role_label: ROLE_LABELS[a.role], unit_name: unit?.name ?? null };
  });

  http.get('/api/admin/audit', { config: { auth: ['admin'] }, schema: { tags: ['organisation'], summary: '审计日志：某一对象的查看、导出与决定记录', querystring: z.object({ subject_type: z.string().max(40), subject_id: z.string().max(80), limit: z.coerce.number().int().min(1).max(1000).optional() }) } }, async (req) => {
    const q = req.query as { subject_type: string; subject_id: string; limit?: number };
    return auditTrail(db, q.subject_type, q.subject_id, q.limit ?? 200);
  });

  http.get('/api/units', { config: { auth: 'any' }, schema: { tags: ['organisation'], summary: '单位（市局、区局、市场监管所）' } }, async () => accessRepo.listUnits(db));
}
