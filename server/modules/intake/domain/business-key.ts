/**
 * A matching key for business names: the same shop written with or without 上海/有限公司/branch suffixes, full-width
 * punctuation or spaces maps to one key. Kept deliberately conservative (false merges hurt more than misses).
 */
export function normaliseBusinessKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s·・,，.。、'"“”‘’]/g, '');
  s = s.replace(/[（(【[].*?[）)】\]]/g, ''); // branch / store qualifiers in brackets
  s = s.replace(/(股份有限公司|有限责任公司|有限公司|集团|分公司|公司|商行|经营部|门市部|工作室)$/g, '');
  s = s.replace(/(股份有限公司|有限责任公司|有限公司|分公司)/g, '');
  s = s.replace(/^(中国)?(上海市|上海)/, '');
  return s.toLowerCase() || name.trim();
}
