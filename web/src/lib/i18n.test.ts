/**
 * The English locale is complete and there is one i18n mechanism: every catalog key has both languages with the same
 * placeholders, every key a screen asks for exists, every label map has both languages for every code, and no screen
 * picks a language inline (`locale === 'zh' ? … : …`) beside the catalogs.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, locale, t } from './i18n';
import * as labels from './labels';

const SRC = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e): string[] =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
const SOURCES = files(SRC).map((f) => ({ path: relative(SRC, f), text: readFileSync(f, 'utf8') }));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys in zh and en, none empty, with the same placeholders', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    for (const [k, zh] of Object.entries(MESSAGES.zh)) {
      const en = MESSAGES.en[k]!;
      expect(zh.trim(), `zh ${k}`).not.toBe('');
      expect(en.trim(), `en ${k}`).not.toBe('');
      expect([...new Set(placeholders(en))], `placeholders of ${k}`).toEqual([...new Set(placeholders(zh))]);
      // the language switch names the other language in its own script
      if (k !== 'lang') expect(/[\u4e00-\u9fff]/.test(en), `en ${k} holds Chinese: ${en}`).toBe(false);
    }
  });

  it("hold every key a screen asks for with t('…')", () => {
    const missing: string[] = [];
    for (const { path, text } of SOURCES)
      for (const m of text.matchAll(/(?<![\w$.])t\('([^']+)'/g))
        if (!(m[1]! in MESSAGES.zh)) missing.push(`${path}: ${m[1]}`);
    expect(missing).toEqual([]);
  });

  it('fill placeholders and switch with the locale', () => {
    locale.value = 'en';
    expect(t('alerts.peopleExpected', { n: 3, e: '1.5' })).toBe('3 people (expected 1.5)');
    locale.value = 'zh';
    expect(t('alerts.peopleExpected', { n: 3, e: '1.5' })).toBe('3 人（期望 1.5 人）');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('label maps', () => {
  it('have Chinese and English for every code', () => {
    const pairs = Object.entries(labels).filter(
      ([, v]) =>
        v &&
        typeof v === 'object' &&
        !(v instanceof Set) &&
        !Array.isArray(v) &&
        Object.values(v).every((e) => Array.isArray(e)),
    );
    expect(pairs.map(([n]) => n)).toEqual(
      expect.arrayContaining(['ACTIONS', 'EVENTS', 'STATUSES', 'KINDS', 'DUE', 'CHANNELS', 'FIELDS', 'RULE_SETS']),
    );
    for (const [name, map] of pairs)
      for (const [code, e] of Object.entries(map as Record<string, [string, string]>)) {
        expect(e[0]?.trim(), `${name}.${code} zh`).toBeTruthy();
        expect(e[1]?.trim(), `${name}.${code} en`).toBeTruthy();
        expect(/[\u4e00-\u9fff]/.test(e[1]), `${name}.${code} en is Chinese`).toBe(false);
      }
    for (const [name, m] of Object.entries(labels.SHARED_MAPS)) {
      expect(Object.keys(m.en).sort(), name).toEqual(Object.keys(m.zh).sort());
      for (const [code, en] of Object.entries(m.en))
        expect(en.trim() && !/[\u4e00-\u9fff]/.test(en), `${name}.${code} en`).toBeTruthy();
    }
  });
});

describe('one mechanism', () => {
  it('no screen picks a language inline', () => {
    const INLINE = /[!=]== ?'(zh|en)'|locale(\.value)? === |(?<![\w$.'-])zh(\.value|\(\))? \?|\bpair\(\[\s*'/;
    const offenders = SOURCES.filter((s) => s.path !== 'lib/i18n.ts')
      .flatMap(({ path, text }) => text.split('\n').map((l: string, i: number) => [path, i + 1, l] as const))
      .filter(([, , l]) => INLINE.test(l))
      .map(([p, n, l]) => `${p}:${n}: ${l.trim().slice(0, 120)}`);
    expect(offenders).toEqual([]);
  });

  it('the guard sees an inline ternary when one comes back', () => {
    const INLINE = /[!=]== ?'(zh|en)'|locale(\.value)? === |(?<![\w$.'-])zh(\.value|\(\))? \?/;
    expect(INLINE.test(`{{ locale === 'zh' ? '标题' : 'Title' }}`)).toBe(true);
    expect(INLINE.test(`const x = zh.value ? '是' : 'yes'`)).toBe(true);
    expect(INLINE.test(`{{ t('title') }}`)).toBe(false);
  });

  // Chinese punctuation typed into a screen shows in English too ("Required：…", "Finding（satisfactory）")
  const CJK_PUNCT = /[：（）]/;
  it('no screen types Chinese punctuation outside the catalogs (colon(), tc(), paren())', () => {
    const offenders = SOURCES.filter(
      (s) => !s.path.startsWith('lib/messages/') && !['lib/i18n.ts', 'lib/labels.ts'].includes(s.path),
    )
      .flatMap(({ path, text }) =>
        text
          .replace(/<style[\s\S]*<\/style>/, '')
          .split('\n')
          .map((l: string, i: number) => [path, i + 1, l] as const),
      )
      .filter(([, , l]) => CJK_PUNCT.test(l.replace(/\/\/.*$/, '')) && !/^\s*(\*|\/\/)/.test(l))
      .map(([p, n, l]) => `${p}:${n}: ${l.trim().slice(0, 120)}`);
    expect(offenders).toEqual([]);
  });
  it('the punctuation guard sees a typed colon when one comes back', () => {
    expect(CJK_PUNCT.test(`{{ t('supervisionPanel.required') }}：{{ it.required }}`)).toBe(true);
    expect(CJK_PUNCT.test(`{{ tc('supervisionPanel.required') }}{{ it.required }}`)).toBe(false);
  });

  /**
   * Screens that still hold Chinese text outside the catalogs (to be moved into them), with the number of Chinese runs.
   * The list may only shrink: a new screen, or a new Chinese line in one of these, fails here.
   */
  const NOT_YET: Record<string, number> = {};

  it('Chinese text lives in the catalogs and label maps, not in screens (ratchet)', () => {
    const counts: Record<string, number> = {};
    for (const { path, text } of SOURCES) {
      if (path.startsWith('lib/messages/') || path === 'lib/labels.ts' || path === 'lib/i18n.ts') continue;
      const code = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/<style[\s\S]*<\/style>/, '');
      // runs of Chinese characters, not lines: the count must not change when the formatter re-wraps a line
      const n = code.replace(/\/\/.*$/gm, '').match(/[\u4e00-\u9fff]+/g)?.length ?? 0;
      if (n) counts[path] = n;
    }
    const grown = Object.entries(counts)
      .filter(([p, n]) => n > (NOT_YET[p] ?? 0))
      .map(([p, n]) => `${p}: ${n} (allowed ${NOT_YET[p] ?? 0})`);
    expect(grown, 'Chinese text outside the catalogs; move it into web/src/lib/messages').toEqual([]);
  });
});
