/**
 * Attaching evidence to a ticket: the consumer's photos, or a business's rebuttal of a claim it says is fabricated
 * (商家救济申诉). Images are checked (AIGC implicit labels, IPTC/C2PA, generator names, capture date against the
 * stated purchase date, the same picture in other people's claims); the checks become flags for the officer —
 * never an automatic rejection.
 */
import { createHash, randomUUID } from 'node:crypto';
import { audit } from '../../../platform/audit/index.js';
import { fail } from '../../../platform/errors/index.js';
import { canReadTicket, type Actor } from '../../access/index.js';
import {
  findReuse,
  imagePool,
  imageSize,
  refuseImage,
  reuseFlags,
  ImageTimeout,
  type EvidenceFlag,
  type ImageReport,
} from '../../evidence/index.js';
import { ticketRepo, type Ctx } from '../../workflow/index.js';
import { attachmentRepo } from '../repository.js';

export const MAX_BYTES = 5 * 1024 * 1024;
const MIME: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
  webp: 'image/webp',
};

export async function attach(
  ctx: Ctx,
  actor: Actor,
  ticketId: string,
  f: { filename: string; content: Buffer; note?: string; purpose: 'evidence' | 'rebuttal' },
) {
  const t = await ticketRepo.get(ctx.db, ticketId);
  if (!t || (actor.role !== 'public' && !canReadTicket(actor, t)))
    return fail('not_found', { zh: '工单不存在或无权访问', en: 'No such ticket, or not visible to you.' });
  if (f.purpose === 'rebuttal' && actor.role !== 'enterprise' && actor.role !== 'admin')
    return fail('forbidden', {
      zh: '只有被投诉企业可以提交申诉证据',
      en: 'Only the enterprise complained about can submit appeal evidence.',
    });
  if (!f.content.length) return fail('invalid_input', { zh: '文件为空', en: 'The file is empty.' });
  if (f.content.length > MAX_BYTES)
    return fail('invalid_input', {
      zh: `文件超过 ${MAX_BYTES / 1024 / 1024} MB`,
      en: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`,
    });
  const ext = (f.filename.split('.').pop() ?? '').toLowerCase();
  const image =
    ['png', 'jpg', 'jpeg', 'webp'].includes(ext) ||
    f.content.subarray(0, 4).toString('hex') === '89504e47' ||
    f.content.subarray(0, 2).toString('hex') === 'ffd8';
  let flags: EvidenceFlag[] = [];
  let hashes: { dhash: string; phash: string } | null = null;
  let informative = false;
  if (image) {
    // the header's promise is checked before any decoding: a decompression bomb is refused here, in microseconds
    const pool = imagePool();
    const refused = refuseImage(imageSize(f.content), pool.limits.maxPixels);
    if (refused) return fail('invalid_input', refused);
    const purchase = (t.prefill as { purchase_date?: { value?: string } } | null)?.purchase_date?.value;
    let r: ImageReport;
    try {
      // decoding runs in a worker thread with a time limit, never on the thread that answers requests
      r = await pool.check(f.content, {
        purchaseDate: typeof purchase === 'string' ? purchase : undefined,
        receivedAt: t.received_at.toISOString(),
      });
    } catch (e) {
      // over time, or the worker died (its heap limit): the picture is refused, the server carries on
      if (e instanceof ImageTimeout)
        return fail('invalid_input', {
          zh: `${e.message}，请压缩后重新上传`,
          en: `${e.message}; please compress it and upload again.`,
        });
      return fail('invalid_input', {
        zh: `图片无法安全解码（${(e as Error).message}），请转换为常见尺寸的 JPEG 或 PNG 后重新上传`,
        en: `The image cannot be decoded safely (${(e as Error).message}); please convert it to a JPEG or PNG of ordinary size and upload again.`,
      });
    }
    flags = r.flags;
    hashes = r.hashes ? { dhash: r.hashes.dhash, phash: r.hashes.phash } : null;
    informative = r.informative;
    if (hashes && informative) {
      const cand = await attachmentRepo.candidates(ctx.db, hashes.dhash, t.id);
      const items = [
        {
          ticket_id: t.id,
          person: t.complainant_key ?? undefined,
          hashes: { ...hashes, width: 0, height: 0 },
          informative: true,
        },
        ...cand.map((c) => ({
          ticket_id: c.ticket_id,
          person: c.person_key ?? undefined,
          image_id: c.id,
          hashes: { dhash: c.dhash, phash: c.phash, width: 0, height: 0 },
          informative: c.informative,
        })),
      ];
      flags.push(...(reuseFlags(findReuse(items)).get(t.id) ?? []));
    }
  }
  const id = randomUUID();
  await ctx.db.tx(async (q) => {
    await attachmentRepo.insert(q, ctx.sealer, {
      ticket_id: t.id,
      id,
      purpose: f.purpose,
      filename: f.filename.slice(0, 200),
      mime: MIME[ext] ?? null,
      size: f.content.length,
      sha256: createHash('sha256').update(f.content).digest('hex'),
      dhash: hashes?.dhash ?? null,
      phash: hashes?.phash ?? null,
      informative,
      person_key: f.purpose === 'evidence' ? t.complainant_key : null,
      flags,
      content: f.content,
      note: f.note ?? null,
      uploaded_by: actor.id,
      uploaded_role: actor.role,
    });
    await ticketRepo.appendEvent(q, t.id, {
      at: ctx.now(),
      actor_id: actor.id,
      actor_role: actor.role,
      type: f.purpose === 'rebuttal' ? 'rebuttal_submitted' : 'evidence_attached',
      payload: { attachment_id: id, filename: f.filename, flags: flags.map((x) => x.code) },
    });
    await audit(q, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'ticket.action',
      subjectType: 'ticket',
      subjectId: t.id,
      detail: { attach: f.purpose, id },
    });
  });
  return { id, filename: f.filename, size: f.content.length, flags };
}
