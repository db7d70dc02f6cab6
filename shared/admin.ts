/** Administration vocabulary shared by the server's rules and the admin screens: unit kinds and which role sits where. */
import type { Role } from './domain.js';

export type UnitKind = 'city' | 'district' | 'station' | 'triage';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  city: '市局',
  district: '区局',
  station: '市场监管所',
  triage: '分派中心',
};
/** The unit kinds' English names (the web's English locale). */
export const UNIT_KIND_LABELS_EN: Record<UnitKind, string> = {
  city: 'City bureau',
  district: 'District bureau',
  station: 'Market supervision station',
  triage: 'Triage centre',
};

/** The kinds of unit a role works in (null: the role belongs to no unit). */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[] | null> = {
  officer: ['station'],
  supervisor: ['district'],
  analyst: ['city'],
  operator: ['city', 'triage'],
  admin: ['city'],
  enterprise: null,
  partner: null,
  // a third-party monitoring body is no unit of the bureau
  monitor: null,
  public: null,
};
