/**
 * Batch intake: normalise, enrich (pre-fill/classification when a text engine is wired), redact and seal the free text,
 * split report parts, link
 * repeats of a ticket already filed by the same person, and store — idempotently: a ticket whose source id is already
 * stored is skipped, so a retried import never creates duplicates.
 */
import { audit, type AuditEntry } from '../../../platform/audit/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo, type Ctx, type NewTicketRow } from '../../workflow/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import { hasReportPart, normaliseTicket, splitReportPart, ticketIdFor } from '../domain/normalise.js';
import { repeatKey } from '../domain/repeat.js';
import { protectText } from '../domain/protect-text.js';
import { findDuplicate } from '../../text/index.js';
import { applyHandling, parseHandling } from '../domain/handling.js';

export interface Enrichment {
  kind?: string;
  predicted?: Record<string, unknown>;
  prefill?: Record<string, unknown>;
}
export interface IntakeCtx extends Ctx {
  /** optional text engine: kind for unlabelled tickets, category predictions, pre-fill */
  enrich?: (t: TifTicket) => Enrichment;
  /** persons (keys) among these whose abnormal-list entry is in force: their tickets are flagged at intake */
  listedAmong?: (personKeys: string[]) => Promise<Set<string>>;
}

export interface IngestResult {
  imported: number;
  skipped: number;
  ids: string[];
  split: number;
  duplicates: number;
}

export async function ingestTickets(
  ctx: IntakeCtx,
  tickets: TifTicket[],
  o: { source: string; actor: Actor },
): Promise<IngestResult> {
  const { rows, decided, skippedInBatch } = prepareRows(ctx, tickets, o.source);
  const {
    fresh,
    inserted: ids,
    duplicates,
  } = await storeRows(ctx, rows, decided, {
    repeatPersons: 50,
    audits: (stored) => [
      {
        actorId: o.actor.id,
        actorRole: o.actor.role,
        unitId: o.actor.unitId,
        action: 'ticket.import',
        subjectType: 'batch',
        subjectId: o.source,
        detail: { count: stored.length },
      },
    ],
  });
  const stored = new Set(ids);
  const parents = fresh.filter((r) => stored.has(r.id) && !r.parent_id).length;
  return {
    imported: parents,
    skipped: skippedInBatch + rows.filter((r) => !r.parent_id).length - parents,
    ids,
    split: fresh.filter((r) => stored.has(r.id) && r.parent_id).length,
    duplicates,
  };
}

export interface PreparedRows {
  rows: NewTicketRow[];
  /** rows whose handling travelled with them (a re-imported export): not checked for repeats */
  decided: Set<string>;
  /** tickets whose id came twice in the input (the first one counts) */
  skippedInBatch: number;
}

/**
 * Tickets to rows, in memory: normalise, enrich, redact and seal, split report parts. Throws on a ticket it cannot
 * turn into a row (before anything is written).
 */
export function prepareRows(ctx: IntakeCtx, tickets: TifTicket[], source: string): PreparedRows {
  const cal = ctx.cal();
  const deps = { sealer: ctx.sealer, cal, source };
  const seen = new Set<string>();
  const rows: NewTicketRow[] = [];
  let skippedInBatch = 0;
  const decided = new Set<string>();
  for (const t of tickets) {
    const id = ticketIdFor(source, t.id);
    if (seen.has(id)) {
      skippedInBatch++;
      continue;
    }
    seen.add(id);
    const e = ctx.enrich?.(t);
    const kindGiven = t.kind && t.kind !== 'unknown' ? undefined : e?.kind;
    // pre-fill's business/address (found in the text) help dispatch when the ticket's own fields are empty
    const row = normaliseTicket(t, deps, kindGiven, (e?.prefill ?? t.prefill) as Parameters<typeof normaliseTicket>[3]);
    if (e?.predicted) {
      row.predicted = { ...(row.predicted ?? {}), ...e.predicted };
      // analytics read the source's label, else a confident prediction ("not sure" stays unclassified)
      const sure = (k: string) => {
        const p = e.predicted?.[k] as { label?: string; not_sure?: boolean } | undefined;
        return p && !p.not_sure ? (p.label ?? null) : null;
      };
      row.category ??= sure('goods_service');
      row.problem ??= sure('problem');
    }
    if (e?.prefill) row.prefill = e.prefill;
    // free text is personal data: only the redacted version is stored in clear, the original is sealed (classification
    // and pre-fill above read the original in memory; everything downstream — dedup, similar index, early warning — the
    // redacted text)
    Object.assign(row, protectText(row, ctx.sealer, t.complainant ?? {}));
    // a ticket exported with its decisions keeps them (importFile has rejected a malformed handling block already), and
    // it was split exactly when a report part's state travels with it — no guessing from the text on re-import
    const h = parseHandling(t.extra);
    const decidedElsewhere = !!h && typeof h === 'object';
    const split =
      row.kind === 'complaint' && (decidedElsewhere ? !!h.report_part : hasReportPart(t))
        ? splitReportPart(row, deps)
        : null;
    if (decidedElsewhere) {
      applyHandling(row, h, h.duplicate_of ? ticketIdFor(source, h.duplicate_of) : null);
      if (split && h.report_part) applyHandling(split, h.report_part, null);
      decided.add(row.id);
      if (split) decided.add(split.id);
    }
    rows.push(row);
    if (split) rows.push(split);
  }
  return { rows, decided, skippedInBatch };
}

