/**
 * 其他滥用投诉的行为 (岳市监〔2024〕16号 二(八)): conduct the model has no criterion for, proposed by the officer who saw
 * it, with written evidence that cites ticket numbers of the same person. It enters the normal review: a proposal the
 * district supervisor reviews and decides (the proposer never decides their own proposal).
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { mask } from '../../../platform/crypto/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import { CRITERIA_BY_CODE, propose } from '../../risk/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { abnormalRepo } from '../repository.js';

export interface ProposeOtherInput {
  evidence: string;
  ticket_nos: string[];
}

export async function proposeOther(ctx: Ctx, actor: Actor, ticketId: string, i: ProposeOtherInput) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || !canReadTicket(actor, t))
    return fail('not_found', {
      zh: `工单不存在或无权访问 (${ticketId})`,
      en: `No such ticket, or not visible to you (${ticketId}).`,
    });
  if (!t.complainant_key)
    return fail('invalid_input', {
      zh: '匿名工单无法提议列入（没有可识别的投诉人）',
      en: 'An anonymous ticket cannot be proposed for listing (there is no identifiable complainant).',
    });
  if (i.evidence.trim().length < 10)
    return fail('invalid_input', {
      zh: '请写明书面证据（至少10个字）',
      en: 'Please describe the written evidence (at least 10 characters).',
    });
  const mine = await abnormalRepo.personTickets(ctx.db, t.complainant_key, 1000);
  const byNo = new Map(mine.map((x) => [x.no, x]));
  const nos = [...new Set([t.no, ...i.ticket_nos.map((n) => n.trim()).filter(Boolean)])];
  const foreign = nos.filter((n) => !byNo.has(n));
  if (foreign.length)
    return fail('invalid_input', {
      zh: `所引工单不是该投诉人的工单：${foreign.slice(0, 3).join('、')}`,
      en: `These tickets are not this complainant's: ${foreign.slice(0, 3).join(', ')}`,
    });
  if (nos.length < 2)
    return fail('invalid_input', {
      zh: '请至少另引一件该投诉人的工单作为证据',
      en: 'Please cite at least one more ticket of this complainant as evidence.',
    });
  const active = await abnormalRepo.activePersons(ctx.db);
  if (active.has(t.complainant_key))
    return fail('conflict', {
      zh: '该投诉人已有提议或名录条目，请在异常名录中查看',
      en: 'This complainant already has a proposal or a list entry; see the abnormal list.',
    });
  const cited = nos.map((n) => `${n}（${byNo.get(n)!.received_at.toISOString().slice(0, 10)}）`).join('、');
  const def = CRITERIA_BY_CODE.other;
  const criteria = [
    {
      code: def.code,
      label: def.label,
      evidence: `${actor.displayName}提议：${i.evidence.trim()}；所引工单：${cited}`,
      // the officer's words stay as written; the frame and the cited tickets in English
      evidence_en: `Proposed by ${actor.displayName}: “${i.evidence.trim()}”; tickets cited: ${nos
        .map((n) => `${n} (${byNo.get(n)!.received_at.toISOString().slice(0, 10)})`)
        .join(', ')}`,
    },
  ];
  const entry = propose(
    randomUUID(),
    t.complainant_key,
    0,
    criteria,
    { role: actor.role, id: actor.id },
    ctx.today(),
    t.district_code ?? undefined,
  );
  let display: Record<string, string> = {};
  try {
    const c = t.complainant_enc ? ctx.sealer.open<{ name?: string; phone?: string }>(t.complainant_enc) : {};
    display = { name: mask.name(c.name) ?? '', phone: mask.phone(c.phone) ?? '' };
  } catch {
    display = {};
  }
  await ctx.db.tx(async (q) => {
    await abnormalRepo.insert(q, {
      id: entry.id,
      person_key: t.complainant_key!,
      district_code: t.district_code ?? null,
      state: entry.state,
      score: 0,
      criteria,
      entry: entry as unknown as Record<string, unknown>,
      ticket_ids: nos.map((n) => byNo.get(n)!.id),
      display,
      expires_at: null,
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'abnormal.propose',
      subjectType: 'abnormal',
      subjectId: entry.id,
      detail: { criteria: ['other'], tickets: nos.length },
    });
  });
  return { id: entry.id, state: entry.state, criteria };
}
