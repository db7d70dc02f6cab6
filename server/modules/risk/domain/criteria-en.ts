/**
 * The English evidence of each criterion, built from the same facts (counts, dates, ticket ids, shares) as the
 * Chinese sentence in criteria.ts, so that an English reader sees the same record rather than a translation of it.
 * Categories and problem types are named in English where shared/value-labels.ts has them; product kinds, quoted
 * quantities and names the data carries stay as written (they are what the tickets say).
 */
import { CATEGORY_LABELS_EN, PROBLEM_TYPE_LABELS_EN } from '../../../../shared/value-labels.js';
import type { LinkKind } from './graph.js';
import type { RecordedProceeding, TicketRec } from './state.js';

/** A timestamp as the Shanghai calendar date (YYYY-MM-DD), the same in both languages. */
export const day = (t: number): string => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

export function idsEn(ts: TicketRec[], n = 6): string {
  const head = ts
    .slice(0, n)
    .map((t) => t.id)
    .join(', ');
  return ts.length > n ? `${head} and others (${ts.length} in all)` : head;
}
export function spanEn(ts: TicketRec[]): string {
  let a = Infinity,
    b = -Infinity;
  for (const t of ts) {
    if (t.t < a) a = t.t;
    if (t.t > b) b = t.t;
  }
  return a === b ? `on ${day(a)}` : `from ${day(a)} to ${day(b)}`;
}
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Problem classes of the text lexicon (risk/domain/text.ts) that the CCA problem types do not name. */
const PROBLEM_EN: Record<string, string> = {
  标签标识: 'Labelling',
  过期变质: 'Expired or spoiled',
  无证经营: 'Unlicensed business',
  假冒伪劣: 'Counterfeit or substandard',
};
/** The product kinds of the text lexicon (risk/domain/text.ts PRODUCT_KINDS), whose reasonable quantities apply. */
const PRODUCT_EN: Record<string, string> = {
  保健食品: 'health food',
  婴幼儿配方食品: 'infant formula',
  乳制品: 'dairy products',
  酒类: 'alcoholic drinks',
  啤酒饮料: 'beer and soft drinks',
  生鲜食品: 'fresh food',
  预包装食品: 'prepackaged food',
  化妆品: 'cosmetics',
  药品医疗器械: 'medicines and medical devices',
  烟草: 'tobacco',
  家用电器: 'household appliances',
  服装鞋帽: 'clothing, shoes and hats',
};
const quoted = (s: string) => `“${s}”`;
const productEn = (k: string | null): string => (k ? (PRODUCT_EN[k] ?? quoted(k)) : 'goods');
export const categoryEn = (c: string): string =>
  c === '*'
    ? 'all categories'
    : c === 'unknown'
      ? 'unclassified'
      : (CATEGORY_LABELS_EN[c as keyof typeof CATEGORY_LABELS_EN] ?? quoted(c));
const problemEn = (p: string): string =>
  PROBLEM_TYPE_LABELS_EN[p as keyof typeof PROBLEM_TYPE_LABELS_EN] ?? PROBLEM_EN[p] ?? quoted(p);

export const LINK_LABELS_EN: Record<LinkKind, string> = {
  id_number: 'ID number',
  phone: 'phone number',
  address: 'contact address',
  bank: 'bank account',
  device: 'device',
};
const PROC_EN: Record<RecordedProceeding['kind'], string> = {
  disclosure: 'information disclosure request',
  review: 'administrative review',
  lawsuit: 'administrative lawsuit',
  discipline: 'report to the discipline inspection authority',
};
/** The evidence module's flags (server/modules/evidence/domain/checks.ts FLAG_LABELS), by their Chinese label. */
const FLAG_EN: Record<string, string> = {
  '含人工智能生成合成内容隐式标识(AIGC)': 'carries an implicit AI-generated content mark (AIGC)',
  IPTC数字来源类型为AI生成: 'IPTC digital source type says AI-generated',
  含C2PA内容凭证: 'carries C2PA content credentials',
  C2PA内容凭证声明由AI生成: 'C2PA content credentials declare it AI-generated',
  元数据显示由AI生成工具产生: 'metadata show an AI generation tool',
  经图片编辑软件处理: 'processed with image-editing software',
  拍摄时间早于所称购买日期: 'taken before the stated purchase date',
  拍摄时间晚于投诉提交时间: 'taken after the complaint was filed',
  '无拍摄时间(截图或元数据已清除)': 'no capture time (a screenshot, or metadata removed)',
  同一图片用于不同诉求: 'the same image used for different claims',
  图片无法解码: 'image cannot be decoded',
};

