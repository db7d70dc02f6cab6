/**
 * The shareable record of the 投诉举报异常名录 with the fields of the Yueyang guidance (岳市监〔2024〕16号 四):
 * 姓名、身份证号、联系电话、联系地址、投诉举报数量、政府信息公开申请数量、复议或者诉讼数量、向纪检监察部门举报数量、
 * 主要反映问题、涉及领域或商品服务类别. Masked by default; only the roles holding `abnormal.list.unmask` in the permission catalog get clear values (the API logs
 * every access with its purpose). Other districts' lists are matched on keyed hashes only.
 */
import type { Role } from '../../../../shared/domain.js';
import type { PartnerListEntry } from '../../../../shared/partner.js';
import { roleHolds } from '../../../../shared/permissions.js';
import type { Hasher } from './identity.js';
import { normIdNumber, normPhone } from './identity.js';
import { proceedingCounts, type PersonState } from './state.js';

export interface ListPersonData {
  name?: string;
  id_number?: string;
  phone?: string;
  address?: string;
}

/** The shared record: one typed shape for server and web (shared/partner.ts). */
export type ListExportRecord = PartnerListEntry;

export interface ListCounts {
  complaints: number;
  reports: number;
  disclosure: number;
  reviews_lawsuits: number;
  discipline: number;
  issues: string[];
  categories: string[];
}

/** Whether a role may see a listed person's identifiers in clear: the catalog's `abnormal.list.unmask`. */
export const canSeeUnmasked = (role: Role): boolean => roleHolds(role, 'abnormal.list.unmask');

export function maskName(s: string | undefined): string {
  if (!s) return '';
  const cs = [...s];
  return cs.length <= 1 ? '*' : cs[0] + '*'.repeat(cs.length - 1);
}
export function maskIdNumber(s: string | undefined): string {
  if (!s) return '';
  const t = s.trim();
  return t.length < 8 ? '*'.repeat(t.length) : t.slice(0, 3) + '*'.repeat(t.length - 7) + t.slice(-4);
}
export function maskPhone(s: string | undefined): string {
  if (!s) return '';
  const d = s.replace(/\s/g, '');
  return d.length < 7 ? '*'.repeat(d.length) : d.slice(0, 3) + '*'.repeat(d.length - 7) + d.slice(-4);
}
/** Keeps the district-level prefix (up to 区/县/镇/街道, at most 9 characters), hides the rest. */
export function maskAddress(s: string | undefined): string {
  if (!s) return '';
  const m = /^.{0,9}?(区|县|镇|街道|乡)/.exec(s);
  const keep = m ? m[0] : [...s].slice(0, 3).join('');
  return keep + '****';
}

export function exportRecord(
  person: ListPersonData,
  counts: ListCounts,
  listing: { legal_basis?: string; decided_at?: string; expires_at?: string },
  viewer: { role: Role; unmasked?: boolean } = { role: 'partner' },
): ListExportRecord {
  const clear = viewer.unmasked === true && canSeeUnmasked(viewer.role);
  return {
    name: clear ? (person.name ?? '') : maskName(person.name),
    id_number: clear ? (person.id_number ?? '') : maskIdNumber(person.id_number),
    phone: clear ? (person.phone ?? '') : maskPhone(person.phone),
    address: clear ? (person.address ?? '') : maskAddress(person.address),
    complaints: counts.complaints,
    reports: counts.reports,
    disclosure_requests: counts.disclosure,
    reviews_lawsuits: counts.reviews_lawsuits,
    discipline_reports: counts.discipline,
    issues: counts.issues.slice(0, 5),
    categories: counts.categories.slice(0, 5),
    legal_basis: listing.legal_basis ?? '',
    listed_on: (listing.decided_at ?? '').slice(0, 10),
    expires_on: (listing.expires_at ?? '').slice(0, 10),
    masked: !clear,
  };
}

/** Keys under which a list entry is shared between districts: keyed hashes of ID number and phone, never values. */
export function sharingKeys(person: ListPersonData, hash: Hasher): string[] {
  const out: string[] = [];
  const idn = normIdNumber(person.id_number);
  const ph = normPhone(person.phone);
  if (idn) out.push('id_number:' + hash('idn', idn));
  if (ph) out.push('phone:' + hash('phone', ph));
  return out;
}

/** Matches another district's entries (hash keys only) against local persons' keys; returns local ids per entry. */
export function matchImported(
  imported: { entry_id: string; keys: string[] }[],
  local: Map<string, string[]>,
): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [person, keys] of local)
    for (const k of keys) {
      const l = byKey.get(k);
      if (l) l.push(person);
      else byKey.set(k, [person]);
    }
  const out = new Map<string, string[]>();
  for (const e of imported) {
    const hits = new Set<string>();
    for (const k of e.keys) for (const p of byKey.get(k) ?? []) hits.add(p);
    if (hits.size) out.set(e.entry_id, [...hits]);
  }
  return out;
}

/** The counts and main issues of the export record, from a person's aggregates. */
export function listCountsOf(ps: PersonState): ListCounts {
  const top = (m: Map<string, number>): string[] => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const issues = new Map<string, number>();
  for (const [k, n] of ps.bySameKey) {
    const p = k.split('|')[1]!;
    issues.set(p, (issues.get(p) ?? 0) + n);
  }
  const cats = new Map([...ps.byCategory].filter(([k]) => k !== 'unknown'));
  const pc = proceedingCounts(ps);
  return {
    complaints: ps.tickets.filter((t) => t.kind !== 'report').length,
    reports: ps.tickets.filter((t) => t.kind === 'report').length,
    disclosure: pc.disclosure,
    reviews_lawsuits: pc.reviews + pc.lawsuits,
    discipline: pc.discipline,
    issues: top(issues),
    categories: top(cats),
  };
}
