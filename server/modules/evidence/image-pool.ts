/**
 * A small pool of worker threads for image checks. Pixel decoding is CPU-bound pure JavaScript (pngjs, jpeg-js): on
 * the main thread one large or hostile picture stops every other request. Here each check runs in a worker with a
 * wall-clock limit; a worker that overruns is terminated (the only way to stop synchronous code) and replaced.
 * Limits come from the environment: XIEZHI_IMAGE_WORKERS (2), XIEZHI_IMAGE_TIMEOUT_MS (15000),
 * XIEZHI_IMAGE_MAX_PIXELS (40 000 000), XIEZHI_IMAGE_WORKER_MB (heap of one worker, 512).
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_PIXELS } from './domain/header.js';
import type { ImageContext, ImageReport } from './domain/checks.js';

export interface ImageLimits {
  workers: number;
  timeoutMs: number;
  maxPixels: number;
  workerMb: number;
}

const num = (v: string | undefined, d: number): number => {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : d;
};

export function imageLimits(env: NodeJS.ProcessEnv = process.env): ImageLimits {
  return {
    workers: Math.floor(num(env.XIEZHI_IMAGE_WORKERS, 2)),
    timeoutMs: num(env.XIEZHI_IMAGE_TIMEOUT_MS, 15_000),
    maxPixels: num(env.XIEZHI_IMAGE_MAX_PIXELS, DEFAULT_MAX_PIXELS),
    workerMb: num(env.XIEZHI_IMAGE_WORKER_MB, 512),
  };
}

/** The check did not finish within the time limit (the worker was stopped). */
export class ImageTimeout extends Error {
  constructor(ms: number) {
    super(`图片核验超时（超过 ${Math.round(ms / 1000)} 秒）`);
    this.name = 'ImageTimeout';
  }
}

interface Job {
  id: number;
  buf: Buffer;
  ctx: ImageContext;
  resolve: (r: ImageReport) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./image-worker.mjs', import.meta.url);

export class ImagePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private seq = 0;
  constructor(readonly limits: ImageLimits = imageLimits()) {}

  /** Runs checkImage in a worker; rejects with ImageTimeout past the limit, or with the worker's error. */
  check(buf: Buffer, ctx: ImageContext = {}): Promise<ImageReport> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: ++this.seq,
        buf,
        ctx: { ...ctx, maxPixels: ctx.maxPixels ?? this.limits.maxPixels },
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /** Stops every worker (tests, shutdown). Queued checks are refused. */
  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new Error('image pool closed'));
    await Promise.all(
      this.slots.splice(0).map((s) => {
        this.clear(s);
        return s.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) {
        if (this.slots.length < this.limits.workers) this.spawn();
        return;
      }
      this.start(idle, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.limits.workerMb } });
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (m: { ready?: boolean; id?: number; report?: ImageReport; error?: string }) => {
      if (m.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.clear(slot);
      slot.job = null;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.report!);
      this.pump();
    });
    const gone = (e: Error) => {
      this.clear(slot);
      this.slots = this.slots.filter((s) => s !== slot);
      slot.job?.reject(e);
      slot.job = null;
      this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`image worker exited (${code})`)));
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref(); // a running check keeps the process alive until it answers
    slot.timer = setTimeout(() => {
      // synchronous decoding cannot be interrupted from outside: the thread is stopped and a fresh one replaces it
      const j = slot.job;
      slot.job = null;
      this.slots = this.slots.filter((s) => s !== slot);
      void slot.worker.terminate();
      j?.reject(new ImageTimeout(this.limits.timeoutMs));
      this.pump();
    }, this.limits.timeoutMs);
    slot.timer.unref();
    // a copy travels to the worker: the caller keeps its buffer (it is stored after the check)
    slot.worker.postMessage({ id: job.id, buf: new Uint8Array(job.buf), ctx: job.ctx });
  }

  private clear(slot: Slot): void {
    slot.worker.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }
}

let shared: ImagePool | null = null;
/** The process-wide pool, created on first use with the limits from the environment. */
export function imagePool(): ImagePool {
  return (shared ??= new ImagePool());
}
