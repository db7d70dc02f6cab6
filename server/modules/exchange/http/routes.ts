/** The national 12315 exchange over HTTP (admin): upload a file to import, follow its batch, download an export. */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { isoDate, type Http } from '../../../platform/http/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import type { IntakeCtx } from '../../intake/index.js';
import { EXPORT_FORMATS, exportTickets, type ExportFormat } from '../commands/export-tickets.js';
import { formatOf, startImport, type Upload } from '../commands/upload-import.js';
import { loadMapping } from '../mappings/load.js';
import { getBatch, listBatches } from '../queries/batches.js';
import { can } from '../../access/index.js';

/** An upload larger than this is refused while it streams (a year of a big city's TIF is a few hundred MB). */
const MAX_UPLOAD = 2 * 1024 ** 3;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  tif: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXT: Record<ExportFormat, string> = { tif: 'jsonl', csv: 'csv', xlsx: 'xlsx' };

/** The request body goes to a temporary file as it arrives (never held in memory), hashed on the way. */
async function receive(body: NodeJS.ReadableStream, filename: unknown): Promise<Upload> {
  if (typeof filename !== 'string' || !filename.trim() || filename.length > 200)
    throw new DomainError('invalid_input', {
      zh: '缺少文件名：请在查询参数 filename 中给出（如 ?filename=export.jsonl）',
      en: 'The file name is missing: give it in the query parameter filename (e.g. ?filename=export.jsonl).',
    });
  const format = formatOf(filename);
  if (!format)
    throw new DomainError('invalid_input', {
      zh: `不支持的文件类型：${filename}（应为 .jsonl、.jsonl.gz、.csv 或 .xlsx）`,
      en: `Unsupported file type: ${filename} (use .jsonl, .jsonl.gz, .csv or .xlsx).`,
    });
  const dir = await mkdtemp(join(tmpdir(), 'xz-upload-'));
  const tmpFile = join(
    dir,
    `upload${filename.toLowerCase().endsWith('.gz') ? '.jsonl.gz' : '.' + (format === 'tif' ? 'jsonl' : format)}`,
  );
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD)
        return done(
          new DomainError('invalid_input', {
            zh: `文件超过 ${MAX_UPLOAD / 1024 ** 3} GB，请分批上传`,
            en: `The file is larger than ${MAX_UPLOAD / 1024 ** 3} GB; please upload it in parts.`,
          }),
        );
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, count, createWriteStream(tmpFile));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('invalid_input', {
      zh: `上传中断：${(e as Error).message.slice(0, 200)}`,
      en: `The upload was interrupted: ${(e as Error).message.slice(0, 200)}`,
    });
  }
  if (bytes === 0) {
    await rm(dir, { recursive: true, force: true });
    throw new DomainError('invalid_input', { zh: '上传的文件为空', en: 'The uploaded file is empty.' });
  }
  return { tmpFile, filename: filename.trim(), sha256: hash.digest('hex'), bytes };
}

const fieldOf = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null && k in o ? (o as Record<string, unknown>)[k] : undefined;
/** what `receive` returned as the body; anything else means the request never went through the upload parser */
const isUpload = (u: unknown): u is Upload =>
  typeof fieldOf(u, 'tmpFile') === 'string' && typeof fieldOf(u, 'sha256') === 'string';

export function exchangeRoutes(http: Http, ctx: IntakeCtx) {
  // the upload route lives in its own scope: there the body is a raw file stream of any type, not JSON
  void http.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // the parser runs before validation: the query string is still unchecked here
    scope.addContentTypeParser('*', async (req: { query: unknown }, payload: NodeJS.ReadableStream) =>
      receive(payload, fieldOf(req.query, 'filename')),
    );
    scope.post(
      '/api/admin/imports',
      {
        config: { auth: can('admin.exchange') },
        schema: {
          tags: ['exchange'],
          summary: '上传导入文件（全国12315平台导出：TIF/CSV/XLSX；流式、幂等，已入库的工单跳过）',
          querystring: z.object({ filename: z.string().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        const u = req.body;
        if (!isUpload(u))
          throw new DomainError('invalid_input', {
            zh: '请求体应为要导入的文件内容',
            en: 'The request body must be the content of the file to import.',
          });
        const { id } = await startImport(ctx, req.actor!, u);
        return reply.status(202).send(await getBatch(ctx, id));
      },
    );
  });

  http.get(
    '/api/admin/imports',
    {
      config: { auth: can('admin.exchange') },
      schema: { tags: ['exchange'], summary: '导入批次与对账（收到、入库、拒收、跳过）' },
    },
    async () => listBatches(ctx),
  );
  http.get(
    '/api/admin/imports/:id',
    {
      config: { auth: can('admin.exchange') },
      schema: {
        tags: ['exchange'],
        summary: '导入批次进度、对账与拒收行（行号和原因）',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req) => getBatch(ctx, req.params.id),
  );

  http.get(
    '/api/admin/exports',
    {
      config: { auth: can('admin.exchange') },
      schema: {
        tags: ['exchange'],
        summary: '导出（全国12315平台交换：TIF，或按列映射的 CSV/XLSX；含个人信息，已审计）',
        querystring: z.object({
          format: z.enum(EXPORT_FORMATS).default('tif'),
          from: isoDate.optional(),
          to: isoDate.optional(),
          purpose: z.string().min(2).max(200).default('向全国12315平台报送'),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      if (q.from && q.to && q.from > q.to)
        throw new DomainError('invalid_input', {
          zh: '起始日期晚于结束日期',
          en: 'The start date is after the end date.',
        });
      const out = new PassThrough();
      reply
        .header('content-type', CONTENT_TYPES[q.format])
        .header('content-disposition', `attachment; filename="xiezhi-12315-${ctx.today()}.${EXT[q.format]}"`);
      exportTickets(ctx, req.actor!, out, {
        format: q.format,
        from: q.from,
        to: q.to,
        mapping: loadMapping(),
        purpose: q.purpose,
      }).catch((e) => out.destroy(e as Error));
      return reply.send(out);
    },
  );
}
