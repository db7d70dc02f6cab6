/**
 * Exports of the analysis screen, CSV or XLSX (exceljs streaming writer): the rows behind a selection (every matching
 * ticket, no cap, written as they are read) or the cube's result (one line per combination of the chosen dimensions).
 * Chinese headers and labels, personal data minimised by role (domain/export-columns.ts), and every export audited
 * with the purpose the person chose before it starts.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { csvCell, ExcelJS, neutraliseCell } from '../../../platform/export/index.js';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { isoDate, type Http } from '../../../platform/http/index.js';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import type { Ctx } from '../../workflow/index.js';
import { DIMENSIONS, type CubeFilter } from '../domain/dimensions.js';
import { CUBE_MEASURES, EXPORT_PURPOSES, exportColumns } from '../domain/export-columns.js';
import { valueLabel } from '../domain/labels.js';
import { analyticsRepo } from '../repository.js';
import { scopeFilter } from '../queries/overview.js';
import { reader } from './reader.js';
import { can } from '../../access/index.js';

const PURPOSE_REQUIRED = `导出用途必填（2—200字，写入审计日志），如：${EXPORT_PURPOSES.join('、')} (purpose required)`;
export const exportQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  f: z.string().max(2000).optional().describe('筛选条件：维度:值，以 ; 分隔，如 district:310117;category:食品类'),
  purpose: z
    .string({ error: PURPOSE_REQUIRED })
    .trim()
    .min(2, PURPOSE_REQUIRED)
    .max(200)
    .describe(`导出用途（必填，写入审计日志），如：${EXPORT_PURPOSES.join('、')}`),
  dims: z
    .string()
    .max(200)
    .optional()
    .describe('给出维度（以 , 分隔，1—4 个）时导出多维分析结果，不给时导出全部匹配工单'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

type Cell = string | number | null;
interface Table {
  headers: string[];
  widths: number[];
  pages: AsyncGenerator<Cell[][]>;
}

export function exportRoutes(
  http: Http,
  ctx: Ctx,
  toFilter: (q: { from?: string; to?: string; f?: string }) => CubeFilter,
) {
  const route =
    (format: 'csv' | 'xlsx') => async (req: { query: ExportQuery; actor?: Actor | null }, reply: FastifyReply) => {
      const q = req.query;
      const actor = req.actor!;
      const f = scopeFilter(actor, toFilter(q));
      const dims = q.dims ? q.dims.split(',').filter(Boolean) : [];
      if (q.dims !== undefined && (!dims.length || dims.length > 4))
        return fail('invalid_input', 'dims: 1 to 4 dimensions');
      for (const d of dims) if (!DIMENSIONS[d]) return fail('invalid_input', `unknown dimension ${d}`);
      const table = dims.length ? cubeTable(ctx, actor, f, dims, q.purpose) : rowTable(ctx, actor, f, q.purpose);
      const stamp = ctx.today().replace(/-/g, '');
      const name = `xiezhi-${dims.length ? 'cube' : 'rows'}-${stamp}.${format}`;
      reply.header(
        'content-disposition',
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${dims.length ? '多维分析' : '工单明细'}-${stamp}.${format}`)}`,
      );
      if (format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        return reply.send(Readable.from(csvLines(table)));
      }
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(xlsxStream(table, dims.length ? '多维分析' : '工单明细'));
    };
  const schema = (what: string) => ({
    tags: ['analytics'],
    summary: `导出（${what}）：工单明细（全部匹配行，不设上限）或多维分析结果；中文表头与标签，按角色脱敏，须填写用途并审计`,
    querystring: exportQuery,
  });
  http.get(
    '/api/analytics/export.csv',
    { config: { auth: can('analytics.export') }, schema: schema('CSV') },
    route('csv'),
  );
  http.get(
    '/api/analytics/export.xlsx',
    { config: { auth: can('analytics.export') }, schema: schema('XLSX') },
    route('xlsx'),
  );
  http.get(
    '/api/analytics/export/purposes',
    { config: { auth: can('analytics.export') }, schema: { tags: ['analytics'], summary: '导出用途的常用选项' } },
    async () => ({ purposes: [...EXPORT_PURPOSES] }),
  );
}

/**
 * The rows of a selection as CSV text (BOM and header first), one chunk a page, each page audited before it leaves:
 * what the CSV route sends, and what bench/scale-10m.ts measures. `f` is already scoped to the actor.
 */
