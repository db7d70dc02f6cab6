/**
 * 一次性告知书: the one document a listed person receives (岳市监〔2024〕16号 四): that they are listed, on which
 * criteria and evidence, with what consequence (complaints handled in simplified form, reports still verified), for
 * how long, and how to appeal — through the public portal with the notice's number and its verification code.
 * The code derives from the entry and the person's keyed hash, so the number alone (printed on paper) is not enough.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../../../shared/html.js';
import { chineseDate } from '../../../../shared/dates.js';

export interface NoticeContext {
  entryId: string;
  personKey: string;
  date: string;
  displayName: string;
  legalBasis: string;
  expiresOn: string;
  /** code: the catalog's criterion code, so the English copy can name it */
  /** evidence_en: the English evidence (criteria-en.ts), which the English reading copy shows where it exists */
  criteria: { code?: string; label: string; evidence: string; evidence_en?: string }[];
}

const esc = escapeHtml;
const cnDate = chineseDate;

/** e.g. 市监异告〔2026〕3F9A21C0号: year of the notice, the entry id's first 8 hex digits. */
export function noticeNumber(entryId: string, date: string): string {
  return `市监异告〔${date.slice(0, 4)}〕${entryId.replace(/-/g, '').slice(0, 8).toUpperCase()}号`;
}
/** The 8 hex digits of the entry id that a notice number carries, or null when it is not one. */
export function entryPrefixOf(no: string): string | null {
  const m = /^市监异告〔\d{4}〕([0-9A-F]{8})号$/.exec(no.trim().toUpperCase().replace(/\s/g, ''));
  return m ? m[1]!.toLowerCase() : null;
}
export function verificationCode(entryId: string, personKey: string): string {
  return String(
    parseInt(createHash('sha256').update(`${entryId}|${personKey}|notice`).digest('hex').slice(0, 10), 16) % 1_000_000,
  ).padStart(6, '0');
}

export function renderNotice(c: NoticeContext): { title: string; number: string; code: string; html: string } {
  const number = noticeNumber(c.entryId, c.date);
  const code = verificationCode(c.entryId, c.personKey);
  const title = '投诉举报异常名录一次性告知书';
  const crit = c.criteria.map((x) => `<li><b>${esc(x.label)}</b>：${esc(x.evidence)}</li>`).join('');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>@page{size:A4;margin:25mm 20mm}body{font-family:"FangSong","仿宋","STFangsong",serif;font-size:16pt;line-height:1.8}h1{text-align:center;font-family:"SimSun","宋体",serif;font-size:22pt}.no{text-align:center}.sign{text-align:right;margin-top:2em}li{margin:.3em 0}</style></head><body>
<h1>${title}</h1><p class="no">${esc(number)}</p>
<p>${esc(c.displayName)}：</p>
<p>经审核，你的投诉举报行为符合下列情形，依据${esc(c.legalBasis)}，本局决定将你列入投诉举报异常名录，有效期至${cnDate(c.expiresOn)}：</p>
<ol>${crit}</ol>
<p>列入期间，你提出的投诉，本局将依据《市场监督管理投诉举报处理暂行办法》第十五条第三项决定不予受理，或依据第二十一条第一款第六项终止调解，并在七个工作日内告知；你提出的举报中反映的违法线索，本局仍将依法核查处理。</p>
<p>本告知仅送达一次。如对列入决定有异议，可在收到本告知书后通过12315平台“申诉”入口，凭告知书编号和验证码 <b>${code}</b> 提出申诉，写明理由并提供材料；本局将复核并告知结果。</p>
<p class="sign">市场监督管理局<br>${cnDate(c.date)}</p></body></html>`;
  return { title, number, code, html };
}
