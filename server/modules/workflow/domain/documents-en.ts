/**
 * English reading copies of the decision documents. The Chinese document stays the legal record: it is stored sealed
 * as it was issued (unit, number, date, citations of that day), and no context is kept beside it, so the English copy
 * is made from the Chinese text itself — `readDocument` takes the facts back out of our own template, `renderDocumentEn`
 * says them in English. An English copy therefore never states anything the Chinese one does not. Legal wording comes
 * from shared/legal-en.ts; free text a person wrote (a note, the facts in dispute) is shown as written, said to be so.
 */
import { AUTHORITATIVE_NOTE_EN, articleEn, citationEn, dateEn, lawEn, reasonEn } from '../../../../shared/legal-en.js';
import type { DocumentContext } from './documents.js';
import type { DocumentKind } from './actions.js';
import { escapeHtml } from '../../../../shared/html.js';

export const DOCUMENT_TITLES_EN: Record<DocumentKind, string> = {
  acceptance_decision: 'Decision to Accept a Complaint',
  decline_decision: 'Decision Not to Accept a Complaint',
  mediation_notice: 'Notice of Mediation',
  termination_decision: 'Decision to Terminate Mediation',
  mediation_agreement: 'Mediation Agreement',
  mediation_record: 'Mediation Record',
  report_result_notice: 'Notice of the Result of Handling a Report',
};

/** What the English copy needs: the document's facts plus its number as issued. */
export type ReadDocument = DocumentContext & { number: string };

const esc = escapeHtml;
const unesc = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
const isoDate = (cn: string) => {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(cn);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
};
/** 《…》(…)第十五条第一项 → the rule's name and the article (the article is what follows the name's closing mark). */
const ruleAndArticle = (s: string) => {
  const m = /^(.*[)）》])(第[^)）》]*)$/.exec(s);
  return m ? { ruleName: m[1]!, article: m[2]! } : { ruleName: s, article: undefined };
};

/**
 * The facts of a document read back from its Chinese HTML (as renderDocument wrote it), or null when the text is not
 * one of ours (an older template): the caller then refuses the English copy rather than guess.
 */
export function readDocument(kind: DocumentKind, html: string): ReadDocument | null {
  const unitName = /<h1>([\s\S]*?)<br>/.exec(html)?.[1];
  const number = /<div class="no">([\s\S]*?)<\/div>/.exec(html)?.[1];
  const date = isoDate(/（印章）<br>([^<]+)<\/div>/.exec(html)?.[1] ?? '');
  if (!unitName || !number || !date) return null;
  const paras = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
  const basisAt = paras.findIndex((p) => p.startsWith('法律依据：'));
  const main = (basisAt < 0 ? paras : paras.slice(0, basisAt)).map(unesc);
  const basis = basisAt < 0 ? undefined : paras.slice(basisAt).map(readBasis);
  const c: ReadDocument = {
    ticketNo: '',
    unitName: unesc(unitName),
    unitShort: '',
    number: unesc(number),
    date,
    ruleName: '',
    receivedDate: '',
    complainantName: '',
    respondentName: '',
    summary: '',
    basis,
  };
  const addressee = (p: string | undefined, both: boolean) => {
    const s = (p ?? '').replace(/：$/, '');
    const i = both ? s.indexOf('、') : -1;
    c.complainantName = i < 0 ? s : s.slice(0, i);
    if (i >= 0) c.respondentName = s.slice(i + 1);
  };
  const routes = (p: string | undefined) => {
    const m = /依照(.+?)的规定/.exec(p ?? '');
    if (m) c.routesCitation = m[1];
  };
  switch (kind) {
    case 'acceptance_decision': {
      addressee(main[0], false);
      const m = /^你于(.+?)提出的对(.*)的投诉（编号(.+?)），经审查，符合(.+)规定的受理条件/.exec(main[1] ?? '');
      const by = /调解期限至(.+?)止/.exec(main[2] ?? '')?.[1];
      if (!m) return null;
      Object.assign(c, { receivedDate: isoDate(m[1]!), respondentName: m[2], ticketNo: m[3], ruleName: m[4] });
      if (by && isoDate(by)) c.mediateBy = isoDate(by);
      break;
    }
    case 'decline_decision':
    case 'termination_decision': {
      addressee(main[0], kind === 'termination_decision');
      const m =
        kind === 'decline_decision'
          ? /^你于(.+?)提出的对(.*)的投诉（编号(.+?)），经审查，属于(.+?)规定的情形：([\s\S]*)。本局决定不予受理。$/.exec(
              main[1] ?? '',
            )
          : /^本局于(.+?)收到的投诉（编号(.+?)），在调解过程中出现(.+?)规定的情形：([\s\S]*)。本局决定终止调解。$/.exec(
              main[1] ?? '',
            );
      if (!m) return null;
      const [recv, no, ra, reason] = kind === 'decline_decision' ? [m[1], m[3], m[4], m[5]] : [m[1], m[2], m[3], m[4]];
      if (kind === 'decline_decision') c.respondentName = m[2]!;
      Object.assign(c, { receivedDate: isoDate(recv!), ticketNo: no, reasonText: reason }, ruleAndArticle(ra!));
      routes(main[2]);
      break;
    }
    case 'mediation_notice': {
      addressee(main[0], true);
      const m = /^本局已受理编号(.+?)的投诉/.exec(main[1] ?? '');
      if (!m) return null;
      c.ticketNo = m[1]!;
      break;
    }
    case 'mediation_agreement':
    case 'mediation_record': {
      const field = (label: string) => main.find((p) => p.startsWith(label))?.slice(label.length);
      c.complainantName = field('投诉人：') ?? '';
      c.respondentName = field('被投诉人：') ?? '';
      if (kind === 'mediation_agreement') {
        c.summary = field('争议事实：') ?? '';
        c.note = /如下协议：([\s\S]*)$/.exec(main.find((p) => p.includes('如下协议：')) ?? '')?.[1];
      } else c.note = field('调解结果：');
      break;
    }
    case 'report_result_notice': {
      addressee(main[0], false);
      const m = /^你于(.+?)提供的关于(.*)的举报线索（编号(.+?)），本局已依法核查处理。处理结果：([\s\S]*)。$/.exec(
        main[1] ?? '',
      );
      if (!m) return null;
      Object.assign(c, { receivedDate: isoDate(m[1]!), respondentName: m[2], ticketNo: m[3], outcomeText: m[4] });
      break;
    }
  }
  return c;
}

