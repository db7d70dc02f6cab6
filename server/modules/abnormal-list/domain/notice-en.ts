/**
 * The English reading copy of the 一次性告知书. It carries the same number and verification code (the appeal portal
 * takes them as printed) and the same facts; the Chinese notice stays the one that is served and counts. Criteria are
 * named in English (shared/analysis-labels.ts); the evidence is the English sentence the criterion wrote from the same
 * facts (numbers, dates, ticket numbers). Entries stored before criteria wrote English have only the Chinese record:
 * it is shown as recorded rather than paraphrased — it is what an appeal will be reviewed against.
 */
import { CRITERIA_LABELS } from '../../../../shared/analysis-labels.js';
import { AUTHORITATIVE_NOTE_EN, basisEn, citationEn, dateEn } from '../../../../shared/legal-en.js';
import { noticeNumber, verificationCode, type NoticeContext } from './notice.js';
import { escapeHtml } from '../../../../shared/html.js';

const esc = escapeHtml;
const BY_ZH = new Map(Object.values(CRITERIA_LABELS).map(([zh, en]) => [zh, en]));
const RULES = '《市场监督管理投诉举报处理暂行办法》';

/** A criterion's English name: by its code, else by its Chinese name; an unknown one is shown as written. */
export function criterionEn(c: { code?: string; label: string }): string {
  return (c.code ? CRITERIA_LABELS[c.code]?.[1] : undefined) ?? BY_ZH.get(c.label) ?? `${c.label} (in Chinese)`;
}

export { basisEn };

export function renderNoticeEn(c: NoticeContext): { title: string; number: string; code: string; html: string } {
  const number = noticeNumber(c.entryId, c.date);
  const code = verificationCode(c.entryId, c.personKey);
  const title = 'One-time Notice of Listing in the Register of Abnormal Complaints and Reports';
  const crit = c.criteria
    .map(
      (x) =>
        `<li><b>${esc(criterionEn(x))}</b>: ${x.evidence_en ? esc(x.evidence_en) : `${esc(x.evidence)} <i>(evidence as recorded)</i>`}</li>`,
    )
    .join('');
  const basis = c.legalBasis ? esc(basisEn(c.legalBasis)) : 'the applicable rules';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>@page{size:A4;margin:25mm 20mm}body{font-family:"Times New Roman","Liberation Serif","Noto Serif","Noto Serif CJK SC",serif;font-size:13pt;line-height:1.6}h1{text-align:center;font-size:18pt}.no{text-align:center}.sign{text-align:right;margin-top:2em}li{margin:.3em 0}.note{border:1px solid #000;padding:.4em .6em;font-size:11pt}</style></head><body>
<p class="note">${AUTHORITATIVE_NOTE_EN}</p>
<h1>${title}</h1><p class="no">Notice No. ${esc(number)}</p>
<p>To ${esc(c.displayName)}:</p>
<p>After review, your complaints and reports meet the criteria below. Under ${basis}, this authority has decided to list you in the register of abnormal complaints and reports until ${dateEn(c.expiresOn)}:</p>
<ol>${crit}</ol>
<p>While you are listed, this authority will decide not to accept a complaint you file under ${esc(citationEn(`${RULES}第十五条第三项`))}, or terminate its mediation under ${esc(citationEn(`${RULES}第二十一条第一款第六项`))}, and will tell you so within seven working days. Leads on illegal conduct in the reports you file will still be verified and handled according to law.</p>
<p>This notice is served once only. If you object to the listing, you may appeal after receiving it through the “Appeal” (申诉) entry of the 12315 platform, with the notice number and the verification code <b>${code}</b>, giving your reasons and supporting material; this authority will review the listing and tell you the result.</p>
<p class="sign">Administration for Market Regulation<br>${dateEn(c.date)}</p></body></html>`;
  return { title, number, code, html };
}
