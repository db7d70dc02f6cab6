/**
 * Tokenisation for Chinese, English and mixed text: jieba words (with the domain dictionary) for CJK runs,
 * lower-cased alphanumeric words with light stemming for Latin runs, and character n-grams for robustness.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictBytes } from './lexicon.js';
import { isCjk, maskPlaceholders, normalize } from './normalize.js';

let jieba: Jieba | undefined;
/** One shared jieba instance (loading the dictionary takes ~0.3 s). */
export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(domainDictBytes());
  }
  return jieba;
}

const EN_STOP = new Set(
  'a an the and or of to in on for at by with from is are was were be been being it its this that these those i me my we our you your he she they them their his her as not no but if so than then there here have has had do does did will would can could should may might must about into over after before up down out very just also all any some such only own same other more most which who whom what when where why how xx xxxx'.split(
    ' ',
  ),
);
const ZH_STOP = new Set(
  '的 了 是 在 我 有 和 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那 他 她 它 们 我们 吧 啊 呢 吗 哦 嗯 与 及 或 等 对 把 被 让 给 从 而 但 又 还 再 才 已 已经 这个 那个 就是 因为 所以 如果 然后'.split(
    ' ',
  ),
);

/** Very light English stemmer: plural and common suffixes, enough to merge "charges/charged/charging". */
function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export interface TokenizeOptions {
  /** drop stop words (default true) */
  stop?: boolean;
}

/**
 * Words of a text. Input is normalised first (any string is accepted). CJK runs go through jieba; Latin/digit runs are
 * split on non-alphanumerics; punctuation and emoji are dropped; masks become '▢' and are dropped.
 */
export function tokenize(text: string | null | undefined, opts: TokenizeOptions = {}): string[] {
  const s = maskPlaceholders(normalize(text));
  if (!s) return [];
  const stop = opts.stop ?? true;
  const out: string[] = [];
  // one native call for the whole text: jieba splits punctuation and Latin runs itself (per-run calls cost more in
  // N-API overhead than the segmentation)
  for (const tok of getJieba().cut(s, true)) {
    const c0 = tok.charCodeAt(0);
    if (isCjk(c0)) {
      if (!stop || !ZH_STOP.has(tok)) out.push(tok);
      continue;
    }
    if (!((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x30 && c0 <= 0x39))) {
      // mixed tokens like "4s店" start with a digit/letter; punctuation, spaces, emoji and masks are dropped
      if (/^[\p{L}\p{N}]/u.test(tok) && !tok.includes('▢')) out.push(tok);
      continue;
    }
    let w = tok.replace(/'s?$/, '');
    if (!w) continue;
    if (/^\d+$/.test(w))
      w = w.length > 4 ? '#num' : w; // long digit strings are ids/phones: one token
    else if (/^[a-z0-9']+$/.test(w)) {
      if (stop && EN_STOP.has(w)) continue;
      w = stem(w);
    }
    out.push(w);
  }
  return out;
}

/** Character n-grams (n in [minN, maxN]) over the normalised text with spaces/punctuation removed, per script run.
 * Latin text contributes word-bounded n-grams so English is handled too. */
export function charNgrams(text: string, minN: number, maxN: number, out: string[] = []): string[] {
  const s = normalize(text);
  // keep letters/digits/CJK; everything else is a boundary
  const runs = s.split(/[^\p{L}\p{N}]+/u);
  for (const run of runs) {
    if (!run) continue;
    const chars = [...run];
    const L = chars.length;
    const padded = isCjk(run.charCodeAt(0)) ? chars : ['<', ...chars, '>'];
    const P = padded.length;
    for (let k = minN; k <= maxN; k++) {
      if (L < k && k > 1) {
        if (k === minN && L < minN) out.push(run);
        continue;
      }
      for (let a = 0; a + k <= P; a++) out.push(padded.slice(a, a + k).join(''));
    }
  }
  return out;
}