function readBasis(p: string): { citation: string; text: string; is_summary: boolean } {
  const body = p.slice('法律依据：'.length);
  const quoted = /^([\s\S]*?)规定：“([\s\S]*)”$/.exec(body);
  if (quoted) return { citation: unesc(quoted[1]!), text: unesc(quoted[2]!.replace(/<br>/g, '\n')), is_summary: false };
  const i = body.indexOf('（摘要）');
  return i < 0
    ? { citation: unesc(body), text: '', is_summary: true }
    : { citation: unesc(body.slice(0, i)), text: unesc(body.slice(i + 4)), is_summary: true };
}

const RESPONDENT_ZH = '被投诉人';
const COMPLAINANT_ZH = '投诉（举报）人';
const who = (n: string) => (n && n !== COMPLAINANT_ZH ? esc(n) : 'the complainant (reporter)');
const resp = (n: string) => (n && n !== RESPONDENT_ZH ? esc(n) : 'the respondent');
const rule = (n: string) => esc(lawEn(n) ?? citationEn(n));
/** Text a person wrote stays as written: the English copy says it is quoted, and does not translate it. */
const asWritten = (s: string) => `“${esc(s)}” (as written, in Chinese)`;
const ROUTES_39 = '《中华人民共和国消费者权益保护法》第三十九条';

const OUTCOMES_EN: [RegExp, string][] = [
  [/^经核查，已依法立案调查/, 'after verification, a case has been opened for investigation according to law'],
  [/^经核查，决定不予立案/, 'after verification, it was decided not to open a case'],
  [/^已依法处理/, 'the matter has been handled according to law'],
];
function outcomeEn(text: string): string {
  for (const [re, en] of OUTCOMES_EN) {
    const m = re.exec(text);
    if (m) {
      const rest = text.slice(m[0].length).replace(/^。/, '');
      return rest ? `${en}. Note: ${asWritten(rest)}` : en;
    }
  }
  return asWritten(text);
}

/** Where the statutory reason is written (article and rule set, in English) and the reason itself. */
function reasonParts(c: ReadDocument): { where: string; text: string } {
  const art = c.article ? articleEn(c.article) : null;
  const where = `${art ?? esc(c.article ?? '')}${art || c.article ? ' of the ' : ''}${rule(c.ruleName)}`;
  const r = reasonEn(c.reasonText);
  return { where, text: r ? esc(r) : asWritten(c.reasonText ?? '') };
}
const reason = (c: ReadDocument) => {
  const p = reasonParts(c);
  return `${p.where}: ${p.text}`;
};

