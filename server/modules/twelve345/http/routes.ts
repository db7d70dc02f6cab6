/** 12345 endpoints: transfers in (转办件), the centre's feedback (满意度), and the transfer panel of a ticket. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fileBody, type IntakeCtx } from '../../intake/index.js';
import { CATEGORIES_12345 } from '../../knowledge/index.js';
import { SATISFACTION_12345 } from '../domain/satisfaction.js';
import type { DeliveryConfig } from '../domain/delivery.js';
import { receiveTransfer, type TransferItem, type TransferOutcome } from '../commands/receive-transfers.js';
import { recordFeedback, type FeedbackInput } from '../commands/record-feedback.js';
import { transferPanel } from '../queries/transfer-panel.js';
import { can } from '../../access/index.js';

const transferItem = fileBody.extend({
  client_key: z.string().trim().min(1).max(100).describe('12345工单编号'),
  category_12345: z.enum(CATEGORIES_12345).optional(),
});
const feedbackBody = z.object({
  work_order_no: z.string().trim().min(1).max(100),
  feedback_id: z.string().trim().min(1).max(100).describe('回访记录编号（重复发送按此去重）'),
  satisfaction: z.enum(SATISFACTION_12345),
  comment: z.string().max(2000).optional(),
});

export function twelve345Routes(http: Http, ctx: IntakeCtx, cfg: DeliveryConfig) {
  http.post(
    '/api/12345/transfers',
    {
      config: { auth: can('12345.intake') },
      schema: {
        tags: ['12345'],
        summary: '12345 转办件接收（按工单号幂等；已答复后再次转办为重办）',
        body: z.object({ items: z.array(transferItem).min(1).max(500) }),
      },
    },
    async (req) => {
      const items = req.body.items;
      const out: TransferOutcome[] = [];
      for (const i of items) out.push(await receiveTransfer(ctx, req.actor!, i));
      return {
        received: out.length,
        created: out.filter((x) => x.created).length,
        reopened: out.filter((x) => x.reopened).length,
        items: out,
      };
    },
  );

  http.post(
    '/api/12345/feedback',
    {
      config: { auth: can('12345.intake') },
      schema: { tags: ['12345'], summary: '12345 回访满意度回传（按回访编号幂等）', body: feedbackBody },
    },
    async (req) => recordFeedback(ctx, req.actor!, req.body),
  );

  http.get(
    '/api/tickets/:id/12345',
    {
      config: { auth: can('ticket.12345.read') },
      schema: {
        tags: ['12345'],
        summary: '12345 转办件：时限、答复模板、送达状态、满意度',
        params: z.object({ id: z.string().min(1).max(64) }),
      },
    },
    async (req) => transferPanel(ctx, cfg, req.actor!, req.params.id),
  );
}
