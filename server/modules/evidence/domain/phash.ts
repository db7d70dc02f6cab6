/**
 * Perceptual hashes of uploaded photos, to find the same picture reused across different claims or people
 * (沪市监书〔2026〕: AI or recycled "damaged goods" pictures). dHash (gradient of a 9×8 thumbnail) survives
 * re-encoding and resizing; pHash (low DCT frequencies of a 32×32 thumbnail) also survives small brightness and
 * contrast edits. Both are 64-bit, compared by Hamming distance.
 */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { DEFAULT_MAX_PIXELS, formatOf, imageSize, refuseImage } from './header.js';

export { formatOf, type ImageFormat } from './header.js';

export interface Gray {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Decodes PNG/JPEG to luminance (alpha composited on white). Throws on other formats, corrupt data, or a header
 * promising more than `maxPixels` (checked before the decoder allocates anything).
 */
export function decodeGray(buf: Buffer, maxPixels = DEFAULT_MAX_PIXELS): Gray {
  const fmt = formatOf(buf);
  const refused = refuseImage(imageSize(buf), maxPixels);
  if (refused) throw new Error(refused.zh);
  let width: number, height: number, rgba: Uint8Array;
  if (fmt === 'png') {
    const png = PNG.sync.read(buf);
    width = png.width;
    height = png.height;
    rgba = png.data;
  } else if (fmt === 'jpeg') {
    const img = jpeg.decode(buf, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: Math.max(1, Math.ceil(maxPixels / 1e6)),
      maxMemoryUsageInMB: 1024,
    });
    width = img.width;
    height = img.height;
    rgba = img.data;
  } else {
    throw new Error('not a PNG or JPEG image');
  }
  const data = new Float32Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const l = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = l * a + 255 * (1 - a);
  }
  return { width, height, data };
}

/** Area-average resize (box filter): cheap and free of the aliasing a nearest-neighbour thumbnail would add. */
export function resize(g: Gray, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * g.height) / h),
      y1 = Math.max(y0 + 1, Math.floor(((y + 1) * g.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * g.width) / w),
        x1 = Math.max(x0 + 1, Math.floor(((x + 1) * g.width) / w));
      let s = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) s += g.data[yy * g.width + xx]!;
      out[y * w + x] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

const hex = (bits: number[]): string => {
  let s = '';
  for (let i = 0; i < 64; i += 4)
    s += ((bits[i]! << 3) | (bits[i + 1]! << 2) | (bits[i + 2]! << 1) | bits[i + 3]!).toString(16);
  return s;
};

export function dHash(g: Gray): string {
  const t = resize(g, 9, 8);
  const bits: number[] = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push(t[y * 9 + x]! < t[y * 9 + x + 1]! ? 1 : 0);
  return hex(bits);
}

const COS = (() => {
  const c = new Float64Array(32 * 32);
  for (let k = 0; k < 32; k++) for (let n = 0; n < 32; n++) c[k * 32 + n] = Math.cos(((2 * n + 1) * k * Math.PI) / 64);
  return c;
})();

export function pHash(g: Gray): string {
  const t = resize(g, 32, 32);
  // separable 2-D DCT-II, only the 8×8 low frequencies are needed
  const rows = new Float64Array(32 * 8);
  for (let y = 0; y < 32; y++)
    for (let k = 0; k < 8; k++) {
      let s = 0;
      for (let n = 0; n < 32; n++) s += t[y * 32 + n]! * COS[k * 32 + n]!;
      rows[y * 8 + k] = s;
    }
  const coef: number[] = [];
  for (let ky = 0; ky < 8; ky++)
    for (let kx = 0; kx < 8; kx++) {
      let s = 0;
      for (let y = 0; y < 32; y++) s += rows[y * 8 + kx]! * COS[ky * 32 + y]!;
      coef.push(s);
    }
  const ac = coef.slice(1);
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)]!;
  return hex(coef.map((c, i) => (i === 0 ? 0 : c > median ? 1 : 0)));
}

export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

export interface ImageHashes {
  dhash: string;
  phash: string;
  width: number;
  height: number;
}
export function hashImage(buf: Buffer, maxPixels = DEFAULT_MAX_PIXELS): ImageHashes {
  const g = decodeGray(buf, maxPixels);
  return { dhash: dHash(g), phash: pHash(g), width: g.width, height: g.height };
}
