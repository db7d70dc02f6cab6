/**
 * The identity of "the same submission again": same business and the same text once whitespace, punctuation and
 * digits (dates, order numbers that a resubmission often changes) are removed. Near-identical texts beyond this are
 * found by the text module's duplicate finder.
 */
export function repeatKey(r: {
  respondent_key: string | null;
  title: string | null;
  body: string | null;
}): string | null {
  const text = `${r.title ?? ''}${r.body ?? ''}`.normalize('NFKC').replace(/[\s\p{P}\p{S}\d]/gu, '');
  if (text.length < 8) return null;
  return `${r.respondent_key ?? ''}|${text.slice(0, 400)}`;
}