/**
 * Stores prepared rows in one transaction: those already stored are skipped, repeats linked, listed persons flagged;
 * the tickets, their first timeline events, `ticket.received` and the audit entries commit together.
 */
export async function storeRows(
  ctx: IntakeCtx,
  rows: NewTicketRow[],
  decided: Set<string>,
  o: {
    /** repeats of stored tickets are looked up when the rows name at most this many persons (imports: 50) */
    repeatPersons: number;
    /** the audit entries for the rows actually stored (none are written when nothing was) */
    audits: (stored: NewTicketRow[]) => AuditEntry[];
  },
): Promise<{ fresh: NewTicketRow[]; inserted: string[]; duplicates: number }> {
  const existing = await ticketRepo.existingIds(
    ctx.db,
    rows.map((r) => r.id),
  );
  const fresh = rows.filter((r) => !existing.has(r.id));
  const duplicates = await linkRepeats(
    ctx,
    fresh.filter((r) => !decided.has(r.id)),
    o.repeatPersons,
  );
  if (ctx.listedAmong) {
    const keys = [...new Set(fresh.map((r) => r.complainant_key).filter((k): k is string => !!k))];
    const listed = keys.length ? await ctx.listedAmong(keys) : new Set<string>();
    for (const r of fresh) {
      if (!r.complainant_key || !listed.has(r.complainant_key)) continue;
      // listed person: the complaint part is handled in simplified form, a report part is still verified in full
      r.abnormal = true;
      r.event = { ...r.event, abnormal_list: true, handling: r.kind === 'report' ? 'verify' : 'simplified' };
    }
  }
  const inserted = await ctx.db.tx(async (q) => {
    const ids = await ticketRepo.insertMany(q, fresh);
    if (ids.length) {
      // follow-on work (enrichment, similar cases, early warning) reads these after commit — never lost, never early
      const stored = new Set(ids);
      const rowsStored = fresh.filter((r) => stored.has(r.id));
      await appendEvents(
        q,
        rowsStored.map((r) =>
          event('ticket.received', r.id, {
            ticket_id: r.id,
            kind: r.kind,
            source: r.source,
            duplicate_of: r.duplicate_of,
            parent_id: r.parent_id,
          }),
        ),
      );
      // last: the audit chain's head row is locked from here to COMMIT (migration 0031), so concurrent writers queue
      // only for this short tail of the transaction
      for (const a of o.audits(rowsStored)) await audit(q, a);
    }
    return ids;
  });
  return { fresh, inserted, duplicates };
}

/**
 * A ticket that repeats one the same person filed in the last 30 days (same business, near-identical text) is linked
 * to it and not handled twice (Order 121: 重复举报不予处理). The earlier ticket keeps its own workflow.
 */
async function linkRepeats(ctx: IntakeCtx, rows: NewTicketRow[], maxPersons: number): Promise<number> {
  let n = 0;
  const byKey = new Map<string, NewTicketRow>();
  for (const r of rows) {
    if (!r.complainant_key || r.parent_id) continue;
    const rk = repeatKey(r);
    if (!rk) continue;
    // the same person filing the same thing again — different people with similar texts are a group, not repeats
    const k = `${r.complainant_key}|${rk}`;
    const earlier = byKey.get(k);
    if (earlier && earlier.received_date <= r.received_date) {
      markDuplicate(r, earlier.id);
      n++;
      continue;
    }
    byKey.set(k, r);
  }
  // repeats of tickets already stored, and of earlier rows of the same person in this batch (filings written
  // together by group commit must be checked as if they had come one by one): one query for all persons
  const persons = [
    ...new Set(rows.filter((r) => r.complainant_key && !r.duplicate_of && !r.parent_id).map((r) => r.complainant_key!)),
  ];
  if (persons.length === 0 || persons.length > maxPersons) return n;
  const since = rows.reduce((m, r) => (r.received_date < m ? r.received_date : m), rows[0]!.received_date);
  const prevBy = await ticketRepo.recentByComplainants(ctx.db, persons, shiftDate(since, -30));
  const asTif = (
    x: { id: string; received_date: string; title: string | null; body: string | null; respondent_key: string | null },
    p: string,
  ): TifTicket => ({
    id: x.id,
    received_at: x.received_date,
    title: x.title ?? undefined,
    text: x.body ?? undefined,
    complainant: { id: p },
    respondent: { name: x.respondent_key ?? undefined },
  });
  for (const p of persons) {
    const recent: TifTicket[] = (prevBy.get(p) ?? []).map((x) => asTif(x, p));
    for (const r of rows) {
      if (r.complainant_key !== p || r.parent_id) continue;
      const cand = asTif(r, p);
      const from = shiftDate(r.received_date, -30);
      if (!r.duplicate_of) {
        // near-identical text from the same person within 30 days (char-shingle Jaccard, digits folded)
        const hit = findDuplicate(
          cand,
          recent.filter((x) => x.id !== r.id && x.received_at <= cand.received_at && x.received_at >= from),
        );
        if (hit) {
          markDuplicate(r, hit.id);
          r.event = { ...r.event, similarity: hit.similarity, why: hit.why };
          n++;
        }
      }
      recent.push(cand);
    }
  }
  return n;
}

function markDuplicate(r: NewTicketRow, of: string) {
  r.duplicate_of = of;
  r.status = 'duplicate';
  r.due_date = null;
  r.due_kind = null;
  r.event = { ...r.event, duplicate_of: of, note: '与此前工单重复，已关联，不重复处理' };
}

function shiftDate(d: string, days: number): string {
  return new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);
}
