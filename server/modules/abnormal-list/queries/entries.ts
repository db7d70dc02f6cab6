/**
 * Reading the list: masked by default; identifiers in clear only for the roles the listing rules allow, with a
 * stated purpose, and every such view audited. Partners get the Yueyang-guidance record, masked, purpose logged.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { areaInScope, holds, scopeOf, type Actor } from '../../access/index.js';
import {
  allowedActions,
  effectsOf,
  exportRecord,
  handlingOf,
  simplifiedSuggestion,
  LIST_STATE_LABELS,
  type ListEntry,
  type ListState,
} from '../../risk/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { abnormalRepo, type EntryRow } from '../repository.js';
import { readableCriterion } from '../domain/readable.js';
import { countProceedings, PROCEEDING_LABELS, type ProceedingKind } from '../domain/proceedings.js';
import type { PartnerListResponse, PartnerListRow } from '../../../../shared/partner.js';
import type { AbnormalEntry, AbnormalEntryDetail, AbnormalListResponse } from '../../../../shared/abnormal.js';

/** The district a reader is limited to (catalog `abnormal.list.read`: a district bureau its own), null for the city. */
const scopeDistrict = (a: Actor): string | null => {
  const s = scopeOf(a, 'abnormal.list.read');
  return 'district' in s ? s.district : null;
};
/** Steps this actor may take on this entry now: the catalog's role and scope, then the due-process state machine. */
const entryActions = (e: ListEntry, r: EntryRow, a: Actor) =>
  areaInScope(scopeOf(a, 'abnormal.act'), r.district_code) ? allowedActions(e, a.role) : [];

function present(r: EntryRow, a: Actor): AbnormalEntry {
  const e = r.entry as unknown as ListEntry;
  return {
    id: r.id,
    state: r.state,
    state_label: LIST_STATE_LABELS[r.state as ListState] ?? r.state,
    score: r.score,
    criteria: r.criteria,
    display: r.display,
    district_code: r.district_code,
    tickets: r.ticket_ids.length,
    legal_basis: e.legal_basis ?? null,
    decided_at: e.decided_at ?? null,
    notified_at: e.notified_at ?? null,
    expires_at: r.expires_at,
    proposed_at: e.proposed_at,
    actions: entryActions(e, r, a),
    allowed_actions: entryActions(e, r, a),
  };
}

export async function listEntries(ctx: Ctx, a: Actor, f: { state?: string; limit?: number; offset?: number }) {
  const r = await abnormalRepo.list(ctx.db, {
    state: f.state,
    district: scopeDistrict(a),
    limit: f.limit ?? 50,
    offset: f.offset ?? 0,
  });
  return {
    total: r.total,
    counts: Object.fromEntries(r.counts.map((c) => [c.state, c.n])),
    can_unmask: holds(a, 'abnormal.list.unmask'),
    items: r.rows.map((x) => present(x, a)),
  } satisfies AbnormalListResponse;
}

export async function getEntry(ctx: Ctx, a: Actor, id: string, o: { reveal?: boolean; purpose?: string } = {}) {
  const r = await abnormalRepo.get(ctx.db, id);
  if (!r || (scopeDistrict(a) && r.district_code && r.district_code !== scopeDistrict(a)))
    return fail('not_found', { zh: '名录条目不存在', en: 'No such list entry.' });
  const reveal = o.reveal === true;
  if (reveal && !holds(a, 'abnormal.list.unmask'))
    return fail('forbidden', { zh: '该角色不能查看明文身份信息', en: 'This role may not see identities in clear.' });
  if (reveal && !o.purpose?.trim())
    return fail('invalid_input', {
      zh: '查看明文须说明用途 (purpose required)',
      en: 'Seeing identities in clear needs a stated purpose.',
    });
  const tickets = await abnormalRepo.personTickets(ctx.db, r.person_key, 200);
  let person: Record<string, string | undefined> | null = null;
  if (reveal) {
    const enc = tickets.find((t) => t.complainant_enc)?.complainant_enc;
    person = enc ? ctx.sealer.open(enc) : null;
    await audit(ctx.db, {
      actorId: a.id,
      actorRole: a.role,
      unitId: a.unitId,
      action: 'personal_data.view',
      subjectType: 'abnormal',
      subjectId: id,
      purpose: o.purpose ?? null,
    });
  }
  const e = r.entry as unknown as ListEntry;
  // evidence cites tickets by the number clerks and the person know (XZ…), not by the internal id
  const noOf = new Map(tickets.map((t) => [t.id, t.no]));
  const shown = present(r, a);
  const proceedings = (await abnormalRepo.personsProceedings(ctx.db, [r.person_key])).map((p) => ({
    ticket_no: p.no,
    kind: p.kind,
    kind_label: PROCEEDING_LABELS[p.kind as ProceedingKind] ?? p.kind,
    filed_on: p.filed_on,
    result: p.result,
  }));
  return {
    proceedings,
    ...shown,
    criteria: shown.criteria.map((c) => readableCriterion(c, noOf)),
    person,
    personal_data: reveal ? 'revealed' : 'masked',
    history: e.history.map((h) => ({ ...h, actor: { role: h.actor.role } })),
    ticket_list: tickets.map((t) => ({
      id: t.id,
      no: t.no,
      kind: t.kind,
      received_at: t.received_at,
      title: t.title,
      excerpt: t.body,
      respondent_name: t.respondent_name,
      status: t.status,
      outcome: t.outcome,
      category: t.labels?.goods_service ?? null,
    })),
  } satisfies AbnormalEntryDetail;
}

