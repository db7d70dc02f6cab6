/**
 * Performs one statutory workflow action on a ticket: jurisdiction check, state-machine decision, the update with an
 * optimistic lock, the timeline event, generated documents and the audit entry — all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/index.js';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { appendEvents, event } from '../../../platform/events/index.js';
import { canActOnTicket, canReadTicket, type Actor } from '../../access/index.js';
import { decide } from '../domain/transitions.js';
import { type ActionFacts, type ActionInput } from '../domain/actions.js';
import { ruleSetByVersion } from '../domain/rules.js';
import { renderDocument } from '../domain/documents.js';
import { mediationText } from '../../text/index.js';
import { legalBasis } from '../../knowledge/index.js';
import { ticketRepo, type TicketRow } from '../repository.js';
import { unitNames } from '../queries/unit-names.js';
import type { Ctx } from '../context.js';

export interface PerformActionOptions {
  /** ticket id or ticket number */
  ticketId: string;
  actor: Actor;
  input: ActionInput;
  /** override "today" (demo ageing of history); defaults to ctx.today() */
  on?: string;
  /** more writes of the caller in the same transaction (an idempotency record): they commit with the action or not at all */
  alsoWrite?: (q: Queryable, result: { id: string; no: string; status: string }) => Promise<void>;
}

export async function performAction(ctx: Ctx, o: PerformActionOptions) {
  return ctx.db.tx(async (q) => {
    const t = await ticketRepo.get(q, o.ticketId, true);
    if (!t)
      return fail('not_found', {
        zh: `工单不存在 (ticket ${o.ticketId} not found)`,
        en: `No such ticket (${o.ticketId}).`,
      });
    if (!canActOnTicket(o.actor, t))
      return fail(o.actor.role === 'officer' || o.actor.role === 'supervisor' ? 'not_found' : 'forbidden', {
        zh: `无权处理该工单 (no jurisdiction over ${o.ticketId})`,
        en: `You have no jurisdiction over this ticket (${o.ticketId}).`,
      });
    if (o.actor.role === 'enterprise' && !['odr_settle', 'odr_fail'].includes(o.input.action))
      return fail('forbidden', { zh: 'ODR企业只能和解或退回', en: 'An ODR enterprise can only settle or return.' });
    const rules = ruleSetByVersion(t.rule_version);
    const today = o.on ?? ctx.today();
    const d = decide(
      {
        kind: t.kind,
        status: t.status,
        received_date: String(t.received_date),
        real_name: t.real_name,
        deadlines: t.deadlines as never,
        suspended_since: t.suspended_since,
        odr_key: t.odr_key,
        t12345: t.t12345,
      },
      o.input,
      {
        cal: ctx.cal(),
        rules,
        today,
        role: o.actor.role,
        facts: await factsFor(ctx, q, o.actor, t, o.input, today),
        at: ctx.now().toISOString(),
      },
    );
    const late = typeof d.event.payload.late === 'boolean' ? d.event.payload.late : undefined;
    const ok = await ticketRepo.applyDecision(q, t.id, t.version, { ...d, late }, ctx.now());
    if (!ok)
      return fail('conflict', {
        zh: '工单已被他人修改，请刷新后重试 (ticket changed concurrently)',
        en: 'Someone else changed the ticket; reload and try again.',
      });
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: o.actor.id,
      actor_role: o.actor.role,
      type: d.event.type,
      payload: { ...d.event.payload, status: d.status, due_date: d.due_date },
    });
    await appendEvents(q, [
      event('ticket.transitioned', t.id, {
        ticket_id: t.id,
        action: o.input.action,
        from: t.status,
        to: d.status,
        actor_role: o.actor.role,
        closed: d.closed,
      }),
      // a reply or a return goes back to the 12345 centre: delivery runs from the outbox, after commit
      ...(d.message12345
        ? [
            event('transfer12345.outgoing', t.id, {
              ticket_id: t.id,
              seq: d.message12345.seq,
              kind: d.message12345.kind,
            }),
          ]
        : []),
    ]);
    const docs = [];
    if (d.documents.length) {
      const names = await unitNames(q, t.unit_id);
      const cites = await citationsFor(
        q,
        rules,
        String(t.received_date),
        today,
        d.event.payload.article as string | undefined,
      );
      for (const kind of d.documents) {
        const doc = renderDocument(kind, {
          ticketNo: t.no,
          unitName: names.unitName,
          unitShort: names.short,
          date: today,
          ruleName: rules.name,
          receivedDate: String(t.received_date),
          complainantName: complainantName(ctx, t),
          respondentName: t.respondent_name ?? '',
          // documents go to both parties: the summary is the redacted text with any report part cut (mediation text)
          summary: (mediationText(t.title) || mediationText(t.body) || '').slice(0, 200),
          reasonText: d.event.payload.reason_text as string | undefined,
          article: d.event.payload.article as string | undefined,
          note: o.input.note,
          mediateBy: d.deadlines.mediate_by,
          outcomeText: t.kind === 'report' ? reportOutcomeText(d.outcome ?? t.outcome, o.input.note) : undefined,
          ...cites,
        });
        const id = randomUUID();
        await ticketRepo.insertDocument(q, ctx.sealer, {
          ticket_id: t.id,
          id,
          kind,
          number: doc.number,
          title: doc.title,
          html: doc.html,
          created_by: o.actor.id,
        });
        docs.push({ id, kind, number: doc.number, title: doc.title });
      }
    }
    await audit(q, {
      actorId: o.actor.id,
      actorRole: o.actor.role,
      unitId: o.actor.unitId,
      action: 'ticket.action',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { action: o.input.action, status: d.status },
    });
    if (o.alsoWrite) await o.alsoWrite(q, { id: t.id, no: t.no, status: d.status });
    return {
      id: t.id,
      no: t.no,
      status: d.status,
      due_date: d.due_date,
      due_kind: d.due_kind,
      deadlines: d.deadlines,
      documents: docs,
    };
  });
}

