/**
 * Distant supervision: a bureau's past tickets record the business (respondent.name, labels.business) and the product
 * (labels.series, labels.product_name) that officers confirmed. Found back in the text, they become span labels for
 * the tagger — no one annotates by hand. A name is found by its registry keys (全称, without legal form, without place)
 * or, failing that, by the longest piece of it (≥ 2 characters, not a generic word) that the text contains:
 * 一汽-大众 is written 大众, 曲美家居官方微博 is written 曲美.
 */
import { normalizeKeepOffsets } from '../normalize.js';
import { matchNames, nameKey, registryKeys, type BusinessMatcher } from './business.js';
import type { SpanKind, TaggedExample } from './tagger.js';

/** Text as the tagger sees it: the pre-fill normalisation, ASCII lower-cased (same length as the input). */
export function taggerText(raw: string): string {
  return normalizeKeepOffsets(raw).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const GENERIC = new Set([
  '汽车',
  '集团',
  '公司',
  '有限',
  '股份',
  '家居',
  '家具',
  '装饰',
  '整装',
  '家装',
  '官方',
  '微博',
  '新能源',
  '进口',
  '客户',
  '服务',
  '中心',
  '整体',
  '科技',
  '乘用车',
  '中国',
  '北京',
  '上海',
  '天津',
  '广州',
  '深圳',
  '电子',
  '商务',
  '网络',
  '信息',
  '技术',
  '投诉',
  '售后',
]);
const EN_TAIL =
  /(?:,?\s*(?:inc\.?|llc|l\.l\.c\.|corp\.?|corporation|company|co\.|n\.a\.|national association|holdings?|group|financial services|financial|services|intermediate|solutions|bank usa|usa|& co\.?|plc|lp|ltd\.?))+$/;

/** The strings by which `name` is looked for in a text, best first. */
export function nameVariants(name: string): string[] {
  const k = nameKey(name);
  if (/^[\x20-\x7e]+$/.test(k)) {
    let s = k.replace(/[.,]+$/, '');
    for (let i = 0; i < 4; i++) s = s.replace(EN_TAIL, '').trim();
    const words = s.split(/\s+/).filter(Boolean);
    const out = new Set<string>([s]);
    if (words.length > 2) out.add(words.slice(0, 2).join(' '));
    if (
      words[0] &&
      words[0].length >= 4 &&
      !/^(?:the|first|american|national|bank|credit|united|home|world|global|central)$/.test(words[0])
    )
      out.add(words[0]);
    return [...out].filter((x) => x.length >= 3);
  }
  return registryKeys(name).sort((a, b) => b.length - a.length);
}

/** Every maximal piece of `name` (≥ 2 chars, not a generic word) that `text` contains, longest first, no overlaps:
 * 曲美家居官方微博 in "曲美家居的柜子…曲美售后" → both 曲美家居 and 曲美. */
function pieces(name: string, text: string, taken: [number, number][]): [number, number][] {
  const k = nameKey(name)
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[·・,，.。、\-—\s]/g, '');
  const out: [number, number][] = [];
  for (let len = Math.min(k.length, 12); len >= 2; len--) {
    for (let a = 0; a + len <= k.length; a++) {
      const p = k.slice(a, a + len);
      if (GENERIC.has(p) || /^[\d\s]+$/.test(p)) continue;
      for (const [x, y] of occurrences(text, p)) {
        if (taken.some(([u, v]) => x < v && y > u) || out.some(([u, v]) => x < v && y > u)) continue;
        out.push([x, y]);
      }
    }
  }
  return out;
}

function occurrences(text: string, p: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) out.push([i, i + p.length]);
  return out;
}

/** Where the business named `name` appears in `text` (normalised): every occurrence of its registry keys, then (for
 * Chinese names, unless `allowPiece` is false) of its maximal pieces. */
export function locateName(name: string, text: string, allowPiece = true): [number, number][] {
  const out: [number, number][] = [];
  for (const v of nameVariants(name))
    for (const [x, y] of occurrences(text, v)) if (!out.some(([u, w]) => x < w && y > u)) out.push([x, y]);
  if (allowPiece && !/^[\x20-\x7e]+$/.test(name)) out.push(...pieces(name, text, out));
  return out.sort((a, b) => a[0] - b[0]);
}

export interface HistoryTicket {
  text?: string | null;
  title?: string | null;
  respondent?: { name?: string | null } | null;
  labels?: Record<string, string | undefined> | null;
}

/** Lexicon/registry hint per position (1 begins, 2 continues a name) — the tagger learns how far to trust them. */
export function hintsFor(text: string, m: BusinessMatcher | undefined): Uint8Array | undefined {
  if (!m) return undefined;
  const h = new Uint8Array(text.length);
  for (const x of matchNames(text, m)) for (let i = x.start; i < x.end; i++) h[i] = i === x.start ? 1 : 2;
  return h;
}

/**
 * Span-labelled examples from history tickets: one for the text and one for the title (each only when it contains a
 * confirmed value; a text that names nothing teaches nothing about where names are). `maxChars` bounds long texts.
 */
export function distantExamples(
  tickets: Iterable<HistoryTicket>,
  o: { matcher?: BusinessMatcher; maxChars?: number } = {},
): { examples: TaggedExample[]; used: number; seen: number } {
  const examples: TaggedExample[] = [];
  let used = 0;
  let seen = 0;
  const max = o.maxChars ?? 600;
  for (const t of tickets) {
    seen++;
    const names = [t.respondent?.name, t.labels?.business].filter((x): x is string => !!x && x.length >= 2);
    const products = [t.labels?.series, t.labels?.product_name].filter((x): x is string => !!x && x.length >= 2);
    let any = false;
    for (const raw of [t.title, t.text]) {
      if (!raw) continue;
      const text = taggerText(raw.length > max ? raw.slice(0, max) : raw);
      const spans: { start: number; end: number; kind: SpanKind }[] = [];
      const free = (a: number, b: number) => !spans.some((s) => a < s.end && b > s.start);
      for (const n of names)
        for (const [a, b] of locateName(n, text)) if (free(a, b)) spans.push({ start: a, end: b, kind: 'BIZ' });
      for (const p of products)
        for (const [a, b] of occurrences(text, nameKey(p)))
          if (free(a, b)) spans.push({ start: a, end: b, kind: 'PRD' });
      if (!spans.length) continue;
      any = true;
      examples.push({ text, spans, hint: hintsFor(text, o.matcher) });
    }
    if (any) used++;
  }
  return { examples, used, seen };
}
