/**
 * English of the legal texts the documents cite, kept in one place as data: the names of the laws and rule sets, the
 * statutory reasons (不予受理 / 终止调解 / 不予立案), how an article number reads in English, and the line every
 * English copy carries. The English is a reading aid only — the Chinese document is the legal record — so a text
 * not listed here is never guessed at: the callers say that the wording is in the Chinese version. Browser-safe.
 */

export const AUTHORITATIVE_NOTE_EN =
  'This English text is a courtesy translation for reading only. The Chinese version of this document is the ' +
  'authoritative one and prevails in case of any difference.';

/** Laws and rules by their Chinese title (without 《》). */
export const LAW_NAMES_EN: Record<string, string> = {
  市场监督管理投诉举报处理暂行办法: 'Interim Measures for Handling Complaints and Reports in Market Regulation',
  市场监督管理投诉举报处理办法: 'Measures for Handling Complaints and Reports in Market Regulation',
  中华人民共和国消费者权益保护法:
    'Law of the People’s Republic of China on the Protection of Consumer Rights and Interests',
  消费者权益保护法: 'Law of the People’s Republic of China on the Protection of Consumer Rights and Interests',
  行政处罚程序规定: 'Provisions on the Procedures of Administrative Penalties in Market Regulation',
  上海市消费者权益保护条例: 'Shanghai Regulations on the Protection of Consumer Rights and Interests',
  市场监督管理行政处罚程序规定: 'Provisions on the Procedures of Administrative Penalties in Market Regulation',
};

/** The rule sets' full names as the documents print them (rules/*.json `name`). */
export const RULE_SET_NAMES_EN: Record<string, string> = {
  '《市场监督管理投诉举报处理暂行办法》(国家市场监督管理总局令第20号，2022年修订)':
    'Interim Measures for Handling Complaints and Reports in Market Regulation (SAMR Order No. 20, revised 2022)',
  '《市场监督管理投诉举报处理办法》(国家市场监督管理总局令第121号)':
    'Measures for Handling Complaints and Reports in Market Regulation (SAMR Order No. 121)',
};

/** The statutory reasons, by their Chinese wording in the rule sets (order20.json, order121.json, NOT_OPEN_REASONS). */
export const REASON_TEXTS_EN: Record<string, string> = {
  投诉事项不属于市场监督管理部门职责: 'the matter complained of is not within the duties of market regulation',
  本行政机关不具有处理权限: 'this authority has no power to handle the matter',
  '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限':
    'the matter complained of is not within the duties of market regulation, or this authority has no power to handle it',
  '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议':
    'a court, an arbitration body, a market regulation department or another administrative authority, a consumer ' +
    'association or another lawfully established mediation organisation has already accepted or handled the same dispute',
  '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会等已经受理或者处理过同一消费者权益争议':
    'a court, an arbitration body, a market regulation department or another administrative authority, a consumer ' +
    'association or the like has already accepted or handled the same dispute',
  '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议':
    'the goods or services were not bought or used for personal consumption, or no consumer dispute with the ' +
    'respondent can be shown',
  '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年':
    'more than three years have passed since the complainant knew or should have known of the harm, unless the law ' +
    'provides otherwise',
  未提供本办法第九条第一款和第十条规定的材料:
    'the materials required by Article 9, paragraph 1 and Article 10 of these Measures were not provided',
  '未提供本办法第十条第一款和第十一条规定的材料，或者提供虚假材料':
    'the materials required by Article 10, paragraph 1 and Article 11 of these Measures were not provided, or false ' +
    'materials were provided',
  冒用他人身份或者拒不配合身份核验: "another person's identity was used, or identity verification was refused",
  '法律、法规、规章规定不予受理的其他情形':
    'another case in which laws, regulations or rules provide for non-acceptance',
  投诉人撤回投诉或者双方自行和解: 'the complainant withdrew the complaint, or the parties settled between themselves',
  '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致':
    'the parties could not agree on the technical body for verification, inspection, testing or appraisal, or on ' +
    'who bears its cost',
  '投诉人与被投诉人对检定、检验、检测、鉴定费用承担无法协商一致':
    'the parties could not agree on who bears the cost of verification, inspection, testing or appraisal',
  '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解':
    'a party did not take part in mediation without good reason, or the respondent expressly refused mediation',
  '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议':
    'after mediation was organised, a party expressly stated that no mediation agreement could be reached',
  自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议:
    'the parties reached no mediation agreement within 45 working days of the acceptance of the complaint',
  自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议:
    'the parties reached no mediation agreement within 60 days of the acceptance of the complaint',
  '市场监督管理部门受理投诉后，发现存在本办法第十五条规定情形':
    'after accepting the complaint, the department found a case listed in Article 15 of these Measures',
  '受理投诉后，发现存在本办法第十六条规定情形，或者投诉人存在敲诈勒索、虚假索赔等情形（移送公安机关）':
    'after accepting the complaint, a case listed in Article 16 of these Measures, or extortion or a false claim by ' +
    'the complainant, was found (referred to the police)',
  投诉人或者被投诉人死亡或者终止: 'a party died or ceased to exist',
  '法律、法规、规章规定的应当终止调解的其他情形':
    'another case in which laws, regulations or rules require mediation to be terminated',
  '经核查，没有违法事实或者违法事实不成立':
    'the verification found no illegal act, or the alleged act is not established',
  '违法行为轻微并及时改正，没有造成危害后果': 'the violation was minor, promptly corrected and caused no harm',
  初次违法且危害后果轻微并及时改正: 'a first violation with minor harm, promptly corrected',
  当事人有证据足以证明没有主观过错: 'the party has sufficient evidence that it was not at fault',
  依法可以不予立案的其他情形: 'another case in which the law allows no case to be opened',
};

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三十九 → 39, 十五 → 15, 一百二十一 → 121; NaN for anything else. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

