/**
 * Ticket DTOs. Rows never leave the server as they are: personal data is masked unless the actor may see it, and an
 * enterprise never sees who reported (a complaint's contact details are given to it masked; reports are not shown).
 */
import { calendar } from '../../../platform/calendar/index.js';
import { mask, type Sealer } from '../../../platform/crypto/index.js';
import { clockOf } from '../domain/deadlines.js';
import type { TicketRow } from '../repository.js';
import { STATUS_LABELS, KIND_LABELS, type Status } from '../../../../shared/domain.js';

export interface Complainant { name?: string; phone?: string; id_number?: string; address?: string; id?: string }

export function openComplainant(sealer: Sealer, enc: string | null): Complainant | null {
  if (!enc) return null;
  try {
    return sealer.open<Complainant>(enc);
  } catch {
    return null;
  }
}

export function maskComplainant(c: Complainant | null): Complainant | null {
  if (!c) return null;
  return { name: mask.name(c.name), phone: mask.phone(c.phone), id_number: mask.idNumber(c.id_number), address: mask.address(c.address) };
}

export function presentListItem(t: TicketRow, today: string) {
  const clk = clockOf(calendar(), t.due_date, today);
  return {
    id: t.id, no: t.no, kind: t.kind, kind_label: KIND_LABELS[t.kind] ?? t.kind, channel: t.channel,
    received_at: t.received_at, title: t.title, excerpt: t.body, respondent_name: t.respondent_name, platform: t.platform,
    district_code: t.district_code, unit_id: t.unit_id, status: t.status, status_label: STATUS_LABELS[t.status as Status] ?? t.status,
    due_date: t.due_date, due_kind: t.due_kind, clock: clk.clock, workdays_left: clk.workdays_left, rule_version: t.rule_version,
    category: t.labels?.goods_service ?? (t.predicted as { goods_service?: { label: string } } | null)?.goods_service?.label ?? null,
    abnormal: t.abnormal, complainant: t.complainant_display, amount: t.amount, parent_id: t.parent_id, duplicate_of: t.duplicate_of,
  };
}

export function presentDetail(t: TicketRow, today: string, complainant: Complainant | null, opts: { revealed: boolean; hideComplainant: boolean }) {
  return {
    ...presentListItem(t, today),
    excerpt: undefined,
    body: t.body,
    received_date: t.received_date,
    complainant: opts.hideComplainant ? null : opts.revealed ? complainant : maskComplainant(complainant),
    personal_data: opts.hideComplainant ? 'hidden' : opts.revealed ? 'revealed' : 'masked',
    real_name: t.real_name,
    respondent: { name: t.respondent_name, address: t.respondent_address, credit_code: t.respondent_credit_code, platform: t.platform },
    location: t.location, street_code: t.street_code, deadlines: t.deadlines, suspended_since: t.suspended_since,
    outcome: t.outcome, legal_basis: t.legal_basis, odr_key: t.odr_key, satisfaction: t.satisfaction,
    labels: t.labels, predicted: t.predicted, prefill: t.prefill, extra: t.extra, closed_at: t.closed_at, version: t.version,
  };
}
