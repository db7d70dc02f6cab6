/**
 * The one-time notice as a generated document, and the listed person's appeal through the public portal with the
 * notice's number and verification code. The appeal enters the due process (state 申诉中) for the district
 * supervisor; a wrong number or code is refused without saying which of the two was wrong.
 */
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { ListEntry } from '../../risk/index.js';
import type { Ctx } from '../../workflow/index.js';
import { entryPrefixOf, renderNotice, verificationCode } from '../domain/notice.js';
import { renderNoticeEn } from '../domain/notice-en.js';
import { readableCriterion } from '../domain/readable.js';
import { abnormalRepo } from '../repository.js';
import { actOnEntry } from './act-on-entry.js';

const IN_FORCE = new Set(['listed', 'notified', 'appealed', 'corrected']);

/** The notice, audited as viewed; `lang: 'en'` gives its English reading copy (same number and code), audited alike. */
export async function noticeOf(ctx: Ctx, a: Actor, id: string, lang: 'zh' | 'en' = 'zh') {
  const r = await abnormalRepo.get(ctx.db, id);
  if (!r || (a.role === 'supervisor' && r.district_code && a.districtCode && r.district_code !== a.districtCode))
    return fail('not_found', { zh: '名录条目不存在', en: 'No such list entry.' });
  if (!IN_FORCE.has(r.state))
    return fail('conflict', {
      zh: '尚未决定列入，不能生成一次性告知书',
      en: 'Listing has not been decided yet, so no one-time notice can be made.',
    });
  const e = r.entry as unknown as ListEntry;
  const tickets = await abnormalRepo.personTickets(ctx.db, r.person_key, 500);
  const noOf = new Map(tickets.map((t) => [t.id, t.no]));
  const doc = (lang === 'en' ? renderNoticeEn : renderNotice)({
    entryId: r.id,
    personKey: r.person_key,
    date: (e.notified_at ?? ctx.today()).slice(0, 10),
    displayName: r.display?.name || '投诉举报人',
    legalBasis: e.legal_basis ?? '',
    expiresOn: (e.expires_at ?? '').slice(0, 10),
    criteria: r.criteria.map((c) =>
      readableCriterion({ code: c.code, label: c.label, evidence: c.evidence, evidence_en: c.evidence_en }, noOf),
    ),
  });
  await audit(ctx.db, {
    actorId: a.id,
    actorRole: a.role,
    unitId: a.unitId,
    action: 'document.view',
    subjectType: 'abnormal',
    subjectId: r.id,
    detail: { document: 'abnormal_notice', number: doc.number, ...(lang === 'en' ? { lang } : {}) },
  });
  return doc;
}

export async function appealByNotice(ctx: Ctx, i: { notice_no: string; code: string; reason: string }) {
  const prefix = entryPrefixOf(i.notice_no);
  const r = prefix ? await abnormalRepo.byIdPrefix(ctx.db, prefix) : undefined;
  if (!r || !IN_FORCE.has(r.state) || verificationCode(r.id, r.person_key) !== i.code.trim())
    return fail('invalid_input', {
      zh: '告知书编号或验证码不正确',
      en: 'The notice number or verification code is wrong.',
    });
  const publicActor = {
    id: 'public',
    username: 'public',
    role: 'public',
    displayName: '申诉人',
    unitId: null,
    districtCode: null,
    enterpriseKey: null,
  } as unknown as Actor;
  const out = await actOnEntry(ctx, publicActor, r.id, 'appeal', { reason: i.reason.trim() });
  return { state: out.state, state_label: '申诉中', message: '申诉已提交，区局将复核并告知结果' };
}