function bodyEn(kind: DocumentKind, c: ReadDocument): string[] {
  const recv = dateEn(c.receivedDate);
  const no = esc(c.ticketNo);
  const routes = esc(citationEn(c.routesCitation ?? ROUTES_39));
  switch (kind) {
    case 'acceptance_decision':
      return [
        `To ${who(c.complainantName)}:`,
        `On ${recv} you lodged a complaint against ${resp(c.respondentName)} (No. ${no}). Having examined it, this authority finds that it meets the conditions for acceptance under the ${rule(c.ruleName)} and has decided to accept it.`,
        `This authority will organise mediation according to law. Mediation is voluntary. The mediation period runs until ${c.mediateBy ? dateEn(c.mediateBy) : 'the statutory time limit expires'} (time taken by verification, inspection, testing or appraisal is not counted).`,
      ];
    case 'decline_decision':
      return [
        `To ${who(c.complainantName)}:`,
        `On ${recv} you lodged a complaint against ${resp(c.respondentName)} (No. ${no}). Having examined it, this authority finds that it falls under ${reason(c)}. This authority has decided not to accept the complaint.`,
        `If you disagree with this decision, you may apply for administrative reconsideration or bring an administrative lawsuit according to law. For the consumer dispute itself you may also, under ${routes}, settle it by negotiation with the business, ask a consumer association or another lawfully established mediation organisation to mediate, apply for arbitration, or bring a lawsuit in a people’s court.`,
      ];
    case 'mediation_notice':
      return [
        `To ${who(c.complainantName)} and ${resp(c.respondentName)}:`,
        `This authority has accepted complaint No. ${no} and now organises mediation according to law. A party who considers that a mediator has an interest in the case may apply for the mediator’s withdrawal within three working days of receiving this notice.`,
      ];
    case 'termination_decision':
      return [
        `To ${who(c.complainantName)} and ${resp(c.respondentName)}:`,
        `During the mediation of complaint No. ${no}, received by this authority on ${recv}, a case provided for in ${reasonParts(c).where} arose: ${reasonParts(c).text}. This authority has decided to terminate the mediation.`,
        `The parties may resolve the dispute by other means under ${routes}.`,
      ];
    case 'mediation_agreement':
      return [
        `Complainant: ${who(c.complainantName)}`,
        `Respondent: ${resp(c.respondentName)}`,
        `Facts in dispute: ${c.summary ? asWritten(c.summary) : '—'}`,
        `Through mediation organised by this authority, the parties have voluntarily agreed as follows: ${c.note && c.note !== '（协议内容）' ? asWritten(c.note) : '(terms of the agreement)'}`,
        'This mediation agreement takes effect when both parties have signed or sealed it and this authority has affixed its seal. Each party keeps one copy and this authority keeps one.',
        'Complainant (signature): __________　　Respondent (signature/seal): __________',
      ];
    case 'mediation_record':
      return [
        `Complainant: ${who(c.complainantName)}`,
        `Respondent: ${resp(c.respondentName)}`,
        `Result of mediation: ${!c.note || c.note === '双方当场达成协议并即时履行' ? 'the parties reached an agreement on the spot and performed it at once' : asWritten(c.note)}`,
        'The parties agreed that no mediation agreement is drawn up; this record is kept on file.',
      ];
    case 'report_result_notice':
      return [
        `To ${who(c.complainantName)}:`,
        `On ${recv} you provided information reporting ${resp(c.respondentName)} (No. ${no}). This authority has verified and handled it according to law. Result: ${outcomeEn(c.outcomeText ?? '')}.`,
        'Thank you for supporting the work of market regulation. This authority keeps the information of reporters confidential according to law.',
      ];
  }
}

/** Legal basis: the article named in English; its wording is quoted in the Chinese version only (no unofficial quote). */
function basisEn(basis: ReadDocument['basis']): string[] {
  return (basis ?? []).map(
    (b) =>
      `Legal basis: ${esc(citationEn(b.citation))}${b.is_summary ? ' (summarised)' : ''}. The wording of the provision is quoted in the Chinese version of this document.`,
  );
}

export function renderDocumentEn(kind: DocumentKind, c: ReadDocument): { title: string; number: string; html: string } {
  const title = DOCUMENT_TITLES_EN[kind];
  const paras = [...bodyEn(kind, c), ...basisEn(c.basis)].map((p) => `<p>${p}</p>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} ${esc(c.number)}</title>
<style>@page{size:A4;margin:25mm 26mm}body{font-family:"Times New Roman","Liberation Serif","Noto Serif","Noto Serif CJK SC",serif;font-size:13pt;line-height:1.6;color:#000;max-width:170mm;margin:auto}
h1{font-size:18pt;text-align:center;margin:0 0 .3em}.no{text-align:center;margin-bottom:1.5em}.sign{text-align:right;margin-top:3em}
p{margin:.5em 0}.note{border:1px solid #000;padding:.4em .6em;font-size:11pt;margin:0 0 1.2em}</style></head>
<body><p class="note">${AUTHORITATIVE_NOTE_EN}</p>
<h1>${esc(c.unitName)}<br>${title}</h1><div class="no">Document No. ${esc(c.number)}</div>
${paras}
<div class="sign">${esc(c.unitName)} (seal)<br>${dateEn(c.date)}</div></body></html>`;
  return { title, number: c.number, html };
}

/** The English copy of a stored Chinese document, or null when its text is not one of our templates. */
export function englishCopy(kind: string, html: string): { title: string; html: string } | null {
  if (!(kind in DOCUMENT_TITLES_EN)) return null;
  const read = readDocument(kind as DocumentKind, html);
  return read ? renderDocumentEn(kind as DocumentKind, read) : null;
}