const CN = '[零一二两三四五六七八九十百\\d]+';
const ARTICLE = new RegExp(`^第(${CN})条(?:第(${CN})款)?(?:第(${CN})项)?`);

/** 第十五条第一项 → 'Article 15, item (1)'; 第二十三条第一款第一项 → 'Article 23, paragraph 1, item (1)'; null if not one. */
export function articleEn(s: string): string | null {
  const m = ARTICLE.exec(s.trim());
  if (!m || m[0].length !== s.trim().length) return null;
  const parts = [`Article ${chineseNumber(m[1]!)}`];
  if (m[2]) parts.push(`paragraph ${chineseNumber(m[2])}`);
  if (m[3]) parts.push(`item (${chineseNumber(m[3])})`);
  return parts.join(', ');
}

/** The English name of a law or rule set (with or without 《》), or null when it is not listed. */
export function lawEn(name: string): string | null {
  const t = name.trim();
  return RULE_SET_NAMES_EN[t] ?? LAW_NAMES_EN[t.replace(/^《|》$/g, '')] ?? null;
}

/**
 * 《中华人民共和国消费者权益保护法》第三十九条 → "Article 39 of the Law of …"; also the bare form 行政处罚程序规定第十九条.
 * A law that is not listed keeps its Chinese title, said to be one, so the reader knows where to look.
 */
export function citationEn(citation: string): string {
  const m = /^(《[^》]+》|[^第《]+?)(第.+)?$/.exec(citation.trim());
  if (!m) return citation;
  const law = lawEn(m[1]!) ?? `${m[1]!.replace(/^《?/, '《').replace(/》?$/, '》')} (title in Chinese)`;
  const art = m[2] ? articleEn(m[2]) : null;
  if (m[2] && !art) return `${law}, ${m[2]}`;
  return art ? `${art} of the ${law}` : law;
}

/** The English of a statutory reason, or null when its wording is not one of the listed ones. */
export function reasonEn(text: string | undefined): string | null {
  return text ? (REASON_TEXTS_EN[text.trim()] ?? null) : null;
}

/** English month names, shared by the documents and the monthly report. */
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** A Shanghai calendar date 2026-03-10 → '10 March 2026' (the documents' dates are Shanghai dates already). */
export function dateEn(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}` : d;
}

/**
 * The listing's legal basis in English: each citation (《…》第…条, separated by ；) named in English; a normative
 * document cited by its number only (岳市监〔2024〕16号 三(二)) stays as its number, said to be one.
 */
export function basisEn(legalBasis: string): string {
  return legalBasis
    .split(/[；;]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (/^《|第.+条/.test(x) ? citationEn(x) : `the normative document ${x}`))
    .join('; ');
}
