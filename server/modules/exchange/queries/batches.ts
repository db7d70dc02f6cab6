/** Import batches with their reconciliation: lines received vs tickets stored vs rejected vs skipped (already stored). */
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { exchangeRepo, type BatchRow } from '../repository.js';

const STATE_LABELS: Record<BatchRow['state'], string> = { running: '导入中', done: '已完成', failed: '失败' };

export function presentBatch(b: BatchRow, withRejects = false) {
  // every line read is stored, rejected or skipped; a gap means lines were lost somewhere and is shown, not hidden
  const accounted = b.imported + b.rejected + b.skipped;
  return {
    id: b.id,
    filename: b.filename,
    format: b.format,
    bytes: b.bytes,
    sha256: b.sha256,
    state: b.state,
    state_label: STATE_LABELS[b.state],
    uploaded_by: b.uploader ?? b.uploaded_by,
    started_at: b.started_at,
    finished_at: b.finished_at,
    error: b.error,
    progress: { lines_read: b.lines_read, imported: b.imported, rejected: b.rejected, skipped: b.skipped },
    reconciliation: {
      received: b.lines_read,
      stored: b.imported,
      report_parts_split: b.split,
      rejected: b.rejected,
      skipped_already_stored: b.skipped,
      linked_repeats: b.duplicates,
      balanced: b.state !== 'running' && accounted === b.lines_read,
    },
    ...(withRejects ? { rejects: b.rejects } : { rejects_shown: Math.min(b.rejects.length, b.rejected) }),
  };
}

export async function getBatch(ctx: Ctx, id: string) {
  const b = await exchangeRepo.get(ctx.db, id);
  if (!b) return fail('not_found', { zh: '导入批次不存在', en: 'No such import batch.' });
  return presentBatch(b, true);
}

export async function listBatches(ctx: Ctx, limit = 50) {
  return { items: (await exchangeRepo.list(ctx.db, limit)).map((b) => presentBatch(b)) };
}
