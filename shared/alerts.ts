/**
 * Early-warning alerts as GET /api/alerts and GET /api/alerts/:id send them (JSON: times as ISO strings). The alert
 * row's `detail` and `lifecycle` are JSON columns written by the detector and the review commands; these are the
 * fields they hold.
 */
export interface AlertFacts {
  /** the window where the surprise peaked: people against those expected */
  peak_window?: { start: string; end: string; complainants: number; expected: number };
  /** how rarely chance alone would give this, in subject-years */
  recurrence_subject_years?: number;
  detector?: string;
  baseline?: string;
  /** a topic's words that joined a business's or place's burst */
  keywords?: string[];
  /** raised within the day (a burst), not at the day's close */
  intraday?: boolean;
  /** found on a back-dated import: the past, not news */
  retrospective?: boolean;
  last_alert_at?: string;
}

export interface AlertHistoryItem {
  from: string;
  to: string;
  command: { type: string; by: string; at: string; note?: string; reason?: string; actions?: string[] };
}

export interface AlertItem {
  id: string;
  kind: string;
  subject_type: string;
  subject_key: string;
  /** the subject as a person says it (a business, a place, a topic's words, a category) */
  subject_label: string;
  window_start: string;
  window_end: string;
  detected_at: string;
  count: number;
  complainants: number;
  expected: number;
  score: number;
  recurrence_days: number | null;
  ticket_ids: string[];
  district_code: string | null;
  state: string;
  lifecycle: { state: string; history: AlertHistoryItem[] } | Record<string, never>;
  detail: AlertFacts;
  /** the review commands allowed in the alert's state */
  commands: string[];
}

export interface DetectorState {
  ready: boolean;
  replaying: boolean;
  tickets_seen: number;
  fed: number;
  alerts: number;
  open_day: string | null;
  cursor: { received_at: string; id: string } | null;
  lag_seconds: number | null;
  replays: number;
  backdated: number;
  held: number;
  last_replay_seconds: number | null;
  skippedLate: number;
}

export interface AlertListResponse {
  total: number;
  counts: Record<string, number>;
  detector: DetectorState;
  dismiss_reasons: Record<string, string>;
  handling_actions: Record<string, string>;
  /** ticket_ids cut to the first 20; evidence_count is the whole */
  items: (AlertItem & { evidence_count: number })[];
}

export interface AlertEvidence {
  id: string;
  no: string;
  received_at: string | Date;
  title: string | null;
  excerpt: string;
  respondent_name: string | null;
  status: string;
  /** the masked display form (name, phone …) */
  complainant: Record<string, unknown> | null;
  abnormal: boolean;
}

export interface AlertWithEvidence extends AlertItem {
  evidence: AlertEvidence[];
}
