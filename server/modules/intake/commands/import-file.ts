/**
 * Imports a TIF (.jsonl/.jsonl.gz), CSV or XLSX file in batches. A bad line is rejected with its number and reason
 * and the rest is still imported; a ticket already stored is skipped. Nothing already stored is touched.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ExcelJS, type ExcelJSTypes } from '../../../platform/export/index.js';
import { InputError, readTif } from '../../../platform/tif/index.js';
import type { Actor } from '../../access/index.js';
import type { TifTicket } from '../../../../shared/tif.js';
import {
  CsvRecords,
  excelSerialToIso,
  resolveMapping,
  rowToTicket,
  type ColumnMap,
  type CsvOut,
} from '../domain/columns.js';
import { ingestTickets, type IntakeCtx } from './ingest-tickets.js';
import { parseHandling } from '../domain/handling.js';

export interface ImportOptions {
  file: string;
  actor: Actor;
  /** source system name; the default is the file's base name so two exports of one system should pass the same source */
  source?: string;
  mapping?: ColumnMap;
  batchSize?: number;
  onRejected?: (line: number, reason: string) => void;
  onProgress?: (n: number) => void;
  /** after each stored batch: the running totals and the lines read so far (a server shows an upload's progress) */
  onBatch?: (sum: ImportSummary) => void | Promise<void>;
}

export interface ImportSummary {
  imported: number;
  rejected: number;
  skipped: number;
  split: number;
  duplicates: number;
  /** records read: lines of a TIF file (empty ones not counted), rows of a spreadsheet below its header */
  lines: number;
}

type Row = { line: number; ticket: TifTicket } | { line: number; error: string };

export async function importFile(ctx: IntakeCtx, o: ImportOptions): Promise<ImportSummary> {
  if (!existsSync(o.file)) throw new InputError(`file not found: ${o.file}`);
  if (statSync(o.file).isDirectory()) throw new InputError(`not a file: ${o.file}`);
  const lower = o.file.toLowerCase();
  let rows: AsyncIterable<Row>;
  if (lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz') || lower.endsWith('.json') || lower.endsWith('.ndjson'))
    rows = readTif(o.file);
  else if (lower.endsWith('.csv')) rows = readCsv(o.file, o.mapping);
  else if (lower.endsWith('.xlsx')) rows = readXlsx(o.file, o.mapping);
  else throw new InputError(`unsupported file type: ${o.file} (expected .jsonl, .jsonl.gz, .csv or .xlsx)`);

  const source = o.source ?? 'import';
  const sum: ImportSummary = { imported: 0, rejected: 0, skipped: 0, split: 0, duplicates: 0, lines: 0 };
  let batch: TifTicket[] = [];
  let lines: number[] = [];
  const add = (r: Awaited<ReturnType<typeof ingestTickets>>) => {
    sum.imported += r.imported;
    sum.skipped += r.skipped;
    sum.split += r.split;
    sum.duplicates += r.duplicates;
  };
  const flush = async () => {
    if (!batch.length) return;
    try {
      add(await ingestTickets(ctx, batch, { source, actor: o.actor }));
    } catch (e) {
      if (e instanceof InputError) throw e;
      // one line the readers let through but the database refuses (a number out of range, …) must not sink the
      // batch: the batch is rolled back and retried line by line, and only the line that fails is rejected
      for (let i = 0; i < batch.length; i++) {
        try {
          add(await ingestTickets(ctx, [batch[i]!], { source, actor: o.actor }));
        } catch (e1) {
          sum.rejected++;
          o.onRejected?.(
            lines[i]!,
            `not stored: ${((e1 as Error).message ?? String(e1)).split('\n')[0]!.slice(0, 200)}`,
          );
        }
      }
    }
    o.onProgress?.(batch.length);
    batch = [];
    lines = [];
    await o.onBatch?.(sum);
  };
  for await (const r of rows) {
    sum.lines++;
    if ('error' in r) {
      sum.rejected++;
      o.onRejected?.(r.line, r.error);
      continue;
    }
    const h = parseHandling(r.ticket.extra);
    if (typeof h === 'string') {
      sum.rejected++;
      o.onRejected?.(r.line, h);
      continue;
    }
    batch.push(r.ticket);
    lines.push(r.line);
    if (batch.length >= (o.batchSize ?? 2000)) await flush();
  }
  await flush();
  return sum;
}

async function* readCsv(file: string, mapping?: ColumnMap): AsyncGenerator<Row> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const reader = new CsvRecords();
  let headers: string[] | null = null;
  let map: Map<string, number> | null = null;
  let n = 0;
  function* rows(outs: CsvOut[]): Generator<Row> {
    for (const o of outs) {
      if ('error' in o) {
        yield o;
        continue;
      }
      const rec = o.record;
      if (!headers) {
        headers = rec.map((h) => h.replace(/^\uFEFF/, ''));
        map = resolveMapping(headers, mapping);
        if (!map.has('id') || !map.has('received_at')) {
          throw new InputError(
            `${file}: header must name an id and a received_at column (found: ${headers.join(', ').slice(0, 200)}); pass --map`,
          );
        }
        reader.expected = headers.length;
        continue;
      }
      if (rec.length === 1 && rec[0] === '') continue;
      const t = rowToTicket(rec, map!, headers);
      yield typeof t === 'string' ? { line: o.line, error: t } : { line: o.line, ticket: t };
    }
  }
  for await (const line of rl) yield* rows(reader.push(++n, line));
  yield* rows(reader.end());
}

