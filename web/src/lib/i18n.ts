/**
 * The UI's one i18n mechanism: Chinese by default, English on request. Every visible string is a key in the message
 * catalogs under ./messages (a zh and an en map per area, checked complete by i18n.test.ts); codes (statuses, kinds,
 * actions …) go through labels.ts, whose maps hold both languages side by side. A tiny dictionary rather than a
 * library: the UI has a few hundred strings and the server speaks Chinese in its messages and documents.
 *
 * This file is the only place that asks which locale is on (i18n.test.ts fails on an inline `locale === 'zh'`).
 */
import { ref } from 'vue';
import * as common from './messages/common';
import * as ticket from './messages/ticket';
import * as analysis from './messages/analysis';
import * as oversight from './messages/oversight';
import * as pub from './messages/public';
import * as admin from './messages/admin';
import * as adminOdr from './messages/adminOdr';
import * as adminData from './messages/adminData';

export type Locale = 'zh' | 'en';
const saved = typeof localStorage !== 'undefined' ? (localStorage.getItem('xz_locale') as Locale | null) : null;
export const locale = ref<Locale>(saved === 'en' ? 'en' : 'zh');

export function setLocale(l: Locale) {
  locale.value = l;
  localStorage.setItem('xz_locale', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}
export const toggleLocale = () => setLocale(locale.value === 'zh' ? 'en' : 'zh');

/** The catalogs, merged; exported for the completeness test. */
export const MESSAGES: Record<Locale, Record<string, string>> = {
  zh: {
    ...common.zh,
    ...ticket.zh,
    ...analysis.zh,
    ...oversight.zh,
    ...pub.zh,
    ...admin.zh,
    ...adminOdr.zh,
    ...adminData.zh,
  },
  en: {
    ...common.en,
    ...ticket.en,
    ...analysis.en,
    ...oversight.en,
    ...pub.en,
    ...admin.en,
    ...adminOdr.en,
    ...adminData.en,
  },
};

/** The message for key in the current locale; `{name}` placeholders are filled from params. Unknown keys show as is. */
export function t(key: string, params?: Record<string, string | number | null | undefined>): string {
  const s = MESSAGES[locale.value][key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p] ?? '') : m)) : s;
}

/** The colon after a label: full width in Chinese (督办要求：…), ': ' in English. */
export const colon = () => (locale.value === 'zh' ? '：' : ': ');
/** t(key) followed by the locale's colon: a field's label before its value. */
export const tc = (key: string) => t(key) + colon();
/** A remark in brackets: （…） in Chinese, ' (…)' in English. */
export const paren = (s: string | number) => (locale.value === 'zh' ? `（${s}）` : ` (${s})`);

/** A code's label from a map of [zh, en] pairs (labels.ts); the code itself when the map lacks it. */
export function pairLabel(map: Record<string, readonly [string, string]>, code: string | null | undefined): string {
  if (!code) return '';
  const e = map[code];
  return e ? e[locale.value === 'zh' ? 0 : 1] : code;
}

/**
 * A link to a document (文书, 一次性告知书, the monthly report) in the reader's language: in English it asks for the
 * English reading copy (`lang=en`; the Chinese document stays the legal record), in Chinese the URL is unchanged.
 */
export function docLang(url: string): string {
  if (locale.value !== 'en') return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=en`;
}

/** One entry of a label map written as [zh, en] data (a select's options, a menu); never an inline literal pair. */
export const pair = (p: readonly [string, string]) => p[locale.value === 'zh' ? 0 : 1];

/** A code's label from one map per language (the shared/*-labels.ts maps); other ([zh, en]) or the code when missing. */
export function localeLabel(
  maps: Record<Locale, Record<string, string>>,
  code: string | null | undefined,
  other?: readonly [string, string],
): string {
  if (!code) return '';
  return maps[locale.value][code] ?? (other ? other[locale.value === 'zh' ? 0 : 1] : code);
}

/** The BCP 47 tag for toLocaleString and friends. */
export const dateLocale = () => (locale.value === 'zh' ? 'zh-CN' : 'en-GB');
/** Whether Chinese is on: for the few choices that are not strings (a layout, the Element Plus locale). */
export const isZh = () => locale.value === 'zh';
