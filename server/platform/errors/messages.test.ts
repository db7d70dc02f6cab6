/**
 * The bilingual error catalog, checked two ways: messageFor never mixes languages, and every message written in the
 * server's modules (the ones a browser can meet) carries both texts — `{ zh, en }` with an English side free of Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError, ENGLISH_BY_CODE, ERROR_CODES, hasCjk, messageFor, requestLocale } from './errors.js';

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

/**
 * The second argument of every fail(…)/new DomainError(…) call — and of the refusal helpers `no(code, message)` the
 * domain rules build their verdicts with: the code up to the message's end, roughly.
 */
function messageArgs(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?<![\w.])(?:fail|DomainError|no)\(/g)) {
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
    const alone = all.filter(([, a]) => /^['"`]/.test(a) && hasCjk(a)).map(([f, a]) => `${f}: ${a.slice(0, 60)}`);
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

/**
 * Domain rules that explain a refusal without throwing (canAnswer, decide, checkWindow, refuseImage, …): the command
 * hands their text to fail() as a variable, which the scan above cannot see into. So the rules are read themselves: a
 * verdict `{ ok: false, …, message: <literal> }` and a `return <literal>` in a check/refuse/can/decide/verify function
 * must not be Chinese alone.
 */
function ruleLiterals(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/\bok:\s*false\b[^}]*?\bmessage:\s*(?=['"`])/g)) {
    const i = m.index! + m[0].length;
    out.push(src.slice(i, literalEnd(src, i) + 1));
  }
  for (const m of src.matchAll(/^export function (?:check|refuse|can|decide|verify)\w*\([\s\S]*?^}/gm)) {
    for (const r of m[0].matchAll(/\breturn\s+(?=['"`])/g)) {
      const i = r.index! + r[0].length;
      out.push(m[0].slice(i, literalEnd(m[0], i) + 1));
    }
  }
  return out.filter(hasCjk);
}

describe('domain rules that return their refusal give both languages', () => {
  it('the rule scan finds a Chinese-only refusal (the scan itself works)', () => {
    const planted = [
      "export function checkX(d: number): string | null {\n  if (d < 0) return '不能为负';\n  return null;\n}",
      "const v = { ok: false, code: 'invalid_input', message: `期限 ${d} 无效` };",
      "const no = (c, m) => ({ ok: false, code: c, message: m });\nno('forbidden', '只有市局可以办结');",
    ];
    expect(ruleLiterals(planted[0]!)).toEqual(["'不能为负'"]);
    expect(ruleLiterals(planted[1]!)).toEqual(['`期限 ${d} 无效`']);
    expect(messageArgs(planted[2]!)).toContain("'只有市局可以办结'");
    // a pair passes
    expect(ruleLiterals("return { ok: false, message: { zh: '不能为负', en: 'Cannot be negative.' } };")).toEqual([]);
  });

  it('no rule in the modules returns a Chinese-only refusal', () => {
    const alone = files('server/modules').flatMap((f) =>
      ruleLiterals(readFileSync(f, 'utf8')).map((l) => `${f}: ${l.slice(0, 60)}`),
    );
    expect(alone).toEqual([]);
  });

  it('every { zh, en } pair in a rule has an English side without Chinese', () => {
    const pairs = files('server/modules').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\{\s*zh:\s*(['"`])[\s\S]*?\1,\s*en:\s*(['"`])([\s\S]*?)\2\s*,?\s*\}/g)].map(
        (m) => [f, m[3]!] as const,
      ),
    );
    expect(pairs.length).toBeGreaterThan(250);
    for (const [f, en] of pairs) expect(hasCjk(en.replace(/\$\{[^}]*\}/g, '')), `${f}: ${en}`).toBe(false);
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
