/**
 * The bilingual error catalog, checked two ways: messageFor never mixes languages, and every message written in the
 * server's modules (the ones a browser can meet) carries both texts — `{ zh, en }` with an English side free of Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError, ENGLISH_BY_CODE, ERROR_CODES, hasCjk, messageFor, requestLocale } from './errors.js';

/** Files another change is rewriting (the monthly report): their refusals fall back to English by code meanwhile. */
const NOT_YET = new Set(['server/modules/analytics/http/report.ts']);
const ROOTS = ['server/modules', 'server/platform/http', 'server/platform/db'];
const files = (d: string): string[] =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

/** Where the string literal starting at i ends (quotes, and template literals with their interpolations). */
function literalEnd(src: string, i: number): number {
  const q = src[i]!;
  let depth = 0;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j]!;
    if (c === '\\') j++;
    else if (q === '`' && src.startsWith('${', j)) (depth++, j++);
    else if (q === '`' && depth && c === '}') depth--;
    else if (c === q && !depth) return j;
  }
  return src.length;
}

/** The second argument of every fail(…)/new DomainError(…) call: the code up to the message's end, roughly. */
function messageArgs(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?<![\w.])(?:fail|DomainError)\(/g)) {
    let i = m.index! + m[0].length;
    let depth = 0;
    // skip the code argument
    for (; i < src.length; i++) {
      const c = src[i]!;
      if (`'"\``.includes(c)) i = literalEnd(src, i);
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ',' && depth === 0) break;
    }
    const start = ++i;
    depth = 0;
    for (; i < src.length; i++) {
      const c = src[i]!;
      if (`'"\``.includes(c)) i = literalEnd(src, i);
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    out.push(src.slice(start, i).trim());
  }
  return out;
}

describe('every error message a module writes has both languages', () => {
  const all = ROOTS.flatMap(files).flatMap((f) => messageArgs(readFileSync(f, 'utf8')).map((a) => [f, a] as const));

  it('finds the call sites (the scan itself works)', () => {
    expect(all.length).toBeGreaterThan(200);
  });

  it('a Chinese literal is never thrown alone: it comes as { zh, en }', () => {
    const alone = all
      .filter(([f, a]) => /^['"`]/.test(a) && hasCjk(a) && !NOT_YET.has(f))
      .map(([f, a]) => `${f}: ${a.slice(0, 60)}`);
    expect(alone).toEqual([]);
  });

  it('each { zh, en } pair has a Chinese side and an English side without Chinese', () => {
    const pairs = all.filter(([, a]) => a.startsWith('{') && /\bzh:/.test(a));
    expect(pairs.length).toBeGreaterThan(180);
    for (const [f, a] of pairs) {
      const en = /\ben:\s*(['"`])([\s\S]*?)\1\s*,?\s*}$/.exec(a);
      expect(en, `${f}: ${a.slice(0, 80)}`).not.toBeNull();
      // the interpolations may carry user input; the words around them must be English
      const words = en![2]!.replace(/\$\{[^}]*\}/g, '');
      expect(hasCjk(words), `${f}: ${words}`).toBe(false);
      expect(hasCjk(/\bzh:\s*(['"`])([\s\S]*?)\1/.exec(a)?.[2] ?? ''), `${f}: zh side`).toBe(true);
    }
  });
});

describe('messageFor', () => {
  it('gives the Chinese in a Chinese session and the English in an English one', () => {
    const e = new DomainError('not_found', { zh: '没有该用户', en: 'No such user.' });
    expect(e.message).toBe('没有该用户');
    expect(messageFor(e, 'zh')).toBe('没有该用户');
    expect(messageFor(e, 'en')).toBe('No such user.');
  });
  it('falls back to English by code for a Chinese-only message, and keeps an English-only one', () => {
    expect(messageFor(new DomainError('conflict', '工单已被他人修改'), 'en')).toBe(ENGLISH_BY_CODE.conflict);
    expect(messageFor(new DomainError('invalid_input', 'dims: 1 to 4 dimensions'), 'en')).toBe(
      'dims: 1 to 4 dimensions',
    );
  });
  it('has an English fallback for every code, with no Chinese in it', () => {
    for (const c of [...Object.keys(ERROR_CODES), 'internal'] as (keyof typeof ENGLISH_BY_CODE)[]) {
      expect(ENGLISH_BY_CODE[c]).toBeTruthy();
      expect(hasCjk(ENGLISH_BY_CODE[c])).toBe(false);
    }
  });
  it('reads the locale only from the header the web client sends', () => {
    expect(requestLocale({ 'x-xiezhi-locale': 'en' })).toBe('en');
    expect(requestLocale({ 'x-xiezhi-locale': 'zh' })).toBe('zh');
    expect(requestLocale({ 'accept-language': 'en-US,en;q=0.9' })).toBe('zh');
  });
});
