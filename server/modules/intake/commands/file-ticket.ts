/**
 * One ticket from a person (public portal), a hotline operator or a 12345 transfer: validated, enriched, stored
 * through the same intake path as batch imports. A public filer gets a ticket number and a tracking code (only its
 * hash is stored). A retry with the same client key returns the same ticket instead of filing twice.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fail } from '../../../platform/errors/index.js';
import { retryUnavailable } from '../../../platform/db/index.js';
import type { Actor } from '../../access/index.js';
import { ticketRepo } from '../../workflow/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import { ingestTickets, type IntakeCtx } from './ingest-tickets.js';
import { ticketIdFor } from '../domain/normalise.js';

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

export async function fileTicket(ctx: IntakeCtx, actor: Actor, i: FileTicketInput, source = i.channel) {
  if (!i.text?.trim() && !i.title?.trim())
    return fail('invalid_input', { zh: '诉求内容不能为空 (text required)', en: 'Please describe your request.' });
  // the key is fixed once: a retry after a failover (below) must find the filing an ambiguous COMMIT may have stored
  const sourceId = i.client_key?.trim() || randomUUID();
  return retryUnavailable(() => fileOnce(ctx, actor, i, source, sourceId), FAILOVER_RETRY_MS);
}

/** How long a filing waits through a database failover before answering 503 (the client retries with its key). */
const FAILOVER_RETRY_MS = Number(process.env.XIEZHI_FAILOVER_RETRY_MS ?? 20_000);

async function fileOnce(ctx: IntakeCtx, actor: Actor, i: FileTicketInput, source: string, sourceId: string) {
  const id = ticketIdFor(source, sourceId);
  const existing = await ticketRepo.get(ctx.db, id);
  if (existing)
    return {
      id: existing.id,
      no: existing.no,
      status: existing.status,
      tracking_code: null,
      created: false,
      split: false,
    };
  const code = randomBytes(4).toString('hex').toUpperCase();
  const t: TifTicket = {
    id: sourceId,
    kind: i.kind,
    channel: i.channel,
    title: i.title,
    text: i.text,
    complainant: i.complainant,
    respondent: i.respondent,
    location: i.location,
    amount: i.amount,
    received_at: i.received_at ?? ctx.now().toISOString(),
    extra: { ...(i.extra ?? {}), consent_odr: i.consent_odr ?? false, filed_by: actor.role },
  };
  const r = await ingestTickets(ctx, [t], { source, actor });
  const row = await ticketRepo.get(ctx.db, id);
  if (!row) return fail('conflict', 'ticket was not stored');
  await ticketRepo.setTrackHash(ctx.db, id, trackHash(code));
  return {
    id: row.id,
    no: row.no,
    status: row.status,
    tracking_code: code,
    created: true,
    split: r.split > 0,
    duplicate_of: row.duplicate_of,
  };
}
