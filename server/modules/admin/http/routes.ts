/** Administration API (issue 15 §1): users and roles, units and the street→station map. Admin only; all audited. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { ROLES, type Role } from '../../../../shared/domain.js';
import type { Ctx } from '../../workflow/index.js';
import { createUser, resetPassword, updateUser } from '../commands/save-user.js';
import { setStreetStation } from '../commands/set-street-station.js';
import { listUsers, presentUser } from '../queries/users.js';
import { streetMap, unitsOverview } from '../queries/street-map.js';
import { can } from '../../access/index.js';

const role = z.enum(ROLES);
const id = z.object({ id: z.string().min(1).max(64) });

export function adminRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/admin/users',
    {
      config: { auth: can('admin.organisation') },
      schema: { tags: ['admin'], summary: '用户与角色（含所属单位、最近登录）' },
    },
    async () => listUsers(ctx),
  );

  http.post(
    '/api/admin/users',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['admin'],
        summary: '新建用户（角色、单位、初始密码；留痕）',
        body: z.object({
          username: z.string().min(1).max(32),
          display_name: z.string().trim().min(1).max(60),
          role,
          unit_id: z.string().max(20).nullish(),
          enterprise_key: z.string().max(200).nullish(),
          password: z.string().min(1).max(200),
        }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      reply.code(201);
      return presentUser(await createUser(ctx, req.actor!, b));
    },
  );

  http.patch(
    '/api/admin/users/:id',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['admin'],
        summary: '修改用户：姓名、角色、单位、停用/启用（不能把自己锁在外面；留痕）',
        params: id,
        body: z
          .object({
            display_name: z.string().max(60).optional(),
            role: role.optional(),
            unit_id: z.string().max(20).nullable().optional(),
            enterprise_key: z.string().max(200).nullable().optional(),
            active: z.boolean().optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
      },
    },
    async (req) => presentUser(await updateUser(ctx, req.actor!, req.params.id, req.body)),
  );

  http.post(
    '/api/admin/users/:id/password',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['admin'],
        summary: '重置密码（结束该用户的全部会话；留痕）',
        params: id,
        body: z.object({ password: z.string().min(1).max(200) }),
      },
    },
    async (req) => resetPassword(ctx, req.actor!, req.params.id, req.body.password),
  );

  http.get(
    '/api/admin/units',
    {
      config: { auth: can('admin.organisation') },
      schema: { tags: ['admin'], summary: '单位：市局、区局、市场监管所（含在办工单数）' },
    },
    async () => ({ items: await unitsOverview(ctx) }),
  );

  http.get(
    '/api/admin/street-stations',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['admin'],
        summary: '某区各街道/镇由哪个市场监管所办理',
        querystring: z.object({ district: z.string().regex(/^\d{6}$/, 'district: 6-digit division code') }),
      },
    },
    async (req) => streetMap(ctx, req.query.district),
  );

  http.put(
    '/api/admin/street-stations/:street',
    {
      config: { auth: can('admin.organisation') },
      schema: {
        tags: ['admin'],
        summary: '调整街道/镇的承办市场监管所（自动分派随即生效；留痕）',
        params: z.object({ street: z.string().regex(/^\d{9}$/, 'street: 9-digit division code') }),
        body: z.object({ unit_id: z.string().min(1).max(20) }),
      },
    },
    async (req) => setStreetStation(ctx, req.actor!, req.params.street, req.body.unit_id),
  );
}
