/**
 * Decision documents (文书) generated from templates: printable HTML (A4, 仿宋/宋体), one per workflow decision.
 * Forms follow the reported 12315 文书式样 (DOMAIN.md §1.8, unverified set): the wording is configuration-grade text,
 * the legal references come from the rule set in force for the ticket.
 */
import { DOCUMENT_TITLES, type DocumentKind } from './actions.js';
import { escapeHtml } from '../../../../shared/html.js';
import { chineseDate } from '../../../../shared/dates.js';

export interface DocumentContext {
  ticketNo: string;
  unitName: string;
  /** e.g. '松江' — used in the document number */
  unitShort: string;
  date: string;
  ruleName: string;
  receivedDate: string;
  complainantName: string;
  respondentName: string;
  summary: string;
  reasonText?: string;
  article?: string;
  note?: string;
  mediateBy?: string;
  outcomeText?: string;
  /** the articles the decision rests on, from the legal-basis library (quoted, or marked 摘要 when summarised) */
  basis?: { citation: string; text: string; is_summary: boolean }[];
  /** the library's citation of 消费者权益保护法 第三十九条 (the built-in one otherwise) */
  routesCitation?: string;
}

const ROUTES_39 = '《中华人民共和国消费者权益保护法》第三十九条';

const ABBR: Record<DocumentKind, string> = {
  acceptance_decision: '诉受',
  decline_decision: '诉不受',
  mediation_notice: '调通',
  termination_decision: '终调',
  mediation_agreement: '调书',
  mediation_record: '调记',
  report_result_notice: '举告',
};

const esc = escapeHtml;
const cnDate = chineseDate;

export function documentNumber(
  kind: DocumentKind,
  c: Pick<DocumentContext, 'unitShort' | 'date' | 'ticketNo'>,
): string {
  return `${c.unitShort}市监${ABBR[kind]}〔${c.date.slice(0, 4)}〕${c.ticketNo.replace(/\D/g, '').slice(-8)}号`;
}

function body(kind: DocumentKind, c: DocumentContext): string[] {
  const who = esc(c.complainantName);
  const resp = esc(c.respondentName || '被投诉人');
  const recv = cnDate(c.receivedDate);
  switch (kind) {
    case 'acceptance_decision':
      return [
        `${who}：`,
        `你于${recv}提出的对${resp}的投诉（编号${esc(c.ticketNo)}），经审查，符合${esc(c.ruleName)}规定的受理条件，本局决定予以受理。`,
        `本局将依法组织调解。调解遵循自愿原则，调解期限至${c.mediateBy ? cnDate(c.mediateBy) : '法定期限届满'}止（检定、检验、检测、鉴定时间不计入）。`,
      ];
    case 'decline_decision':
      return [
        `${who}：`,
        `你于${recv}提出的对${resp}的投诉（编号${esc(c.ticketNo)}），经审查，属于${esc(c.ruleName)}${esc(c.article ?? '')}规定的情形：${esc(c.reasonText ?? '')}。本局决定不予受理。`,
        `如对本决定不服，可依法申请行政复议或者提起行政诉讼；对于消费者权益争议，也可以依照${esc(c.routesCitation ?? ROUTES_39)}的规定，通过与经营者协商和解、请求消费者协会或者依法成立的其他调解组织调解、提请仲裁或者向人民法院提起诉讼等途径解决。`,
      ];
    case 'mediation_notice':
      return [
        `${who}、${resp}：`,
        `本局已受理编号${esc(c.ticketNo)}的投诉，现依法组织调解。双方如认为调解人员与本案有利害关系，可在收到本通知之日起三个工作日内申请回避。`,
      ];
    case 'termination_decision':
      return [
        `${who}、${resp}：`,
        `本局于${recv}收到的投诉（编号${esc(c.ticketNo)}），在调解过程中出现${esc(c.ruleName)}${esc(c.article ?? '')}规定的情形：${esc(c.reasonText ?? '')}。本局决定终止调解。`,
        `当事人可以依照${esc(c.routesCitation ?? ROUTES_39)}的规定，通过其他途径解决争议。`,
      ];
    case 'mediation_agreement':
      return [
        `投诉人：${who}`,
        `被投诉人：${resp}`,
        `争议事实：${esc(c.summary)}`,
        `经本局组织调解，双方自愿达成如下协议：${esc(c.note ?? '（协议内容）')}`,
        '本调解书由双方当事人签名或者盖章，经本局加盖印章后生效，双方各执一份，本局留存一份。',
        '投诉人（签名）：__________　　被投诉人（签名/盖章）：__________',
      ];
    case 'mediation_record':
      return [
        `投诉人：${who}`,
        `被投诉人：${resp}`,
        `调解结果：${esc(c.note ?? '双方当场达成协议并即时履行')}`,
        '双方同意不制作调解书，本记录存档备查。',
      ];
    case 'report_result_notice':
      return [
        `${who}：`,
        `你于${recv}提供的关于${resp}的举报线索（编号${esc(c.ticketNo)}），本局已依法核查处理。处理结果：${esc(c.outcomeText ?? '')}。`,
        '感谢你对市场监管工作的支持。本局将依法对举报人信息予以保密。',
      ];
  }
}

/** 法律依据 after the body: a verbatim article in quotes, a summarised one marked as such (never posing as a quote). */
function basisParagraphs(basis: DocumentContext['basis']): string[] {
  return (basis ?? []).map((b) =>
    b.is_summary
      ? `法律依据：${esc(b.citation)}（摘要）${esc(b.text.replace(/（摘要[^）]*）/g, ''))}`
      : `法律依据：${esc(b.citation)}规定：“${esc(b.text).replace(/\n/g, '<br>')}”`,
  );
}

export function renderDocument(
  kind: DocumentKind,
  c: DocumentContext,
): { title: string; number: string; html: string } {
  const title = DOCUMENT_TITLES[kind];
  const number = documentNumber(kind, c);
  const paras = [...body(kind, c), ...basisParagraphs(c.basis)].map((p) => `<p>${p}</p>`).join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title} ${esc(number)}</title>
<style>@page{size:A4;margin:25mm 26mm}body{font-family:"FangSong","仿宋","Noto Serif CJK SC","SimSun",serif;font-size:16pt;line-height:1.8;color:#000;max-width:170mm;margin:auto}
h1{font-family:"SimSun","Noto Serif CJK SC",serif;font-size:22pt;text-align:center;letter-spacing:.2em;margin:0 0 .3em}
.no{text-align:center;margin-bottom:1.5em}.sign{text-align:right;margin-top:3em}p{text-indent:2em;margin:.4em 0}p:first-of-type{text-indent:0}</style></head>
<body><h1>${esc(c.unitName)}<br>${title}</h1><div class="no">${esc(number)}</div>
${paras}
<div class="sign">${esc(c.unitName)}（印章）<br>${cnDate(c.date)}</div></body></html>`;
  return { title, number, html };
}
