/**
 * Turns an incoming ticket (TIF shape, from any channel) into the stored row: kind, Shanghai received date, rule set,
 * dispatch, initial deadlines, sealed personal data with keyed hashes and a masked display form. Pure apart from the
 * sealer's random IV.
 */
import { createHash } from 'node:crypto';
import { shanghaiDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { mask, type Sealer } from '../../../platform/crypto/index.js';
import { dispatch } from '../../dispatch/index.js';
import { intakeState, ruleSetFor, type NewTicketRow } from '../../workflow/index.js';
import { TICKET_KINDS, type TifTicket } from '../../../../shared/tif.js';
import { normaliseBusinessKey } from './business-key.js';
import { channelCode } from '../../../../shared/analysis-labels.js';

export const ticketIdFor = (source: string, sourceId: string) =>
  'T' + createHash('sha1').update(`${source}\0${sourceId}`).digest('hex').slice(0, 23);

const KIND_ALIASES: Record<string, string> = {
  投诉: 'complaint',
  举报: 'report',
  咨询: 'consultation',
  建议: 'suggestion',
  求助: 'help',
  意见建议: 'suggestion',
};

export function normaliseKind(k?: string): string {
  if (!k) return 'unknown';
  const s = k.trim().toLowerCase();
  if ((TICKET_KINDS as readonly string[]).includes(s)) return s;
  return KIND_ALIASES[k.trim()] ?? 'unknown';
}

/** Whether a complaint also carries a report (Art. 7: both parts are handled under their own procedures). */
export function hasReportPart(t: TifTicket): boolean {
  if (t.extra?.has_report_part === true) return true;
  const text = `${t.title ?? ''}${t.text ?? ''}`;
  if (!/(投诉|退款|退货|赔偿|调解|维修|换货)/.test(text)) return false;
  // an actual report of a violation — not the threat "否则向市场监管部门举报" that only backs a compensation demand
  const re =
    /((并|现|特此|同时|另外?|也|一并)(向[^，。]{0,12})?举报|举报(该|其|这家|此|涉事)|要求(依法|有关部门|贵局)?(查处|处罚|立案)|请(依法|贵局)?(查处|处罚|立案))/g;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (!/(否则|不然|要不|如不|若不)/.test(before)) return true;
  }
  return false;
}

export interface NormaliseDeps {
  sealer: Sealer;
  cal: WorkCalendar;
  source: string;
}

/**
 * The business pre-fill found in the text (text/index.ts), when the ticket names none. Pre-fill's address is not used:
 * its spans lose their context (「浦东」 out of 浦东河, 「北京市政路」 out of 北京市政路桥公司).
 */
export interface PrefillHints {
  business?: { value?: unknown };
}
const hint = (f?: { value?: unknown }) => (typeof f?.value === 'string' && f.value ? f.value : undefined);

