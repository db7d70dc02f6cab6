/**
 * Per-firm ODR statistics over a period of routing dates: volume, open, settled, 首次和解率, average days to settle,
 * amounts. `firstSettlementRates` is the one figure the public disclosure reads, per business id (enterprise key).
 */
import type { Queryable } from '../../../platform/db/index.js';
import { fail } from '../../../platform/errors/index.js';
import { firstSettlementRate, settlementRate } from '../domain/stats.js';
import { statsRepo, type FirmStatsRow } from '../repository/stats.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function period(p: { from: string; to: string }) {
  if (!DAY.test(p.from) || !DAY.test(p.to) || Number.isNaN(Date.parse(p.from)) || Number.isNaN(Date.parse(p.to)))
    return fail('invalid_input', { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates must be written YYYY-MM-DD.' });
  if (p.from > p.to)
    return fail('invalid_input', {
      zh: '开始日期不能晚于结束日期',
      en: 'The start date cannot be after the end date.',
    });
  return p;
}

const withRates = (r: FirmStatsRow) => ({
  ...r,
  first_settlement_rate: firstSettlementRate(r),
  settlement_rate: settlementRate(r),
});

/** Every firm (or the given ones) with complaints sent to it in [from, to] (inclusive, Asia/Shanghai dates). */
export async function firmStats(db: Queryable, p: { from: string; to: string; keys?: string[] }) {
  const { from, to } = period(p);
  const rows = await statsRepo.perFirm(db, { from, to, keys: p.keys ?? null });
  return { from, to, items: rows.map(withRates) };
}

/**
 * 首次和解率 per business id for [from, to]: of the complaints sent to the firm in the period and decided (settled or
 * handed back), the share settled at the first attempt; null where none was decided yet. Firms with no complaint
 * sent in the period are absent.
 */
export async function firstSettlementRates(
  db: Queryable,
  p: { from: string; to: string },
): Promise<Map<string, { rate: number | null; routed: number; decided: number; settled_first: number }>> {
  const { items } = await firmStats(db, p);
  return new Map(
    items.map((r) => [
      r.key,
      { rate: r.first_settlement_rate, routed: r.routed, decided: r.routed - r.open, settled_first: r.settled_first },
    ]),
  );
}
