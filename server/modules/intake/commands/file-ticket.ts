/**
 * One ticket from a person (public portal), a hotline operator or a 12345 transfer: validated, enriched, stored
 * through the same intake path as batch imports. A public filer gets a ticket number and a tracking code (only its
 * hash is stored). A retry with the same client key returns the same ticket instead of filing twice.
 *
 * Filings that arrive together are written together (group commit, domain/group-commit.ts): one transaction, a few
 * statements for the whole batch; each filer is answered only after that transaction committed.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, fail } from '../../../platform/errors/index.js';
import { isConnectionLoss, retryUnavailable } from '../../../platform/db/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo, type NewTicketRow } from '../../workflow/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import { prepareRows, storeRows, type IntakeCtx } from './ingest-tickets.js';
import { ticketIdFor } from '../domain/normalise.js';
import { groupCommit, type ItemOutcome } from '../domain/group-commit.js';

export interface FileTicketInput {
  kind?: string;
  channel: string;
  title?: string;
  text: string;
  complainant?: TifTicket['complainant'];
  respondent?: TifTicket['respondent'];
  location?: string;
  amount?: number;
  /** consent to let an ODR enterprise settle first, and to disclosure */
  consent_odr?: boolean;
  /** idempotency key from the client (form submission id, 12345 work-order number) */
  client_key?: string;
  received_at?: string;
  extra?: Record<string, unknown>;
}

export const trackHash = (code: string) => createHash('sha256').update(`track\0${code}`).digest('base64url');

export interface FilingReceipt {
  id: string;
  no: string;
  status: string;
  tracking_code: string | null;
  created: boolean;
  split: boolean;
  duplicate_of?: string | null;
}

export async function fileTicket(
  ctx: IntakeCtx,
  actor: Actor,
  i: FileTicketInput,
  source = i.channel,
): Promise<FilingReceipt> {
  if (!i.text?.trim() && !i.title?.trim())
    return fail('invalid_input', { zh: '诉求内容不能为空 (text required)', en: 'Please describe your request.' });
  // the key is fixed once: a retry after a failover (below) must find the filing an ambiguous COMMIT may have stored
  const sourceId = i.client_key?.trim() || randomUUID();
  const filing: Filing = { actor, input: i, source, sourceId, receivedAt: i.received_at ?? ctx.now().toISOString() };
  return retryUnavailable(() => committerOf(ctx).submit(filing), FAILOVER_RETRY_MS);
}

/** How long a filing waits through a database failover before answering 503 (the client retries with its key). */
const FAILOVER_RETRY_MS = Number(process.env.XIEZHI_FAILOVER_RETRY_MS ?? 20_000);

interface Filing {
  actor: Actor;
  input: FileTicketInput;
  source: string;
  sourceId: string;
  receivedAt: string;
}

/**
 * One group committer per intake context (the server has one): concurrent filings share a transaction. On the
 * PostgreSQL server a few batches may be in flight (their reads overlap; the audit chain orders their commits).
 */
const committers = new WeakMap<IntakeCtx, ReturnType<typeof groupCommit<Filing, FilingReceipt>>>();
const committerOf = (ctx: IntakeCtx) => {
  let c = committers.get(ctx);
  if (!c) {
    c = groupCommit<Filing, FilingReceipt>((fs) => fileMany(ctx, fs), {
      maxBatch: 200,
      concurrency: ctx.db.kind === 'pg' ? 3 : 1,
      isTransient: isConnectionLoss,
    });
    committers.set(ctx, c);
  }
  return c;
};
/** batches written so far by this context's committer (tests, monitoring) */
export const filingBatches = (ctx: IntakeCtx) => committers.get(ctx)?.stats();

/**
 * Files a batch in one transaction. A filing whose key is already stored (a retry) — or came earlier in this same
 * batch — is answered with that ticket and no new tracking code; a filing that cannot be turned into a row gets its
 * own error and the others go on.
 */
async function fileMany(ctx: IntakeCtx, filings: Filing[]): Promise<ItemOutcome<FilingReceipt>[]> {
  const out: (ItemOutcome<FilingReceipt> | undefined)[] = filings.map(() => undefined);
  const rows: NewTicketRow[] = [];
  const decided = new Set<string>();
  /** ticket id → index of the filing that creates it (the first with its key), and its tracking code */
  const first = new Map<string, { at: number; code: string; actor: Actor }>();
  const ids = filings.map((f) => ticketIdFor(f.source, f.sourceId));
  filings.forEach((f, k) => {
    if (first.has(ids[k]!)) return;
    try {
      const p = prepareRows(ctx, [tifOf(f)], f.source);
      const code = randomBytes(4).toString('hex').toUpperCase();
      p.rows[0]!.track_hash = trackHash(code);
      rows.push(...p.rows);
      for (const d of p.decided) decided.add(d);
      first.set(ids[k]!, { at: k, code, actor: f.actor });
    } catch (e) {
      out[k] = { ok: false, error: e };
    }
  });
  const actorOf = new Map(rows.map((r) => [r.id, first.get(r.parent_id ?? r.id)?.actor]));
  const { inserted } = await storeRows(ctx, rows, decided, {
    repeatPersons: Infinity,
    // one entry per officer (or public filer) and channel per batch, naming every ticket it filed
    audits: (stored) => {
      const by = new Map<string, { actor: Actor; source: string; ids: string[] }>();
      for (const r of stored) {
        const a = actorOf.get(r.id)!;
        const key = `${a.id}\0${r.source}`;
        const g = by.get(key) ?? { actor: a, source: r.source, ids: [] };
        g.ids.push(r.id);
        by.set(key, g);
      }
      return [...by.values()].map((g) => ({
        actorId: g.actor.id,
        actorRole: g.actor.role,
        unitId: g.actor.unitId,
        action: 'ticket.import' as const,
        subjectType: 'batch',
        subjectId: g.source,
        subjectIds: g.ids,
        detail: { count: g.ids.length },
      }));
    },
  });
  const created = new Set(inserted);
  const receipts = await ticketRepo.receipts(ctx.db, [...new Set(ids)]);
  filings.forEach((_, k) => {
    if (out[k]) return;
    const id = ids[k]!;
    const row = receipts.get(id);
    if (!row) {
      out[k] = { ok: false, error: new DomainError('conflict', 'ticket was not stored') };
      return;
    }
    const mine = first.get(id)?.at === k && created.has(id);
    out[k] = {
      ok: true,
      value: mine
        ? {
            id,
            no: row.no,
            status: row.status,
            tracking_code: first.get(id)!.code,
            created: true,
            split: rows.some((r) => r.parent_id === id && created.has(r.id)),
            duplicate_of: row.duplicate_of,
          }
        : { id, no: row.no, status: row.status, tracking_code: null, created: false, split: false },
    };
  });
  return out as ItemOutcome<FilingReceipt>[];
}

function tifOf(f: Filing): TifTicket {
  const i = f.input;
  return {
    id: f.sourceId,
    kind: i.kind,
    channel: i.channel,
    title: i.title,
    text: i.text,
    complainant: i.complainant,
    respondent: i.respondent,
    location: i.location,
    amount: i.amount,
    received_at: f.receivedAt,
    extra: { ...(i.extra ?? {}), consent_odr: i.consent_odr ?? false, filed_by: f.actor.role },
  };
}
