/** Early-warning alerts for the units concerned: list, detail with evidence, review. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { ticketRepo } from '../../workflow/index.js';
import {
  DISMISS_REASON_LABELS,
  HANDLING_ACTION_LABELS,
  allowedCommands,
  type AlertState,
} from '../../early-warning/index.js';
import { alertRepo } from '../repository.js';
import { canSeeAlert, reviewAlert, type ReviewInput } from '../commands/review-alert.js';
import type { WarningService } from '../warning-service.js';
import { can, scopeOf } from '../../access/index.js';
import type { AlertListResponse, AlertWithEvidence } from '../../../../shared/alerts.js';

export function alertRoutes(http: Http, ctx: Ctx, service: Pick<WarningService, 'state'>) {
  http.get(
    '/api/alerts',
    {
      config: { auth: can('alerts.read') },
      schema: {
        tags: ['alerts'],
        summary: '预警列表（群体纠纷、集中诉求）',
        querystring: z.object({
          state: z.enum(['new', 'confirmed', 'dismissed', 'handled']).optional(),
          kind: z.enum(['group_dispute', 'concentrated_demand']).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const scope = scopeOf(req.actor!, 'alerts.read');
      const district = 'district' in scope ? scope.district : null;
      const r = await alertRepo.list(ctx.db, {
        district,
        state: q.state,
        kind: q.kind,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      const counts = Object.fromEntries((await alertRepo.counts(ctx.db, district)).map((c) => [c.state, c.n]));
      return {
        total: r.total,
        counts,
        detector: service.state(),
        dismiss_reasons: DISMISS_REASON_LABELS,
        handling_actions: HANDLING_ACTION_LABELS,
        items: r.rows.map((a) => ({
          ...a,
          evidence_count: a.ticket_ids.length,
          ticket_ids: a.ticket_ids.slice(0, 20),
          commands: allowedCommands(a.state as AlertState),
        })),
      } satisfies AlertListResponse;
    },
  );

  http.get(
    '/api/alerts/:id',
    {
      config: { auth: can('alerts.read') },
      schema: { tags: ['alerts'], summary: '预警详情与证据工单', params: z.object({ id: z.string().max(40) }) },
    },
    async (req) => {
      const a = await alertRepo.get(ctx.db, req.params.id);
      if (!a || !canSeeAlert(req.actor!, a.district_code))
        return fail('not_found', { zh: '预警不存在或无权访问', en: 'No such alert, or not visible to you.' });
      const tickets = await ticketRepo.getMany(ctx.db, a.ticket_ids.slice(0, 200));
      return {
        ...a,
        commands: allowedCommands(a.state as AlertState),
        evidence: tickets
          .map((t) => ({
            id: t.id,
            no: t.no,
            received_at: t.received_at,
            title: t.title,
            excerpt: (t.body ?? '').slice(0, 120),
            respondent_name: t.respondent_name,
            status: t.status,
            complainant: t.complainant_display,
            abnormal: t.abnormal,
          }))
          .sort((x, y) => String(x.received_at).localeCompare(String(y.received_at))),
      } satisfies AlertWithEvidence;
    },
  );

  http.post(
    '/api/alerts/:id/review',
    {
      config: { auth: can('alerts.review') },
      schema: {
        tags: ['alerts'],
        summary: '研判预警：确认、排除（须说明理由）、处置、重新打开',
        params: z.object({ id: z.string().max(40) }),
        body: z.object({
          command: z.enum(['confirm', 'dismiss', 'handle', 'reopen']),
          reason: z.string().max(40).optional(),
          actions: z.array(z.string().max(40)).max(10).optional(),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (req) => {
      return reviewAlert(ctx, req.actor!, req.params.id, req.body);
    },
  );
}
