import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { zeroPng } from '../../test/bomb.js';
import { imageSize, refuseImage } from './domain/header.js';
import { decodeGray } from './domain/phash.js';
import { ImagePool, ImageTimeout } from './image-pool.js';

const pools: ImagePool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('image header limits', () => {
  it('reads PNG and JPEG sizes from the header and refuses a bomb before decoding', () => {
    const bomb = zeroPng(20000, 20000);
    expect(bomb.length).toBeLessThan(80_000); // 400 million pixels in tens of kilobytes
    expect(imageSize(bomb)).toEqual({ format: 'png', width: 20000, height: 20000 });
    expect(refuseImage(imageSize(bomb))?.zh).toMatch(/像素过多.*20000×20000/);
    const t0 = performance.now();
    expect(() => decodeGray(bomb)).toThrow(/像素过多/);
    expect(performance.now() - t0).toBeLessThan(1000); // refused from the header: inflating 400 MP would take many seconds
    const jpg = jpeg.encode({ width: 33, height: 17, data: Buffer.alloc(33 * 17 * 4, 128) }, 80).data;
    expect(imageSize(jpg)).toEqual({ format: 'jpeg', width: 33, height: 17 });
    expect(refuseImage(imageSize(jpg))).toBeNull();
    expect(refuseImage(imageSize(zeroPng(100, 100)), 5000)?.zh).toMatch(/上限/);
    expect(imageSize(Buffer.from('GIF89a'))).toBeNull();
    expect(imageSize(zeroPng(0, 5))).toMatchObject({ width: 0 });
    expect(refuseImage(imageSize(zeroPng(0, 5)))?.zh).toMatch(/尺寸无效/);
  });
});

describe('image worker pool', () => {
  it('checks a picture off the main thread and stops one that runs past the time limit', async () => {
    const pool = new ImagePool({ workers: 1, timeoutMs: 60_000, maxPixels: 40_000_000, workerMb: 256 });
    pools.push(pool);
    const ok = await pool.check(zeroPng(64, 64, 8));
    expect(ok.format).toBe('png');
    expect(ok.hashes).toMatchObject({ width: 64, height: 64 });
    // the main thread keeps ticking while the worker decodes 16 MP
    const slow = new ImagePool({ workers: 1, timeoutMs: 150, maxPixels: 40_000_000, workerMb: 256 });
    pools.push(slow);
    await slow.check(zeroPng(8, 8, 8)); // worker started (the time limit covers checks, not start-up)
    // no wall-clock bound here (a loaded CI machine would make it flaky): the main thread must have run timers while
    // the worker decoded, and the check must end with the timeout rather than a result
    let ticks = 0;
    const iv = setInterval(() => ticks++, 10);
    await expect(slow.check(zeroPng(4000, 4000, 8))).rejects.toBeInstanceOf(ImageTimeout);
    clearInterval(iv);
    expect(ticks).toBeGreaterThan(0);
    // the pool replaced the stopped worker and still answers
    expect((await slow.check(zeroPng(16, 16, 8))).hashes).toMatchObject({ width: 16 });
  });
});
