/**
 * One ticket behind a cockpit or cube cell, as GET /api/analytics/tickets sends it (JSON: times as ISO strings):
 * redacted (the complainant only as its display form), the body cut to an excerpt — the columns analyticsRepo.drill
 * selects.
 */
export interface DrillRow {
  id: string;
  no: string;
  kind: string;
  channel: string;
  received_at: string;
  title: string | null;
  excerpt: string | null;
  respondent_name: string | null;
  platform: string | null;
  district_code: string | null;
  unit_id: string | null;
  status: string;
  outcome: string | null;
  due_date: string | null;
  abnormal: boolean;
  complainant: string | null;
  category: string | null;
  problem: string | null;
}
