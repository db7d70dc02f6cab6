/**
 * The model proposes: every person in the last two years is scored on the legal criteria (server/modules/risk) and
 * each one above the proposal threshold without an active entry becomes a *proposal* with its criteria and evidence.
 * Nothing takes effect until a district supervisor decides. Identifiers reach the model as keyed hashes; names and
 * addresses are opened in-process only to link identities, and never stored in clear.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { mask } from '../../../platform/crypto/index.js';
import { propose, scorePersons } from '../../risk/index.js';
import { clusterTemplates } from '../../text/index.js';
import type { Ctx } from '../../workflow/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import { abnormalRepo } from '../repository.js';

export async function proposeEntries(
  ctx: Ctx,
  o: { days?: number; onProgress?: (n: number) => void } = {},
): Promise<{ scored: number; proposed: number; persons: number }> {
  const today = ctx.today();
  const from = new Date(Date.parse(today) - (o.days ?? 730) * 86_400_000).toISOString().slice(0, 10);
  const tickets: TifTicket[] = [];
  const district = new Map<string, Map<string, number>>();
  const display = new Map<string, { name?: string; phone?: string }>();
  // 关联程序 recorded on the platform travel on their ticket, as the model reads any source's extras
  const procs = new Map<string, { kind: string; on: string }[]>();
  for (const p of await abnormalRepo.personsProceedings(ctx.db, null)) {
    const l = procs.get(p.ticket_id) ?? [];
    l.push({ kind: p.kind, on: p.filed_on });
    procs.set(p.ticket_id, l);
  }
  let after: string | null = null;
  for (;;) {
    const rows = await abnormalRepo.ticketsForScoring(ctx.db, from, after, 5000);
    if (!rows.length) break;
    for (const r of rows) {
      let c: { name?: string; address?: string; phone?: string } = {};
      try {
        c = r.complainant_enc ? ctx.sealer.open(r.complainant_enc) : {};
      } catch {
        c = {};
      }
      const key = r.complainant_key!;
      if (!display.has(key)) display.set(key, { name: mask.name(c.name), phone: mask.phone(c.phone) });
      const labels: Record<string, string> = { ...(r.labels ?? {}) };
      if (!labels.goods_service && r.predicted?.goods_service?.label)
        labels.goods_service = r.predicted.goods_service.label;
      if (!labels.problem && r.predicted?.problem?.label) labels.problem = r.predicted.problem.label;
      if (r.outcome) labels.outcome = r.outcome;
      tickets.push({
        id: r.id,
        kind: r.kind,
        received_at: r.received_at.toISOString(),
        title: r.title ?? undefined,
        text: r.body ?? undefined,
        complainant: {
          id: key,
          phone: r.phone_hash ?? undefined,
          id_number: r.idno_hash ?? undefined,
          name: c.name,
          address: c.address,
        },
        respondent: {
          name: r.respondent_name ?? undefined,
          address: r.respondent_address ?? undefined,
          platform: r.platform ?? undefined,
        },
        amount: r.amount ?? undefined,
        labels,
        extra: procs.has(r.id) ? { ...(r.extra ?? {}), proceedings: procs.get(r.id) } : (r.extra ?? undefined),
      });
      const d = district.get(key) ?? new Map<string, number>();
      if (r.district_code) d.set(r.district_code, (d.get(r.district_code) ?? 0) + 1);
      district.set(key, d);
    }
    after = rows[rows.length - 1]!.id;
    o.onProgress?.(tickets.length);
  }
  const templates = clusterTemplates(tickets);
  const persons = scorePersons(tickets, { templates });
  const active = await abnormalRepo.activePersons(ctx.db);
  let proposed = 0;
  for (const p of persons) {
    if (active.has(p.complainant_id) || !p.criteria.length) continue;
    const dd = [...(district.get(p.complainant_id) ?? new Map()).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const entry = propose(
      randomUUID(),
      p.complainant_id,
      p.score,
      p.criteria,
      { role: 'system', id: 'model' },
      today,
      dd,
    );
    await abnormalRepo.insert(ctx.db, {
      id: entry.id,
      person_key: p.complainant_id,
      district_code: dd ?? null,
      state: entry.state,
      score: p.score,
      criteria: p.criteria,
      entry: entry as unknown as Record<string, unknown>,
      ticket_ids: p.ticket_ids.slice(0, 500),
      display: (display.get(p.complainant_id) ?? {}) as Record<string, string>,
      expires_at: null,
    });
    await audit(ctx.db, {
      actorId: 'model',
      actorRole: 'system',
      action: 'abnormal.propose',
      subjectType: 'abnormal',
      subjectId: entry.id,
      detail: { score: p.score, criteria: p.criteria.map((c) => c.code) },
    });
    proposed++;
  }
  return { scored: tickets.length, proposed, persons: persons.length };
}