/** The complainant risk panel of a ticket: the person's list entry (if any) and how this ticket is to be handled. */
export async function riskOfTicket(
  ctx: Ctx,
  a: Actor,
  ticketId: string,
  canRead: (t: NonNullable<Awaited<ReturnType<typeof ticketRepo.get>>>) => boolean,
) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canRead(t))
    return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
  if (!t.complainant_key)
    return { entry: null, handling: handlingOf(t.kind, effectsOf(null, ctx.today())), history: { tickets: 0 } };
  const e = await abnormalRepo.latestForPerson(ctx.db, t.complainant_key);
  const mine = await abnormalRepo.personTickets(ctx.db, t.complainant_key, 500);
  const effects = effectsOf(e ? (e.entry as unknown as ListEntry) : null, ctx.today());
  // evidence cites tickets by number (XZ…), as on the list screen
  const noOf = new Map(mine.map((x) => [x.id, x.no]));
  const shown = e ? present(e, a) : null;
  return {
    entry: shown ? { ...shown, criteria: shown.criteria.map((c) => readableCriterion(c, noOf)) } : null,
    effects,
    handling: handlingOf(t.kind, effects),
    suggestion: simplifiedSuggestion(t.kind, t.status, effects),
    history: {
      tickets: mine.length,
      complaints: mine.filter((x) => x.kind === 'complaint').length,
      reports: mine.filter((x) => x.kind === 'report').length,
      businesses: new Set(mine.map((x) => x.respondent_name).filter(Boolean)).size,
      first: mine[mine.length - 1]?.received_at ?? null,
    },
  };
}

/** The list as shared with partner departments (Yueyang-guidance fields), masked unless an allowed role asks. */
export async function shareList(
  ctx: Ctx,
  a: Actor,
  o: { purpose: string; unmasked?: boolean },
): Promise<PartnerListResponse> {
  if (!o.purpose?.trim())
    return fail('invalid_input', { zh: '共享须说明用途 (purpose required)', en: 'Sharing needs a stated purpose.' });
  if (o.unmasked && !holds(a, 'abnormal.list.unmask'))
    return fail('forbidden', { zh: '该角色只能获取脱敏名录', en: 'This role may only fetch the masked list.' });
  const r = await abnormalRepo.list(ctx.db, {
    states: ['listed', 'notified', 'appealed', 'corrected'],
    district: scopeDistrict(a),
    limit: 10_000,
    offset: 0,
  });
  const out: PartnerListRow[] = [];
  // the list fields 政府信息公开申请数量、复议或者诉讼数量、向纪检监察部门举报数量 count the recorded 关联程序
  const procs = new Map<string, string[]>();
  for (const p of await abnormalRepo.personsProceedings(
    ctx.db,
    r.rows.map((x) => x.person_key),
  ))
    procs.set(p.person_key, [...(procs.get(p.person_key) ?? []), p.kind]);
  for (const row of r.rows) {
    const pc = countProceedings(procs.get(row.person_key) ?? []);
    const tickets = await abnormalRepo.personTickets(ctx.db, row.person_key, 1000);
    const enc = tickets.find((t) => t.complainant_enc)?.complainant_enc;
    const person = enc
      ? ctx.sealer.open<{ name?: string; phone?: string; id_number?: string; address?: string }>(enc)
      : {};
    const cats = new Map<string, number>();
    for (const t of tickets)
      if (t.labels?.goods_service) cats.set(t.labels.goods_service, (cats.get(t.labels.goods_service) ?? 0) + 1);
    const e = row.entry as unknown as ListEntry;
    const keys = [...new Set(tickets.flatMap((t) => t.keys))];
    out.push({
      ...exportRecord(
        person,
        {
          complaints: tickets.filter((t) => t.kind !== 'report').length,
          reports: tickets.filter((t) => t.kind === 'report').length,
          disclosure: pc.disclosure,
          reviews_lawsuits: pc.reviews + pc.lawsuits,
          discipline: pc.discipline,
          issues: row.criteria.map((c) => c.label),
          categories: [...cats.entries()].sort((x, y) => y[1] - x[1]).map(([k]) => k),
        },
        e,
        { role: a.role, unmasked: o.unmasked === true },
      ),
      id: String(row.id),
      sharing_keys: keys,
    });
  }
  await audit(ctx.db, {
    actorId: a.id,
    actorRole: a.role,
    unitId: a.unitId,
    action: 'abnormal.share',
    subjectType: 'abnormal',
    subjectIds: r.rows.map((row) => String(row.id)),
    purpose: o.purpose,
    detail: { entries: out.length, unmasked: o.unmasked === true },
  });
  return { purpose: o.purpose, count: out.length, entries: out };
}
