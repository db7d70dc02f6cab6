/**
 * Batch intake: normalise, enrich (pre-fill/classification when a text engine is wired), redact and seal the free text,
 * split report parts, link
 * repeats of a ticket already filed by the same person, and store — idempotently: a ticket whose source id is already
 * stored is skipped, so a retried import never creates duplicates.
 */
import { audit } from '../../../platform/audit/index.js';
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
  const cal = ctx.cal();
  const deps = { sealer: ctx.sealer, cal, source: o.source };
  const seen = new Set<string>();
  const rows: NewTicketRow[] = [];
  let skippedInBatch = 0;
  const decided = new Set<string>();
  for (const t of tickets) {
    const id = ticketIdFor(o.source, t.id);
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
      applyHandling(row, h, h.duplicate_of ? ticketIdFor(o.source, h.duplicate_of) : null);
      if (split && h.report_part) applyHandling(split, h.report_part, null);
      decided.add(row.id);
      if (split) decided.add(split.id);
    }
    rows.push(row);
    if (split) rows.push(split);
  }
  const existing = await ticketRepo.existingIds(
    ctx.db,
    rows.map((r) => r.id),
  );
  const fresh = rows.filter((r) => !existing.has(r.id));
  const duplicates = await linkRepeats(
    ctx,
    fresh.filter((r) => !decided.has(r.id)),
  );
  if (ctx.listedAmong) {
    const listed = await ctx.listedAmong([
      ...new Set(fresh.map((r) => r.complainant_key).filter((k): k is string => !!k)),
    ]);
    for (const r of fresh) {
      if (!r.complainant_key || !listed.has(r.complainant_key)) continue;
      // listed person: the complaint part is handled in simplified form, a report part is still verified in full
      r.abnormal = true;
      r.event = { ...r.event, abnormal_list: true, handling: r.kind === 'report' ? 'verify' : 'simplified' };
    }
  }
  const ids = await ctx.db.tx(async (q) => {
    const inserted = await ticketRepo.insertMany(q, fresh);
    if (inserted.length) {
      // follow-on work (enrichment, similar cases, early warning) reads these after commit — never lost, never early
      const stored = new Set(inserted);
      await appendEvents(
        q,
        fresh
          .filter((r) => stored.has(r.id))
          .map((r) =>
            event('ticket.received', r.id, {
              ticket_id: r.id,
              kind: r.kind,
              source: r.source,
              duplicate_of: r.duplicate_of,
              parent_id: r.parent_id,
            }),
          ),
      );
      await audit(q, {
        actorId: o.actor.id,
        actorRole: o.actor.role,
        unitId: o.actor.unitId,
        action: 'ticket.import',
        subjectType: 'batch',
        subjectId: o.source,
        detail: { count: inserted.length },
      });
    }
    return inserted;
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

/**
 * A ticket that repeats one the same person filed in the last 30 days (same business, near-identical text) is linked
 * to it and not handled twice (Order 121: 重复举报不予处理). The earlier ticket keeps its own workflow.
 */
async function linkRepeats(ctx: IntakeCtx, rows: NewTicketRow[]): Promise<number> {
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
  // repeats of tickets already stored (one query per distinct person in the batch; batches from the API are tiny)
  const persons = [
    ...new Set(rows.filter((r) => r.complainant_key && !r.duplicate_of && !r.parent_id).map((r) => r.complainant_key!)),
  ];
  if (persons.length > 0 && persons.length <= 50) {
    for (const p of persons) {
      const mine = rows.filter((r) => r.complainant_key === p && !r.duplicate_of && !r.parent_id);
      const since = mine.reduce((m, r) => (r.received_date < m ? r.received_date : m), mine[0]!.received_date);
      const prev = await ticketRepo.recentByComplainant(ctx.db, p, shiftDate(since, -30));
      const recent: TifTicket[] = prev.map((x) => ({
        id: x.id,
        received_at: x.received_date,
        title: x.title ?? undefined,
        text: x.body ?? undefined,
        complainant: { id: p },
        respondent: { name: x.respondent_key ?? undefined },
      }));
      for (const r of mine) {
        const cand: TifTicket = {
          id: r.id,
          received_at: r.received_date,
          title: r.title ?? undefined,
          text: r.body ?? undefined,
          complainant: { id: p },
          respondent: { name: r.respondent_key ?? undefined },
        };
        // near-identical text from the same person within 30 days (char-shingle Jaccard, digits folded)
        const hit = findDuplicate(
          cand,
          recent.filter((x) => x.id !== r.id && x.received_at <= cand.received_at),
        );
        if (hit) {
          markDuplicate(r, hit.id);
          r.event = { ...r.event, similarity: hit.similarity, why: hit.why };
          n++;
        }
      }
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
