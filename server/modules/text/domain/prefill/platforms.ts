/** Platforms and national brands as consumers write them (拼多多, 天猫超市, 美团 …), from the lexicon's aliases. */
import { PLATFORMS } from '../lexicon.js';
import type { Hit } from './hit.js';

const PLATFORM_ALIASES: [string, string][] = Object.entries(PLATFORMS)
  .flatMap(([name, aliases]) => aliases.map((a) => [a, name] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);
const PLATFORM_RE = new RegExp(PLATFORM_ALIASES.map(([a]) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
export const PLATFORM_OF = new Map(PLATFORM_ALIASES);

export function platforms(s: string): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of s.matchAll(PLATFORM_RE)) {
    // "苏宁" inside a longer shop name, or "微信" as a way to contact, are weaker signals
    const name = PLATFORM_OF.get(m[0])!;
    const weak = name === '微信' || name === '阿里巴巴';
    out.push({ value: name, start: m.index!, end: m.index! + m[0].length, confidence: weak ? 0.5 : 0.9 });
  }
  return out;
}
