/** The enterprise portal's API: who am I, my statistics, my ODR-enrolment for a ticket. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { odrRepo } from '../repository.js';

export function odrRoutes(http: Http, ctx: Ctx) {
  http.get('/api/enterprise/me', { config: { auth: ['enterprise'] }, schema: { tags: ['odr'], summary: 'ODR企业：本企业信息与统计' } }, async (req) => {
    const key = req.actor!.enterpriseKey ?? fail('forbidden', '账户未绑定企业');
    const e = await odrRepo.get(ctx.db, key);
    const s = await odrRepo.stats(ctx.db, key, ctx.now());
    const closed = (s?.settled ?? 0) + (s?.failed ?? 0);
    return {
      enterprise: e, stats: s,
      first_settlement_rate: closed ? (s!.settled / closed) : null,
      growth: s && s.prev30 ? (s.last30 - s.prev30) / s.prev30 : null,
    };
  });

  http.get('/api/odr/enrolment', { config: { auth: ['operator', 'officer', 'supervisor', 'admin'] }, schema: { tags: ['odr'], summary: '查询被投诉人（或其平台）是否为ODR企业', querystring: z.object({ respondent_key: z.string().max(200).optional(), platform: z.string().max(60).optional() }) } }, async (req) => {
    const q = req.query as { respondent_key?: string; platform?: string };
    return (await odrRepo.odrFor(ctx.db, q.respondent_key ?? null, q.platform ?? null)) ?? null;
  });
}
