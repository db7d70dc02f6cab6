/**
 * What an ODR enterprise may read of a complaint: the consumer's dispute, not that a report was made too (Order 20
 * Art. 33 — the reporter is protected, and a business must not learn it was reported). A mixed submission's report
 * part is split off at intake as its own ticket, but the complaint keeps the whole text; here the sentences and
 * clauses that report, ask for punishment or ask to keep the reporter secret are cut out. From the first such clause
 * the rest of its sentence goes (the object of "同时举报该店无证经营" runs on to the full stop).
 */
const REPORT_CUE =
  /(举报|检举|揭发|查处|处罚|罚款|立案|稽查|取缔|吊销|执法|依法处理|严肃处理|严厉打击|追究.{0,6}责任|保密|匿名|不要透露|勿透露|泄露.{0,4}信息)/;
/** the report proper (举报…) usually runs on in the next sentences until the consumer turns back to the dispute */
const REPORT_START = /(举报|检举|揭发)/;
const DISPUTE_CUE = /(退款|退货|退费|退还|赔偿|调解|维修|换货|协商|要求商家|要求该店|要求对方|返还|补偿)/;

/** sentences end at 。！？!?；; or a line break; clauses at ，,、 */
export function mediationText(text: string | null | undefined): string {
  if (!text) return '';
  const out: string[] = [];
  let inReport = false;
  for (const sentence of text.match(/[^。！？!?；;\n]*(?:[。！？!?；;\n]+|$)/g) ?? []) {
    if (!sentence) continue;
    if (inReport && !REPORT_CUE.test(sentence)) {
      if (!DISPUTE_CUE.test(sentence)) continue;
      inReport = false;
    }
    const clauses = sentence.match(/[^，,、：:]*(?:[，,、：:]+|$)/g)?.filter(Boolean) ?? [sentence];
    const cut = clauses.findIndex((c) => REPORT_CUE.test(c));
    if (cut >= 0 && REPORT_START.test(clauses.slice(cut).join(''))) inReport = true;
    if (cut < 0) {
      out.push(sentence);
      continue;
    }
    const kept = clauses
      .slice(0, cut)
      .join('')
      .replace(/[，,、：:\s]+$/, '');
    // keep the sentence's end mark so the remaining text still reads as sentences
    if (kept) out.push(kept + (/[。！？!?；;\n]$/.test(sentence) ? sentence.slice(-1) : '。'));
  }
  // mediation needs no part of an ID or card number: even the masked ends go (3101**********1234 → ******)
  return out
    .join('')
    .replace(/[0-9]{4}\*{4,}[0-9Xx]{4}/g, '******')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Whether a text still says anything about a report (the enterprise filter's own check, used by tests and guards). */
export function mentionsReport(text: string): boolean {
  return REPORT_CUE.test(text);
}
