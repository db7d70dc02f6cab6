/**
 * Zod pieces shared by route schemas for input the edge must refuse with a 400 and a reason, never pass on to a
 * query that fails with a 500.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../../shared/dates.js';

/** A real calendar day 'YYYY-MM-DD' (a regex alone lets 2026-13-45 through to the database). */
export const isoDate = z
  .string()
  .max(10)
  .refine(isCalendarDate, { message: '日期无效：应为真实存在的日期 YYYY-MM-DD (invalid date)' });

export { cleanInput } from '../../../shared/controls.js';
