/** The monitoring loop's list row and item detail as /api/monitoring returns them (seed 004). */
export interface Row {
  id: string;
  no: string;
  title: string;
  topic: string;
  body_name: string;
  state: string;
  state_label: string;
  due_date: string | null;
  overdue: boolean;
  issued_at: string;
  findings: number;
  tasks: number;
  tasks_done: number;
}
export interface Finding {
  ref?: number;
  platform: string;
  account?: string;
  url?: string;
  description: string;
  district_code?: string;
  district_name?: string | null;
}
export interface Detail {
  item: {
    id: string;
    no: string;
    title: string;
    topic: string;
    requirements: string;
    keywords: string[];
    body_name: string;
    due_date: string | null;
    state: string;
    state_label: string;
    findings_summary: string | null;
    findings: Finding[];
    summary: string | null;
  };
  links: { label: string; done: boolean }[];
  tasks: {
    district_code: string;
    district_name: string | null;
    instruction: string;
    due_date: string | null;
    state: string;
    state_label: string;
    handling: string | null;
    cases_opened: number | null;
    accounts_handled: number | null;
    handled_by: string | null;
    handled_at: string | null;
    overdue: boolean;
  }[];
  steps: {
    seq: number;
    at: string;
    action: string;
    action_label: string;
    actor_name: string;
    unit_name: string | null;
    payload: { note?: string };
  }[];
  actions: { action: string; label: string; district_code?: string; district_name?: string | null }[];
}
export type MonitoringAction = Detail['actions'][number];
