/** The early-warning engine's settings and their defaults; a caller overrides any of them (per type key by key). */
import type { SubjectType } from './subjects.js';

export interface WarningOptions {
  /** Scan windows in days (ending on the day being closed). */
  windows?: number[];
  /** Half-life in days of a subject's remembered history. */
  halfLifeDays?: number;
  /** Gamma prior shape for a subject's share (heterogeneity of subjects with no history). */
  priorShape?: number;
  /** Upper bound on the predictive NB shape: real complaint counts are over-dispersed even for big subjects. */
  maxShape?: number;
  /** Fewest distinct complainants that can make an alert, per subject type. */
  minComplainants?: Partial<Record<SubjectType, number>>;
  /**
   * Alert when chance alone would give such a signal for one subject less often than once in this many years, per
   * subject type.
   */
  minRecurrenceYears?: Partial<Record<SubjectType, number>>;
  /** Alerts on one subject fewer than this many days apart are one event. */
  mergeGapDays?: number;
  /** The same for category subjects, whose surges (a storm, a level shift) last weeks rather than days. */
  categoryMergeGapDays?: number;
  /** NB-CUSUM threshold (log-likelihood units) on category totals; 0 turns the CUSUM off. */
  cusumThreshold?: number;
  /** Complainant ids (TIF complainant.id) to leave out of the counts: people on the abnormal list. */
  abnormal?: Set<string>;
  /** Keywords chosen per ticket for topic subjects. */
  topicsPerTicket?: number;
  maxEvidence?: number;
  /**
   * Until a kind of subject has this many days of history, its baseline is only the population prior ("cold"):
   * alerts then need a recurrence interval `coldFactor` times longer.
   */
  warmupDays?: number;
  coldFactor?: number;
  /** During warm-up, topic and category alerts need this share of their tickets against one business. */
  coldConcentration?: number;
  /** Scan a business or place as soon as it gains a person today (not only at the day's close). */
  intraday?: boolean;
}

export const DEFAULT_OPTIONS: Required<Omit<WarningOptions, 'abnormal' | 'minComplainants' | 'minRecurrenceYears'>> & {
  minComplainants: Record<SubjectType, number>;
  minRecurrenceYears: Record<SubjectType, number>;
} = {
  windows: [1, 2, 3, 4, 5, 7, 10, 14],
  halfLifeDays: 120,
  priorShape: 0.5,
  maxShape: 10,
  minComplainants: { respondent: 5, location: 5, topic: 8, category: 10 },
  // A business alert is one an officer checks in one call, and a business's surge (an insurer's ×3 over three weeks)
  // builds slowly against its own drifting share: once in 20 years per business by chance finds 0.81 of such surges
  // within 21 days on the 741-insurer history at 74 alerts in four years (100 years: 0.68 at 65). Topics and places
  // keep 100: they are many more subjects, and a topic's words recur in waves (docs/BENCHMARKS.md, issue 10).
  minRecurrenceYears: { respondent: 20, location: 100, topic: 100, category: 100 },
  mergeGapDays: 7,
  categoryMergeGapDays: 28,
  cusumThreshold: 10,
  topicsPerTicket: 4,
  maxEvidence: 2000,
  warmupDays: 28,
  coldFactor: 10,
  coldConcentration: 0.6,
  intraday: true,
};

export type ResolvedOptions = typeof DEFAULT_OPTIONS;

/** The defaults with a caller's overrides; the per-type records merge key by key. */
export function resolveOptions(options: WarningOptions): ResolvedOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    minComplainants: { ...DEFAULT_OPTIONS.minComplainants, ...options.minComplainants },
    minRecurrenceYears: { ...DEFAULT_OPTIONS.minRecurrenceYears, ...options.minRecurrenceYears },
  } as ResolvedOptions;
}
