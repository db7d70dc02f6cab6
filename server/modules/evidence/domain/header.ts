/**
 * Image dimensions read from the file header, before any pixel is decoded. A decompression bomb is a few kilobytes
 * of compressed zeros whose header promises 20000×20000 pixels: decoding it allocates gigabytes and takes the CPU
 * for tens of seconds. The header is where the promise is made, so it is where the limit is checked.
 */
import type { Bilingual } from '../../../platform/errors/index.js';

export type ImageFormat = 'png' | 'jpeg' | 'unknown';
export function formatOf(buf: Buffer): ImageFormat {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  return 'unknown';
}

export interface ImageSize {
  format: Exclude<ImageFormat, 'unknown'>;
  width: number;
  height: number;
}

/** Default limits; the process may lower or raise them (XIEZHI_IMAGE_MAX_PIXELS). */
export const DEFAULT_MAX_PIXELS = 40_000_000;

/** Width and height from a PNG IHDR or a JPEG start-of-frame; null when the header cannot be read. */
export function imageSize(buf: Buffer): ImageSize | null {
  const fmt = formatOf(buf);
  if (fmt === 'png') {
    // signature (8) · IHDR length (4) · "IHDR" (4) · width (4) · height (4): IHDR must be the first chunk
    if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { format: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (fmt === 'jpeg') {
    let off = 2;
    while (off + 4 <= buf.length) {
      if (buf[off] !== 0xff) return null;
      const marker = buf[off + 1]!;
      if (marker === 0xff) {
        off++;
        continue;
      } // fill bytes
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        off += 2;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null; // scan before any frame header: malformed
      const len = buf.readUInt16BE(off + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision (1) · height (2) · width (2)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (off + 9 > buf.length) return null;
        return { format: 'jpeg', height: buf.readUInt16BE(off + 5), width: buf.readUInt16BE(off + 7) };
      }
      if (len < 2) return null;
      off += 2 + len;
    }
  }
  return null;
}

/**
 * Why an image must not be decoded, or null when it may: more pixels than the limit, or a zero size. A header that
 * cannot be read is no refusal here — the decoder will fail on it cheaply and the upload is flagged undecodable.
 */
export function refuseImage(size: ImageSize | null, maxPixels = DEFAULT_MAX_PIXELS): Bilingual | null {
  if (!size) return null;
  const px = size.width * size.height;
  const dims = `${size.width}×${size.height}`;
  if (size.width === 0 || size.height === 0)
    return { zh: `图片尺寸无效（${dims}）`, en: `The image size is not valid (${dims}).` };
  if (px > maxPixels) {
    const mp = Math.round(px / 1e6);
    const max = Math.round(maxPixels / 1e6);
    return {
      zh: `图片像素过多（${dims}，约 ${mp} 百万像素，上限 ${max} 百万像素），请压缩后重新上传`,
      en: `The image has too many pixels (${dims}, about ${mp} megapixels; the limit is ${max}); please compress it and upload again.`,
    };
  }
  return null;
}
