/**
 * Names a topic alert as a person would say it. The detector watches character bigrams (robust and fast), but a
 * bigram is often a fragment of a word (阿特 of 阿特兹, 注具 of 注射器具): on screen the alert must say the word
 * or short phrase that the evidence texts actually share. The label is chosen from the evidence: the jieba word that
 * covers the bigram in most texts, extended by its neighbour word when most of those texts say the same phrase
 * (车身 → 车身异响).
 */
import { getJieba } from '../../text/index.js';

const STOP = new Set(
  '特此 关于 有关 相关 部门 处理 尽快 的 了 是 在 我 有 和 就 不 都 也 很 到 说 要 去 你 会 着 没有 看 这 那 他 她 它 我们 与 及 或 等 对 把 被 让 给 从 而 但 又 还 再 才 已 已经 问题 投诉 希望 要求 解决 严重 一直 现在 目前 请求 反映 这个 那个 一个 这种 那种 这家 那家 该 此 本 本人 商家 店家 客服 消费者 东西 购买 订单'.split(
    ' ',
  ),
);
// …and the units of a date or time (3月5日在天猫平台 → 天猫平台, never 日在天猫平台)
const DANGLING = new Set(
  '只个些被要能会可再将把让给向对从在于以及和与或而且但就都也还又才已很太更最年月日号时分秒跟没人'.split(''),
);
const isHan = (w: string) => /^[\u4e00-\u9fa5A-Za-z0-9]+$/u.test(w) && /[\u4e00-\u9fa5]/u.test(w);

/**
 * The phrase that carries `kw` in most of `texts`: the bigram is grown one character at a time to the left and the
 * right while at least `support` of the texts that contain it still contain the longer string (阿特 → 阿特兹,
 * 异响 → 车身异响), then loose function characters are trimmed from its ends. What comes out is a piece of what the
 * complainants wrote, so it reads as their words, not as a fragment.
 */
export function wordFor(kw: string, texts: string[], support = 0.6, maxLen = 10): string {
  const docs = texts.map((t) => t.normalize('NFKC')).filter((t) => t.includes(kw));
  if (!docs.length) return kw;
  const need = Math.max(2, Math.ceil(support * docs.length));
  const count = (p: string) => {
    let n = 0;
    for (const d of docs) if (d.includes(p)) n++;
    return n;
  };
  let cur = kw;
  for (let guard = 0; guard < maxLen && cur.length < maxLen; guard++) {
    // the most common one-character extension on either side
    const ext = new Map<string, number>();
    for (const d of docs) {
      const seen = new Set<string>();
      for (let i = d.indexOf(cur); i >= 0; i = d.indexOf(cur, i + 1)) {
        const l = d[i - 1];
        const r = d[i + cur.length];
        if (l && isHan(l)) seen.add(l + cur);
        if (r && isHan(r)) seen.add(cur + r);
      }
      for (const x of seen) ext.set(x, (ext.get(x) ?? 0) + 1);
    }
    const best = [...ext].sort((x, y) => y[1] - x[1])[0];
    if (!best || best[1] < need) break;
    cur = best[0];
  }
  cur = snapToWords(cur, kw, docs);
  // end on word boundaries: no dangling character (…车位只) and no leading verb (反映…)
  const ws = getJieba().cut(cur, false);
  const loose = (w: string) => STOP.has(w) || (w.length === 1 && DANGLING.has(w));
  while (ws.length > 1 && loose(ws[ws.length - 1]!)) ws.pop();
  while (ws.length > 1 && loose(ws[0]!)) ws.shift();
  // Trim at word boundaries only: 给予举报奖励 keeps its 给, 要求十倍赔偿 loses the whole 要求 (never 求十倍赔偿). jieba
  // may still glue a loose character to an unknown word (个充 电宝): it goes when the rest reads as a longer word.
  let out = ws.join('');
  const cut = (x: string) => getJieba().cut(x, false);
  if (out.length > 2 && DANGLING.has(out[0]!) && ws[0]!.length === 2 && cut(out.slice(1))[0]!.length > 1)
    out = out.slice(1);
  if (
    out.length > 2 &&
    DANGLING.has(out[out.length - 1]!) &&
    ws[ws.length - 1]!.length === 2 &&
    cut(out.slice(0, -1)).at(-1)!.length > 1
  )
    out = out.slice(0, -1);
  return out.length >= 2 ? out : cur;
}

