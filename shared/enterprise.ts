/**
 * What GET /api/enterprise/me answers an ODR enterprise: itself, its own counts (the figures the public disclosure
 * shows about it), the year's ODR statistics and two derived rates. The handler is typed with it, so the portal reads
 * what the server sends.
 */
export interface EnterpriseCounts {
  total: number;
  open: number;
  settled: number;
  failed: number;
  mediated: number;
  last30: number;
  prev30: number;
}

export interface EnterpriseMe {
  enterprise: {
    key: string;
    name: string;
    credit_code: string | null;
    odr: boolean;
    odr_since: string | null;
    window_days: number | null;
    platform: string | null;
  } | null;
  stats: EnterpriseCounts | null;
  /** this year's row of the ODR statistics (firmStats), null when the firm had no ODR complaint */
  year: Record<string, unknown> | null;
  /** settled / (settled + failed), null before the first decision */
  first_settlement_rate: number | null;
  /** last 30 days against the 30 before, null when there were none before */
  growth: number | null;
  via_api_key: boolean;
}
