/**
 * Rule sets are data (rules/*.json), versioned by the date a ticket was received: Order 20 until 2026-04-14,
 * Order 121 from 2026-04-15 (DOMAIN.md §1–2). Values marked `unsure` come from third-party reproductions and are
 * configuration a bureau can override, with the source noted in the file.
 */
import order20 from '../rules/order20.json' with { type: 'json' };
import order121 from '../rules/order121.json' with { type: 'json' };

export interface DeadlineRule {
  workdays?: number;
  /** calendar days (rolled forward to the next working day when the last day is a day off) */
  days?: number;
  article?: string;
  note?: string;
  unsure?: boolean;
}
export interface ReasonCode {
  code: string;
  article: string;
  text: string;
}
export interface RuleSet {
  version: string;
  name: string;
  short: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
  deadlines: Record<
    | 'accept'
    | 'mediation'
    | 'termination_notice'
    | 'report_verify'
    | 'report_verify_extension'
    | 'reporter_notice'
    | 'violation_lead'
    | 'odr_window'
    | 'consultation_answer'
    | 'follow_up',
    DeadlineRule
  >;
  decline_reasons: ReasonCode[];
  termination_reasons: ReasonCode[];
}

export const RULE_SETS: RuleSet[] = [order20 as RuleSet, order121 as RuleSet];

/** The rule set in force on the day a ticket was received (YYYY-MM-DD). */
export function ruleSetFor(receivedDate: string, sets: RuleSet[] = RULE_SETS): RuleSet {
  const found = sets.find(
    (r) => r.effective_from <= receivedDate && (r.effective_to === null || receivedDate <= r.effective_to),
  );
  if (found) return found;
  // before the first rule set: the oldest applies (history imports from 2019 and earlier)
  const sorted = [...sets].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  return receivedDate < sorted[0]!.effective_from ? sorted[0]! : sorted[sorted.length - 1]!;
}

export function ruleSetByVersion(version: string, sets: RuleSet[] = RULE_SETS): RuleSet {
  const r = sets.find((s) => s.version === version);
  if (!r) throw new Error(`unknown rule set ${version}`);
  return r;
}