/**
 * The grown string starts and ends wherever the texts stop agreeing, often inside a word (经是第二次出现 of 已经是…,
 * 品添加剂未标注具体名 of 食品添加剂未标注具体名称). Cut a text that holds it into words and keep only the words
 * wholly inside it; if that loses the keyword, take the whole words that cover it instead.
 */
function snapToWords(cur: string, kw: string, docs: string[]): string {
  const d = docs.find((x) => x.includes(cur));
  if (!d) return cur;
  const i = d.indexOf(cur),
    j = i + cur.length;
  const lo = Math.max(0, i - 12),
    hi = Math.min(d.length, j + 12);
  const spans: [number, number][] = [];
  let at = lo;
  for (const w of getJieba().cut(d.slice(lo, hi), false)) {
    spans.push([at, at + w.length]);
    at += w.length;
  }
  const inside = spans.filter(([a, b]) => a >= i && b <= j);
  if (inside.length) {
    const t = d.slice(inside[0]![0], inside[inside.length - 1]![1]);
    if (t.includes(kw)) return t;
  }
  const cover = spans.filter(([a, b]) => b > i && a < j);
  return cover.length ? d.slice(cover[0]![0], cover[cover.length - 1]![1]) : cur;
}

/** Words that say nothing of what a complaint is about: a label made only of them is no topic. */
const FILLER = new Set(
  '后来 当时 时候 还说 找过 说好 之后 之前 以后 然后 结果 一下 一次 二次 第二次 几次 多次 好几 还有 只有 已经 出现 发现 知道 觉得 表示 告诉 没 跟 过 人 店员 工作人员 联系 电话 打电话'.split(
    ' ',
  ),
);
const contentful = (w: string): boolean =>
  getJieba()
    .cut(w, false)
    .some((x) => x.length >= 2 && !STOP.has(x) && !FILLER.has(x));
/** Two labels that share a run of ≥ 4 characters are the same phrase seen through shifted windows. */
function overlaps(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  for (let k = 0; k + 4 <= s.length; k++) if (l.includes(s.slice(k, k + 4))) return true;
  return false;
}

/**
 * A label for a topic event: the words of its keywords, most frequent first, duplicates and words contained in
 * another dropped ("阿特兹 车身异响", not "阿特 车身 身多").
 */
export function topicLabel(keywords: string[], texts: string[], max = 3): string {
  const ws: string[] = [];
  const norm = texts.map((t) => t.normalize('NFKC'));
  for (const kw of keywords) {
    if (STOP.has(kw)) continue;
    // a keyword in few of the evidence texts is not what the event is about
    if (keywords.length > 1 && norm.filter((t) => t.includes(kw)).length < 0.3 * norm.length) continue;
    const w = wordFor(kw, texts);
    if (w.length < 2 || STOP.has(w)) continue;
    // a bare bigram must be a word of its own (车机), never a fragment (注具, 动续)
    if (w === kw && /[\u4e00-\u9fa5]/u.test(w) && getJieba().cut(w, false).length > 1) continue;
    if (!contentful(w)) continue;
    if (ws.some((x) => x.includes(w) || overlaps(x, w))) continue;
    for (let i = ws.length - 1; i >= 0; i--) if (w.includes(ws[i]!)) ws.splice(i, 1);
    ws.push(w);
  }
  // '' when nothing reads as words of their own: boilerplate (特此投诉) or fragments; the engine raises no topic alert
  return ws.slice(0, max).join(' ');
}
