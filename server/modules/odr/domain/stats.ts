/**
 * 首次和解率 (first-settlement rate): of the complaints a firm has decided (settled or handed back), the share it
 * settled at the first attempt, before any hand-back to administrative mediation. Complaints still open in the
 * window are not decided and do not count either way, so a firm is not rewarded for sitting on them until they expire
 * (the expiry is a hand-back, odr_fail).
 */
export interface RateInput {
  settled_first: number;
  settled: number;
  declined: number;
  open: number;
  routed: number;
}

export function firstSettlementRate(s: RateInput): number | null {
  // a ticket settled after a hand-back is decided too: it counts in the base, not in the first-attempt share
  const decided = s.routed - s.open;
  return decided > 0 ? round4(s.settled_first / decided) : null;
}

export function settlementRate(s: RateInput): number | null {
  const decided = s.routed - s.open;
  return decided > 0 ? round4(s.settled / decided) : null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