/**
 * Citations from the legal-basis library, where it holds them: the rule article a decision names (in force on the day
 * the ticket was received, which chose its rule set) and 消费者权益保护法 第三十九条 (the other routes a party is told
 * of). Without them the documents keep their built-in wording.
 */
async function citationsFor(
  q: Parameters<typeof ticketRepo.get>[0],
  rules: ReturnType<typeof ruleSetByVersion>,
  received: string,
  today: string,
  article: string | undefined,
) {
  const [basis, routes] = await Promise.all([
    article ? legalBasis(q, rules.short, article, received) : Promise.resolve(undefined),
    legalBasis(q, '消费者权益保护法', '第三十九条', today),
  ]);
  return { basis: basis ? [basis] : undefined, routesCitation: routes?.citation };
}

/** What decide needs to know about other records for this action (only looked up for the actions that use it). */
async function factsFor(
  ctx: Ctx,
  q: Parameters<typeof ticketRepo.get>[0],
  actor: Actor,
  t: TicketRow,
  input: ActionInput,
  today: string,
): Promise<ActionFacts> {
  if (input.action === 'reply_12345' && input.template?.trim()) {
    return { template12345: (await ctx.replyTemplate?.(q, input.template.trim(), t, today)) ?? null };
  }
  if (input.action === 'mark_duplicate' && input.duplicate_of?.trim()) {
    const target = await ticketRepo.get(q, input.duplicate_of.trim());
    // a ticket the actor may not see is reported exactly like one that does not exist
    const visible = target && canReadTicket(actor, target);
    return {
      ticketId: t.id,
      duplicateTarget: visible
        ? { id: target.id, kind: target.kind, status: target.status, duplicate_of: target.duplicate_of ?? null }
        : null,
    };
  }
  if (input.action === 'send_odr' && input.odr_key?.trim()) {
    return {
      odrEnterprise: await ticketRepo.odrEnterprise(q, input.odr_key.trim()),
      odrCandidates: [t.respondent_key, t.platform].filter((k): k is string => !!k),
      consentOdr: (t.extra as { consent_odr?: unknown } | null)?.consent_odr === true,
    };
  }
  return {};
}

function complainantName(ctx: Ctx, t: TicketRow): string {
  if (!t.complainant_enc) return '投诉（举报）人';
  try {
    return ctx.sealer.open<{ name?: string }>(t.complainant_enc).name ?? '投诉（举报）人';
  } catch {
    return '投诉（举报）人';
  }
}

function reportOutcomeText(outcome: string | null | undefined, note?: string): string {
  const base =
    outcome === 'case_opened'
      ? '经核查，已依法立案调查'
      : outcome === 'not_opened'
        ? '经核查，决定不予立案'
        : '已依法处理';
  return note ? `${base}。${note}` : base;
}