/** Mapped columns that hold dates (the handling ones come from a Xiezhi export, intake/domain/handling.ts). */
const DATE_FIELDS = ['received_at', 'handling.closed_at', 'handling.due_date', 'handling.suspended_since'];
const DIGIT_FIELDS = ['complainant.id_number', 'complainant.phone', 'respondent.credit_code', 'id'];

async function* readXlsx(file: string, mapping?: ColumnMap): AsyncGenerator<Row> {
  let reader: ExcelJSTypes.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
  } catch (e) {
    throw new InputError(`${file}: not a readable XLSX file (${(e as Error).message})`);
  }
  let headers: string[] | null = null;
  let map: Map<string, number> | null = null;
  try {
    for await (const ws of reader) {
      for await (const row of ws) {
        const vals = (row.values as unknown[]).slice(1).map(cellValue);
        if (!headers) {
          headers = vals.map((v) => String(v ?? ''));
          map = resolveMapping(headers, mapping);
          if (!map.has('id') || !map.has('received_at'))
            throw new InputError(`${file}: header must name an id and a received_at column; pass --map`);
          continue;
        }
        // a date cell read without styles is a serial number of days
        for (const f of DATE_FIELDS) {
          const at = map!.get(f);
          if (at !== undefined && typeof vals[at] === 'number')
            vals[at] = excelSerialToIso(vals[at] as number) ?? String(vals[at]);
        }
        // a spreadsheet program that read an 18-digit ID number as a number kept 15 digits: refuse it, never store a wrong one
        const lost = DIGIT_FIELDS.find((f) => {
          const i = map!.get(f);
          return i !== undefined && typeof vals[i] === 'number' && !Number.isSafeInteger(vals[i]);
        });
        if (lost) {
          yield {
            line: row.number,
            error: `${lost} was stored as a number and lost digits (format the column as text before saving)`,
          };
          continue;
        }
        const t = rowToTicket(vals, map!, headers);
        yield typeof t === 'string' ? { line: row.number, error: t } : { line: row.number, ticket: t };
      }
      break; // first worksheet only
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: not a readable XLSX file (${(e as Error).message})`);
  }
}

function cellValue(v: unknown): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return o.text;
    if (o.result !== undefined) return cellValue(o.result);
  }
  return String(v);
}