export const EN = {
  volume: (f: {
    ts: TicketRec[];
    cat: string;
    n: number;
    q50: number;
    q99: number;
    thr: number;
    peakAt: number;
    peak: number;
  }) =>
    `${plural(f.n, 'complaint or report', 'complaints and reports')} in ${categoryEn(f.cat)} ${spanEn(f.ts)}, ` +
    `above the threshold of ${f.thr} (3× the category's normal level: median ${f.q50} per person, 99th percentile ${f.q99}); ` +
    `${f.peak} filed in the busiest 7 days (from ${day(f.peakAt)}); tickets: ${idsEn(f.ts)}`,

  sameKind: (f: { ts: TicketRec[]; cat: string; prob: string; m: number; n: number; p0: number; resps: number }) =>
    `${plural(f.m, 'repeated filing')} ${spanEn(f.ts)} on “${categoryEn(f.cat)} · ${problemEn(f.prob)}” ` +
    `(${Math.round((100 * f.m) / f.n)}% of the person's ${f.n}; city-wide share of this kind ${(100 * f.p0).toFixed(1)}%), ` +
    `against ${f.resps ? plural(f.resps, 'business', 'businesses') : 'unrecorded businesses'}; tickets: ${idsEn(f.ts)}`,

  templateLinked: (ts: TicketRec[], others: string[]) =>
    `${ts.length} share one template with linked identities ${others.slice(0, 3).join(', ')}: ${idsEn(ts)}`,
  templateOwn: (ts: TicketRec[], resps: number) =>
    `${ts.length} highly similar texts (similarity ≥ 0.5) ${spanEn(ts)}, ` +
    `${resps ? `against ${plural(resps, 'business', 'businesses')}` : '(no business recorded)'}: ${idsEn(ts)}`,
  templateShared: (ts: TicketRec[], others: number, clusters: string[]) =>
    `${ts.length} use the same template as about ${plural(others, 'other complainant')} ` +
    `(templates ${clusters.slice(0, 3).join(', ')}): ${idsEn(ts)}`,

  punitive: (ts: TicketRec[], n: number, share: number, resps: number, p0: number) =>
    `${ts.length} (${Math.round(100 * share)}% of the person's ${n}) claim punitive damages (3×, 10× and the like), ` +
    `against ${resps ? plural(resps, 'business', 'businesses') : 'unrecorded businesses'}; the city-wide share is ${(100 * p0).toFixed(1)}%; tickets: ${idsEn(ts)}`,

  buyAgain: (e0: TicketRec, l0: TicketRec, later: TicketRec[]) =>
    `after ticket ${e0.id} of ${day(e0.t)} was compensated, complained again on ${day(l0.t)} about the same goods and ` +
    `problem (${l0.id}); ${plural(later.length, 'such repeat complaint')} in all: ${idsEn(later)}`,

  quantityOver: (over: TicketRec[]) =>
    over
      .slice(0, 4)
      .map(
        (t) =>
          `${t.id} (${day(t.t)}) ${productEn(t.pkind)} “${t.qtyRaw}”, reasonable personal consumption about ${t.reasonable} at most`,
      )
      .join('; '),
  quantityAgg: (agg: TicketRec[]) =>
    `repeated purchases of ${productEn(agg[0]!.pkind)} within 30 days, ${agg.reduce((s, t) => s + t.qty, 0)} in all ` +
    `(${idsEn(agg)}), more than 2× the reasonable quantity of ${agg[0]!.reasonable}`,

  sharedLink: (n: number, kind: LinkKind) =>
    `shares a ${LINK_LABELS_EN[kind]} with ${plural(n, 'complainant')} of other names`,
  sync: (n: number, most: number, eg: string[]) =>
    `filed within 72 hours of ${plural(n, 'other complainant')} against the same businesses ` +
    `(up to ${most} in common, e.g. ${eg.join(', ')})`,
  group: (size: number) => `linked-identity group of ${size} persons`,
  proposedLinked: (hits: [string, number][]) =>
    `already at the proposal threshold: linked identities ${hits.map(([d, s]) => `${d} (score ${s.toFixed(2)})`).join(', ')}`,
  ownTickets: (ts: TicketRec[]) => `the person's tickets: ${idsEn(ts)}`,

  names: (n: number) => `one identity filed under ${n} different names`,
  idShared: (n: number) => `the ID number is also used by ${plural(n, 'complainant')} of other names`,
  idSharedProposed: (hits: [string, number][]) =>
    `of these, already at the proposal threshold: ${hits.map(([d, s]) => `${d} (score ${s.toFixed(2)})`).join(', ')}`,
  agency: (n: number) => `${n} state that they were hired or filed for someone else`,
  tickets: (ts: TicketRec[]) => `tickets: ${idsEn(ts)}`,

  untrue: (bad: TicketRec[], judged: number) =>
    `${plural(bad.length, 'report')} found untrue on verification (${judged} reports with a finding): ${idsEn(bad)}, ${spanEn(bad)}`,

  disclosure: (n: number) => `${plural(n, 'information disclosure request')}`,
  reviews: (r: number, l: number) => `${plural(r, 'administrative review')} and ${plural(l, 'administrative lawsuit')}`,
  discipline: (n: number) => `${plural(n, 'report')} to the discipline inspection authority`,
  procsCited: (rec: RecordedProceeding[]) =>
    `proceedings recorded: ${rec
      .slice(0, 6)
      .map((p) => `${p.on} ${PROC_EN[p.kind]} (ticket ${p.ticket})`)
      .join(', ')}${rec.length > 6 ? ` and others (${rec.length} in all)` : ''}`,
  procsImported: 'source: external counts attached to the tickets',

  fabricated: (ts: TicketRec[], flags: string[]) =>
    `the evidence of ${plural(ts.length, 'ticket')} is flagged: ${flags.map((x) => FLAG_EN[x] ?? quoted(x)).join('; ')}; ` +
    `tickets: ${idsEn(ts)} (for review, not a finding)`,
};
