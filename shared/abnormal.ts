/**
 * The abnormal list (异常名录) as GET /api/abnormal and GET /api/abnormal/:id send it (JSON: times as ISO strings).
 * server/modules/abnormal-list/queries/entries.ts builds these with `satisfies`, the list screen reads them.
 */
export interface AbnormalCriterion {
  code: string;
  label: string;
  /** readable evidence: ticket numbers and dates (never internal ids) */
  evidence: string;
  /** the same evidence in English, built from the same facts; absent on entries stored before it was written */
  evidence_en?: string;
  /** the criterion's share of the score (weight × strength), where the model scored it */
  points?: number;
}

export interface AbnormalEntry {
  id: string;
  state: string;
  state_label: string;
  score: number;
  criteria: AbnormalCriterion[];
  /** the masked identity (name, phone …) as shown to every reader */
  display: Record<string, string> | null;
  district_code: string | null;
  /** how many of the person's tickets the entry rests on */
  tickets: number;
  legal_basis: string | null;
  decided_at: string | null;
  notified_at: string | null;
  expires_at: string | null;
  proposed_at: string;
  /** the due-process steps this reader may take now */
  allowed_actions: string[];
  /** the same list, under its older name */
  actions: string[];
}

export interface AbnormalListResponse {
  total: number;
  counts: Record<string, number>;
  can_unmask: boolean;
  items: AbnormalEntry[];
}

export interface AbnormalEntryDetail extends AbnormalEntry {
  proceedings: { ticket_no: string; kind: string; kind_label: string; filed_on: string; result: string | null }[];
  /** the identity in clear: only when asked for with a purpose by a role that may (audited), else null */
  person: Record<string, string | undefined> | null;
  personal_data: 'revealed' | 'masked';
  history: { at: string; action: string; from: string | null; to: string; note?: string; actor: { role: string } }[];
  ticket_list: {
    id: string;
    no: string;
    kind: string;
    received_at: string | Date;
    title: string | null;
    excerpt: string | null;
    respondent_name: string | null;
    status: string;
    outcome: string | null;
    category: string | null;
  }[];
}