export function exportRowsCsv(ctx: Ctx, actor: Actor, f: CubeFilter, purpose: string): AsyncGenerator<string> {
  return csvLines(rowTable(ctx, actor, f, purpose));
}

function rowTable(ctx: Ctx, actor: Actor, f: CubeFilter, purpose: string): Table {
  const cols = exportColumns(actor.role);
  const who = {
    actorId: actor.id,
    actorRole: actor.role,
    unitId: actor.unitId,
    action: 'analytics.export' as const,
    subjectType: 'ticket',
    purpose,
  };
  const db = ctx.db;
  async function* pages() {
    // each page is audited with the tickets it holds before it leaves, so the audit finds every exported ticket
    const exportId = randomUUID();
    let page = 0;
    for await (const rows of analyticsRepo.exportRows(reader(ctx, actor.id), f)) {
      await audit(db, {
        ...who,
        subjectIds: rows.map((r) => String(r.id)),
        detail: { export_id: exportId, page: ++page, rows: rows.length, filter: f, columns: cols.map((c) => c.key) },
      });
      yield rows.map((r) => cols.map((c) => c.value(r)));
    }
    if (!page)
      await audit(db, { ...who, subjectIds: [], detail: { export_id: exportId, page: 0, rows: 0, filter: f } });
  }
  return { headers: cols.map((c) => c.header), widths: cols.map((c) => c.width), pages: pages() };
}

function cubeTable(ctx: Ctx, actor: Actor, f: CubeFilter, dims: string[], purpose: string): Table {
  async function* pages() {
    // a cube holds counts, no person; the export is still audited (what was taken out, by whom, for what)
    const rows = await analyticsRepo.cube(reader(ctx, actor.id), dims, f, 1_000_000);
    await audit(ctx.db, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'analytics.export',
      subjectType: 'cube',
      subjectIds: [],
      purpose,
      detail: { dims, filter: f, rows: rows.length },
    });
    for (let i = 0; i < rows.length; i += 5000) {
      yield rows
        .slice(i, i + 5000)
        .map((r) => [
          ...dims.map((d, j) =>
            d === 'business' && r.business_name ? String(r.business_name) : valueLabel(d, r[`d${j}`]),
          ),
          ...CUBE_MEASURES.map((m) => Number(r[m.key] ?? 0)),
        ]);
    }
  }
  return {
    headers: [...dims.map((d) => DIMENSIONS[d]!.label), ...CUBE_MEASURES.map((m) => m.header)],
    widths: [...dims.map(() => 20), ...CUBE_MEASURES.map(() => 12)],
    pages: pages(),
  };
}

async function* csvLines(t: Table) {
  // the BOM makes Excel read the file as UTF-8; formula-looking text is neutralised (csvCell)
  yield '\uFEFF' + t.headers.map(csvCell).join(',') + '\n';
  for await (const rows of t.pages) yield rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function xlsxStream(t: Table, sheet: string): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.headers.map((h, i) => ({ header: h, width: t.widths[i] }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      for await (const rows of t.pages) {
        for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v))).commit();
        // let the zip stream drain before the next page is read: memory stays flat however many rows there are
        if (out.writableNeedDrain)
          await new Promise<void>((res) => {
            const done = () => {
              out.off('drain', done);
              out.off('close', done);
              res();
            };
            out.on('drain', done);
            out.on('close', done);
          });
        // the download was abandoned: stop reading (leaving the loop ends the cursor and frees its connection)
        if (out.destroyed) return;
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