export function normaliseTicket(
  t: TifTicket,
  deps: NormaliseDeps,
  kindOverride?: string,
  pf?: PrefillHints,
): NewTicketRow {
  const kind = kindOverride ?? normaliseKind(t.kind);
  const receivedDate = shanghaiDate(t.received_at);
  const receivedAt = /(Z|[+-]\d{2}:?\d{2})$/.test(t.received_at)
    ? t.received_at
    : t.received_at.length === 10
      ? `${t.received_at}T00:00:00+08:00`
      : `${t.received_at}+08:00`;
  const rules = ruleSetFor(receivedDate);
  const c = t.complainant ?? {};
  const hasPerson = !!(c.name || c.phone || c.id_number || c.address || c.id);
  const phone = c.phone ? deps.sealer.hash('phone', c.phone) : null;
  const idno = c.id_number ? deps.sealer.hash('idno', c.id_number) : null;
  // person key: the strongest identifier available (ID number, then phone, then the source's person id, then name+address)
  const personKey =
    idno ??
    phone ??
    (c.id
      ? deps.sealer.hash('person', `${deps.source}:${c.id}`)
      : c.name && c.address
        ? deps.sealer.hash('name', `${c.name}|${c.address}`)
        : null);
  const realName = !!(c.name && (c.phone || c.id_number));
  const r = t.respondent ?? {};
  const d = dispatch({
    kind,
    respondentAddress: r.address,
    respondentName: r.name ?? hint(pf?.business),
    respondentCreditCode: r.credit_code,
    platform: r.platform,
    location: t.location,
    text: `${t.title ?? ''} ${t.text ?? ''}`,
    ruleVersion: rules.version,
  });
  const s = intakeState(deps.cal, rules, kind, receivedDate, realName);
  const textLimit = 100_000; // a 1 MB paste is kept in extra.original_length, the first 100k chars are handled
  const body = t.text && t.text.length > textLimit ? t.text.slice(0, textLimit) : (t.text ?? null);
  return {
    id: ticketIdFor(deps.source, t.id),
    source: deps.source,
    source_id: t.id,
    kind,
    channel: t.channel ? channelCode(t.channel) : null,
    received_at: receivedAt,
    received_date: receivedDate,
    title: t.title?.slice(0, 500) ?? null,
    body,
    complainant_enc: hasPerson
      ? deps.sealer.seal({ name: c.name, phone: c.phone, id_number: c.id_number, address: c.address, id: c.id })
      : null,
    complainant_key: personKey,
    phone_hash: phone,
    idno_hash: idno,
    complainant_display: hasPerson ? { name: mask.name(c.name), phone: mask.phone(c.phone) } : null,
    real_name: realName,
    age_group: ageGroup(c.id_number, t.extra?.birth_year, receivedDate),
    respondent_name: r.name ?? null,
    respondent_key: r.name ? normaliseBusinessKey(r.name) : null,
    respondent_address: r.address ?? null,
    respondent_credit_code: r.credit_code ?? null,
    platform: r.platform ?? null,
    location: t.location ?? null,
    amount: typeof t.amount === 'number' && Number.isFinite(t.amount) ? t.amount : null,
    district_code: d.district_code,
    street_code: d.street_code,
    unit_id: d.unit_id,
    status: d.unit_id === 'triage' ? 'received' : s.status,
    rule_version: rules.version,
    due_date: s.due_date,
    due_kind: s.due_kind,
    deadlines: s.deadlines,
    labels: t.labels ?? null,
    category: t.labels?.goods_service ?? null,
    problem: t.labels?.problem ?? null,
    predicted: (t.predicted as Record<string, unknown> | undefined) ?? null,
    prefill: (t.prefill as Record<string, unknown> | undefined) ?? null,
    extra: { ...(t.extra ?? {}), ...(t.text && t.text.length > textLimit ? { original_length: t.text.length } : {}) },
    parent_id: null,
    duplicate_of: null,
    abnormal: false,
    event: {
      channel: t.channel ? channelCode(t.channel) : null,
      source: deps.source,
      dispatch: {
        unit_id: d.unit_id,
        basis: d.basis,
        confidence: d.confidence,
        ...(d.suggested_action ? { suggested_action: d.suggested_action, refer_to: d.refer_to } : {}),
        ...(d.unresolved ? { unresolved: d.unresolved } : {}),
      },
      rule_version: rules.version,
    },
  };
}

/** The report part of a mixed submission, as its own ticket linked to the complaint. */
export function splitReportPart(parent: NewTicketRow, deps: NormaliseDeps): NewTicketRow {
  const rules = ruleSetFor(parent.received_date);
  const s = intakeState(deps.cal, rules, 'report', parent.received_date, parent.real_name);
  return {
    ...parent,
    id: parent.id + 'R',
    source_id: parent.source_id + '#report',
    kind: 'report',
    status: s.status,
    due_date: s.due_date,
    due_kind: s.due_kind,
    deadlines: s.deadlines,
    parent_id: parent.id,
    title: parent.title ? `[举报部分] ${parent.title}` : '[举报部分]',
    event: {
      ...parent.event,
      split_from: parent.id,
      note: '同一诉求同时包含投诉和举报，举报部分依举报程序单独处理（第20号令第七条）',
    },
  };
}

/** 一老一小: the age band at the time of the ticket from an 18-digit ID number's birth date (or a given birth year). */
export function ageGroup(idNumber: string | undefined, birthYear: unknown, on: string): string | null {
  let y: number | null = null;
  const m = idNumber ? /^\d{6}(\d{4})\d{4}\d{3}[\dXx]$/.exec(idNumber.trim()) : null;
  if (m) y = Number(m[1]);
  else if (typeof birthYear === 'number') y = birthYear;
  if (!y || y < 1900) return null;
  const age = Number(on.slice(0, 4)) - y;
  if (age < 0 || age > 120) return null;
  if (age < 18) return '未成年';
  if (age < 35) return '18-34';
  if (age < 60) return '35-59';
  return '60岁以上';
}
