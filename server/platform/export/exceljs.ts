/**
 * ExcelJS, with its streaming XLSX reader made safe for multi-byte text. ExcelJS 4.4.0's `parse-sax` decodes each
 * inflated chunk of a sheet or of the shared strings on its own (`TextDecoder.decode(chunk)` without `stream`), so a
 * Chinese character that falls across two chunks is read as two or three U+FFFD — "调解成功" came back "调解成���"
 * from a LibreOffice-saved export, at a place that moves with the data (upstream: exceljs issues #2063, #2084,
 * #2316; unreleased PRs #1665, #2081, #2213). Every module takes ExcelJS from here: this file puts a parse-sax that
 * keeps one streaming decoder per part into the require cache before ExcelJS's readers load (they take it by
 * `require` when they load), which an ESLint rule keeps true.
 */
import { createRequire } from 'node:module';
import type * as ExcelJSTypes from 'exceljs';
import type { SaxesParser as Saxes } from 'saxes';

const require = createRequire(import.meta.url);
const lib = createRequire(require.resolve('exceljs'));
const { SaxesParser } = lib('saxes') as { SaxesParser: typeof Saxes };

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** parse-sax with the bytes decoded as one stream: a character split over two chunks is joined, not replaced. */
export async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length) yield events;
}

const path = lib.resolve('./lib/utils/parse-sax.js');
if (require.cache[path]?.exports && require.cache[path]!.exports !== parseSax)
  throw new Error('exceljs was loaded before server/platform/export/exceljs.ts: import ExcelJS from there only');
require.cache[path] = { id: path, filename: path, loaded: true, exports: parseSax } as unknown as NodeJS.Module;

const ExcelJS = lib('./excel.js') as typeof ExcelJSTypes;
export default ExcelJS;
/** The types that go with it (`ExcelJSTypes.Worksheet`): the value is ExcelJS itself. */
export type { ExcelJSTypes };
