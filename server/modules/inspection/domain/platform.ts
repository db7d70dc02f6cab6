/**
 * What the unified regulatory platform (一体化监管平台) pushes back about a task it received from us: the on-site
 * result, the case decision (立案/不予立案) and the penalty decision (行政处罚决定). It acts as a named system actor,
 * always recognisable in the audit log and on the timelines.
 */
import type { Actor } from '../../access/index.js';

export const PLATFORM_ACTOR: Actor = {
  id: 'platform:unified',
  username: 'unified-platform',
  role: 'admin',
  displayName: '一体化监管平台',
  unitId: 'city',
  districtCode: null,
  enterpriseKey: null,
};

export const RESULT_KINDS = ['inspection.result', 'case.decision', 'case.penalty'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

interface Base {
  result_id: string;
  inspection_id: string;
}
export type PlatformResult =
  | (Base & {
      kind: 'inspection.result';
      findings: string;
      violation: boolean;
      checklist?: { item: string; done: boolean }[];
      inspector?: string;
    })
  | (Base & {
      kind: 'case.decision';
      decision: 'case_opened' | 'not_opened';
      reason?: string;
      decision_no?: string;
      note?: string;
    })
  | (Base & { kind: 'case.penalty'; decision_no: string; amount?: number; summary: string; decided_on?: string });
