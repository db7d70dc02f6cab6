/**
 * The national 12315 exchange, inwards through the server: an uploaded file (already streamed to a temporary file by
 * the HTTP edge) becomes a batch that is imported in the background by the same code as `xiezhi import` — the same
 * rejects with their line numbers, the same idempotency (a ticket already stored is skipped, so uploading a file
 * twice stores nothing twice) and the same outbox events, so the running server's workers see every ticket. Its
 * progress and reconciliation are written to the batch as it goes.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Actor } from '../../access/index.js';
import { importFile, type ColumnMap, type IntakeCtx } from '../../intake/index.js';
import { loadMapping } from '../mappings/load.js';
import { exchangeRepo } from '../repository.js';

/** The first rejected lines kept on the batch (the count is always complete). */
const KEEP_REJECTS = 1000;
/** The source name CLI imports use by default: a file uploaded here and imported by the CLI is the same tickets. */
export const IMPORT_SOURCE = 'import';

export function formatOf(filename: string): 'tif' | 'csv' | 'xlsx' | null {
  const f = filename.toLowerCase();
  if (/\.(jsonl|jsonl\.gz|ndjson|json)$/.test(f)) return 'tif';
  if (f.endsWith('.csv')) return 'csv';
  if (f.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export interface Upload {
  tmpFile: string;
  filename: string;
  sha256: string;
  bytes: number;
}

const running = new Map<string, Promise<void>>();

/** Records the batch and starts importing it; answers at once with the batch id (progress: getBatch). */
export async function startImport(
  ctx: IntakeCtx,
  actor: Actor,
  u: Upload,
): Promise<{ id: string; done: Promise<void> }> {
  const format = formatOf(u.filename);
  if (!format)
    return fail('invalid_input', {
      zh: `不支持的文件类型：${u.filename}（应为 .jsonl、.jsonl.gz、.csv 或 .xlsx）`,
      en: `Unsupported file type: ${u.filename} (use .jsonl, .jsonl.gz, .csv or .xlsx).`,
    });
  const id = `IMP-${randomUUID().slice(0, 8)}`;
  await ctx.db.tx(async (q) => {
    await exchangeRepo.insertBatch(q, {
      id,
      filename: u.filename.slice(0, 200),
      format,
      sha256: u.sha256,
      bytes: u.bytes,
      source: IMPORT_SOURCE,
      uploadedBy: actor.id,
      at: ctx.now(),
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      action: 'exchange.upload',
      subjectType: 'import_batch',
      subjectId: id,
      detail: { filename: u.filename.slice(0, 200), sha256: u.sha256, bytes: u.bytes },
    });
  });
  const mapping: ColumnMap | undefined = format === 'tif' ? undefined : Object.fromEntries(loadMapping());
  const rejects: { line: number; reason: string }[] = [];
  const done = (async () => {
    try {
      const sum = await importFile(ctx, {
        file: u.tmpFile,
        actor,
        source: IMPORT_SOURCE,
        mapping,
        onRejected: (line, reason) => {
          if (rejects.length < KEEP_REJECTS) rejects.push({ line, reason });
        },
        onBatch: (s) => exchangeRepo.progress(ctx.db, id, { lines_read: s.lines, ...s }, rejects),
      });
      await exchangeRepo.progress(ctx.db, id, { lines_read: sum.lines, ...sum }, rejects);
      await exchangeRepo.finish(ctx.db, id, 'done', ctx.now(), null);
    } catch (e) {
      // a file that is not what its name says (a broken XLSX, a header without an id column) fails its batch with the reason
      await exchangeRepo
        .finish(ctx.db, id, 'failed', ctx.now(), ((e as Error).message ?? String(e)).split('\n')[0]!.slice(0, 500))
        .catch(() => undefined);
    } finally {
      running.delete(id);
      await rm(dirname(u.tmpFile), { recursive: true, force: true });
    }
  })();
  running.set(id, done);
  return { id, done };
}

/** Waits for the imports still running in this process (shutdown, tests). */
export async function drainImports(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}
