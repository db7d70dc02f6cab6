/**
 * The national 12315 exchange, outwards: every submission received in a range, with what was decided, as TIF (JSON
 * lines) or as a spreadsheet (CSV/XLSX) in a column mapping (domain/mapping.ts). Streams page by page into the given
 * sink — memory stays bounded at any size. The file carries personal data as TIF does (the national platform may see
 * it), so each page is audited with the tickets it holds before it is written.
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { audit } from '../../../platform/audit/index.js';
import { csvCell, ExcelJS, neutraliseCell, type ExcelJSTypes } from '../../../platform/export/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { cellReader, type ExportMapping } from '../domain/mapping.js';
import { toTif } from '../domain/to-tif.js';
import { exchangeRepo, type ExportRange } from '../repository.js';

export const EXPORT_FORMATS = ['tif', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends ExportRange {
  format: ExportFormat;
  /** spreadsheet layout (CSV/XLSX); TIF ignores it */
  mapping: ExportMapping;
  /** why (recorded in the audit) */
  purpose: string;
  onProgress?: (n: number) => void;
}

const write = (out: Writable, s: string) =>
  out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));

/** Writes the export into `out` and ends it; returns the number of lines (tickets) written. */
export async function exportTickets(
  ctx: Ctx,
  actor: Actor,
  out: Writable,
  o: ExportOptions,
): Promise<{ lines: number; export_id: string }> {
  const exportId = randomUUID();
  const who = {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'personal_data.export' as const,
    subjectType: 'ticket',
    purpose: o.purpose,
  };
  let lines = 0;
  let page = 0;
  const headers = o.mapping.map(([, h]) => h);
  let sheet: ExcelJSTypes.Worksheet | null = null;
  let book: ExcelJSTypes.stream.xlsx.WorkbookWriter | null = null;
  if (o.format === 'xlsx') {
    book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    sheet = book.addWorksheet('12315');
    sheet.addRow(headers).commit();
  } else if (o.format === 'csv') {
    // a BOM: spreadsheet programs read the Chinese headers as UTF-8
    await write(out, '\uFEFF' + headers.map(csvCell).join(',') + '\r\n');
  }
  const cells = o.mapping.map(([f]) => cellReader(f));
  for await (const rows of exchangeRepo.exportPages(ctx.db, o)) {
    await audit(ctx.db, {
      ...who,
      subjectIds: rows.map((r) => r.id),
      detail: {
        export_id: exportId,
        format: o.format,
        page: ++page,
        rows: rows.length,
        from: o.from ?? null,
        to: o.to ?? null,
      },
    });
    let chunk = '';
    for (const r of rows) {
      const t = toTif(r, ctx.sealer);
      if (o.format === 'tif') chunk += JSON.stringify(t) + '\n';
      else if (o.format === 'csv') {
        let line = csvCell(cells[0]!(t));
        for (let i = 1; i < cells.length; i++) line += ',' + csvCell(cells[i]!(t));
        chunk += line + '\r\n';
      } else
        sheet!
          .addRow(
            cells.map((cell) => {
              const v = cell(t);
              return typeof v === 'string' ? neutraliseCell(v) : v;
            }),
          )
          .commit();
    }
    if (chunk) await write(out, chunk);
    lines += rows.length;
    o.onProgress?.(rows.length);
  }
  if (!page)
    await audit(ctx.db, {
      ...who,
      subjectIds: [],
      detail: { export_id: exportId, format: o.format, page: 0, rows: 0, from: o.from ?? null, to: o.to ?? null },
    });
  if (book) {
    sheet!.commit();
    await book.commit();
  } else
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
  return { lines, export_id: exportId };
}
