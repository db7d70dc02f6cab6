/**
 * Evidence as a regulator reads it: tickets by the number clerks and the person know (XZ…), linked identities as
 * words instead of their keyed hashes, and no internal template ids.
 */
export function readableEvidence(text: string, noOf: Map<string, string>): string {
  return text
    .replace(/\bT[0-9a-f]{23}R?\b/g, (id) => noOf.get(id) ?? id)
    .replace(/（模板tpl-[^）]*）/g, '')
    .replace(
      /(关联身份|如|、) ?[A-Za-z0-9_-]{24,}(（评分)?/g,
      (_m, pre: string, score?: string) => `${pre === '、' ? '、' : pre}另一投诉人${score ?? ''}`,
    )
    .replace(/(另一投诉人)(、另一投诉人)+/g, '$1等');
}
