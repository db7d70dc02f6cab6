/**
 * Ticket Interchange Format v1 (../shared/formats/TIF.md): the one shape every batch tool reads and writes.
 * Browser-safe: no Node imports here.
 */
export const TICKET_KINDS = ['complaint', 'report', 'consultation', 'suggestion', 'help', 'unknown'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export interface TifPerson {
  id?: string;
  name?: string;
  phone?: string;
  id_number?: string;
  address?: string;
}

export interface TifRespondent {
  name?: string;
  address?: string;
  credit_code?: string;
  platform?: string;
}

export interface TifTicket {
  id: string;
  kind?: TicketKind | string;
  received_at: string;
  channel?: string;
  title?: string;
  text?: string;
  complainant?: TifPerson;
  respondent?: TifRespondent;
  location?: string;
  amount?: number;
  labels?: Record<string, string>;
  extra?: Record<string, unknown>;
  /** added by `xiezhi classify` */
  predicted?: { label: string; confidence: number; [k: string]: unknown };
  /** added by `xiezhi prefill` */
  prefill?: Record<string, unknown>;
}

export const TIF_FIELDS = new Set([
  'id',
  'kind',
  'received_at',
  'channel',
  'title',
  'text',
  'complainant',
  'respondent',
  'location',
  'amount',
  'labels',
  'extra',
  'predicted',
  'prefill',
]);

/** Mining report (TIF.md "Output of mine"). */
export interface MineAlert {
  kind: 'group_dispute' | 'concentrated_demand';
  subject: { type: 'respondent' | 'topic' | 'location' | 'category'; key: string; label: string };
  window_start: string;
  window_end: string;
  detected_at: string;
  count: number;
  complainants: number;
  expected: number;
  score: number;
  ticket_ids: string[];
  [k: string]: unknown;
}
export interface MineTemplate {
  cluster_id: string;
  size: number;
  complainants: number;
  exemplar: string;
  ticket_ids: string[];
}
export interface MineCriterion {
  code: string;
  label: string;
  evidence: string;
  /** the same evidence in English (absent on entries stored before it was written) */
  evidence_en?: string;
  /** how strongly it fired, 0–1 (from the evidence's counts and shares) */
  strength?: number;
  /** its share of the score in log-odds: the criterion's weight × strength (the score is σ(bias + Σ points)) */
  points?: number;
}
export interface MinePerson {
  complainant_id: string;
  score: number;
  criteria: MineCriterion[];
  ticket_ids: string[];
}
export interface MineReport {
  input: { tickets: number; rejected: number; from: string; to: string };
  alerts: MineAlert[];
  templates: MineTemplate[];
  persons: MinePerson[];
}

/** Ground truth written by `simulate --truth`. */
export interface SimTruth {
  persons: {
    complainant_id: string;
    role: 'professional' | 'colluding' | 'honest_heavy' | 'ordinary';
    group: string | null;
  }[];
  alerts: {
    kind: 'group_dispute' | 'concentrated_demand';
    subject_key: string;
    start: string;
    end: string;
    ticket_ids: string[];
  }[];
  templates: { template_id: string; ticket_ids: string[] }[];
}
