/**
 * Evidence as a regulator reads it: tickets by the number clerks and the person know (XZ…), linked identities as
 * words instead of their keyed hashes, and no internal template ids. The same rules for the English evidence
 * (risk/domain/criteria-en.ts), in its wording.
 */
const TICKET_ID = /\bT[0-9a-f]{23}R?\b/g;

export function readableEvidence(text: string, noOf: Map<string, string>): string {
  return text
    .replace(TICKET_ID, (id) => noOf.get(id) ?? id)
    .replace(/（模板tpl-[^）]*）/g, '')
    .replace(
      /(关联身份|如|、) ?[A-Za-z0-9_-]{24,}(（评分)?/g,
      (_m, pre: string, score?: string) => `${pre === '、' ? '、' : pre}另一投诉人${score ?? ''}`,
    )
    .replace(/(另一投诉人)(、另一投诉人)+/g, '$1等');
}

/** The English evidence: tickets by number, no template ids, and each linked identity's hash as "another complainant". */
export function readableEvidenceEn(text: string, noOf: Map<string, string>): string {
  return (
    text
      .replace(TICKET_ID, (id) => noOf.get(id) ?? id)
      .replace(/ ?\(templates? tpl-[^)]*\)/g, '')
      // a hash follows the words that introduce identities, or a comma inside such a list (not a ticket id left unknown)
      .replace(
        /(linked identities|e\.g\.|threshold:|,) (?!T[0-9a-f]{23}R?\b)[A-Za-z0-9_-]{24,}/g,
        (_m, pre: string) => `${pre} another complainant`,
      )
      .replace(/another complainant(?:, another complainant)+/g, 'other complainants')
      // one linked identity reads "a linked identity (another complainant)"; several (with their scores) a list
      .replace(
        /linked identities another complainant(?!( \(score [0-9.]+\))?, another)/g,
        'a linked identity (another complainant)',
      )
      .replace(/linked identities (another|other) complainant/g, 'linked identities: $1 complainant')
  );
}

/** Both languages of one criterion's evidence; the English only where it was recorded (entries before it have none). */
export function readableCriterion<C extends { evidence: string; evidence_en?: string }>(
  c: C,
  noOf: Map<string, string>,
): C {
  return {
    ...c,
    evidence: readableEvidence(c.evidence, noOf),
    ...(c.evidence_en ? { evidence_en: readableEvidenceEn(c.evidence_en, noOf) } : {}),
  };
}
