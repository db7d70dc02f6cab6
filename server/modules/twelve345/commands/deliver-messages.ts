/**
 * Sends replies and returns back to the 12345 centre. A message becomes one delivery row per configured channel (HTTP
 * endpoint, file drop) when its outbox event is handled; rows are then tried with exponential backoff until delivered,
 * every attempt recorded. The same idempotency key goes with every attempt, so a message whose acknowledgement was
 * lost and is sent again is dropped by the receiver: it reaches the centre once.
 */
import { ticketRepo, unitNames, LIMITS_12345, type Ctx } from '../../workflow/index.js';
import { backoff, channelsOf, idempotencyKey, payloadOf, type DeliveryConfig } from '../domain/delivery.js';
import { postToCentre } from '../adapters/http-endpoint.js';
import { dropToDirectory } from '../adapters/file-drop.js';
import { twelve345Repo, type DeliveryRow } from '../repository.js';

/** Creates the delivery rows of these messages (idempotent: a message seen twice keeps its one row per channel). */
export async function enqueueMessages(
  ctx: Ctx,
  cfg: DeliveryConfig,
  refs: { ticket_id: string; seq: number }[],
): Promise<number> {
  const channels = channelsOf(cfg);
  let n = 0;
  if (!channels.length) return 0;
  for (const ref of refs) {
    const t = await ticketRepo.get(ctx.db, ref.ticket_id);
    const m = t?.t12345?.messages.find((x) => x.seq === ref.seq);
    if (!t?.t12345 || !m) continue;
    const unit = await unitNames(ctx.db, t.unit_id);
    const label = m.reason ? LIMITS_12345.return_reasons.find((r) => r.code === m.reason)?.text : undefined;
    const payload = payloadOf({ no: t.no, t12345: t.t12345 }, m, unit.unitName, label);
    for (const channel of channels) {
      await twelve345Repo.insertDelivery(ctx.db, {
        ticket_id: t.id,
        seq: m.seq,
        channel,
        idempotency_key: idempotencyKey(t.t12345.work_order_no, m.seq),
        payload,
        created_at: ctx.now(),
      });
      n++;
    }
  }
  return n;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Tries the deliveries that are due (of these tickets, or all); returns how many were delivered and how many wait. */
export async function deliverDue(
  ctx: Ctx,
  cfg: DeliveryConfig,
  o: { ticketIds?: string[]; limit?: number } = {},
): Promise<{ delivered: number; waiting: number }> {
  const now = ctx.now();
  // the lease covers one full round of attempts and waits: no other worker picks these rows meanwhile
  let round = cfg.timeoutMs * cfg.attempts;
  for (let i = 1; i < cfg.attempts; i++) round += backoff(cfg, i);
  const leaseUntil = new Date(now.getTime() + round + 60_000);
  const rows = await twelve345Repo.claimDue(ctx.db, now, leaseUntil, o.limit ?? 50, o.ticketIds);
  let delivered = 0;
  for (const row of rows) if (await deliverOne(ctx, cfg, row, leaseUntil)) delivered++;
  return { delivered, waiting: rows.length - delivered };
}

async function deliverOne(ctx: Ctx, cfg: DeliveryConfig, row: DeliveryRow, leaseUntil: Date): Promise<boolean> {
  let attempts = row.attempts;
  for (let i = 1; i <= cfg.attempts; i++) {
    const r =
      row.channel === 'http'
        ? cfg.url
          ? await postToCentre(cfg, row.idempotency_key, row.payload)
          : { ok: false as const, error: '未配置12345接口地址 (XIEZHI_12345_URL)' }
        : cfg.dropDir
          ? dropToDirectory(cfg.dropDir, row.idempotency_key, row.payload)
          : { ok: false as const, error: '未配置离线交换目录 (XIEZHI_12345_DROP_DIR)' };
    attempts++;
    const at = ctx.now();
    const last = i === cfg.attempts;
    await twelve345Repo.recordAttempt(
      ctx.db,
      row,
      r.ok
        ? { ok: true, at, next: null }
        : { ok: false, error: r.error, at, next: last ? new Date(at.getTime() + backoff(cfg, attempts)) : leaseUntil },
    );
    if (r.ok) return true;
    if (!last) await sleep(backoff(cfg, i));
  }
  return false;
}
