import { z } from 'zod';
import { ACTIONS } from '../domain/actions.js';

export const queueQuery = z.object({
  status: z.string().optional().describe('comma-separated statuses'),
  kind: z.string().optional(),
  q: z.string().max(100).optional(),
  clock: z.enum(['red', 'amber']).optional(),
  open: z.enum(['true', 'false']).optional(),
  district: z.string().optional(),
  unit: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const actionBody = z.object({
  action: z.enum(ACTIONS),
  reason: z.string().max(20).optional(),
  note: z.string().max(5000).optional(),
  record_only: z.boolean().optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  odr_key: z.string().max(200).optional(),
  consent: z.boolean().optional(),
  duplicate_of: z.string().max(64).optional(),
  /** reply_12345: the template key and the (edited) reply text */
  template: z.string().max(100).optional(),
  text: z.string().max(10_000).optional(),
});

export const transferBody = z.object({ to_unit: z.string().min(1).max(20), reason: z.string().min(1).max(500) });
export const idParams = z.object({ id: z.string().min(1).max(64) });
