/** Disclosure correction requests: filed by a business on the public page, read by the administrator. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import type { Ctx } from '../../workflow/index.js';
import { fileCorrection, type CorrectionInput } from '../commands/file-correction.js';
import { listCorrections } from '../queries/list-corrections.js';
import { can } from '../../access/index.js';

export function disclosureRoutes(http: Http, ctx: Ctx) {
  http.post(
    '/api/public/disclosure/corrections',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: '经营者对公示信息提出更正申请',
        body: z.object({
          business: z.string().trim().min(2).max(100),
          credit_code: z.string().trim().max(30).optional(),
          reason: z.string().trim().min(5).max(2000),
          contact: z.string().trim().min(3).max(100),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await fileCorrection(ctx, req.body)),
  );
  http.get(
    '/api/admin/disclosure/corrections',
    { config: { auth: can('admin.exchange') }, schema: { tags: ['admin'], summary: '公示更正申请（联系方式已脱敏）' } },
    async () => listCorrections(ctx),
  );
}
